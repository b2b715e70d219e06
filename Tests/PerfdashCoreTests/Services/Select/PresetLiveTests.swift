import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Presets on the real software's own output, started by the test on loopback: postgres_exporter (Debian's
/// prometheus-postgres-exporter) in front of a PostgreSQL the test starts, client_golang in two real Go programs
/// (prometheus-node-exporter, and the Prometheus server with its promhttp-instrumented API), and the OpenTelemetry
/// SDK's Prometheus exporter. Figures are checked against SQL on pg_stat_database, by hand, and against Prometheus'
/// engine over the same two scrapes.
@Suite("Presets on real expositions", .serialized)
struct PresetLiveTests {
    static let interval = 10

    /// The two scrapes as a window, `interval` seconds apart on the test's clock.
    static func window(_ scrapes: [(body: [UInt8], contentType: String)]) throws -> ServiceMetrics {
        var window = ServiceWindow(capacity: 10)
        for (index, scrape) in scrapes.enumerated() {
            window.append(try Exposition.sample(from: scrape.body, contentType: scrape.contentType, names: .defaults),
                          at: Double(index * interval))
        }
        return try #require(window.metrics(over: 60))
    }

    static func route(_ metrics: ServiceMetrics, _ name: String) throws -> RouteMetrics {
        try #require(metrics.red.routes.first { $0.name == name },
                     "no route \(name) in \(metrics.red.routes.map(\.name))")
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }

    // MARK: postgres_exporter

    /// pg_stat_database's counters of `shop`, in the exporter's order of interest.
    static func shopCounters(_ server: PostgresServer) throws -> [Double] {
        try server.psql("SELECT blks_hit, blks_read, xact_commit, xact_rollback FROM pg_stat_database "
                        + "WHERE datname = 'shop'").split(separator: "|").map { try #require(Double($0)) }
    }

    /// Scrapes the exporter at a moment SQL says the counters of `shop` stand still (the same before and after the
    /// scrape), so the scrape and the SQL reading are of the same state. Backends flush their statistics when they
    /// end, a moment after pgbench or psql returns; the loop is bounded.
    static func steadyScrape(_ server: PostgresServer, exporter port: Int) throws
        -> (scrape: (body: [UInt8], contentType: String), sql: [Double]) {
        for _ in 0..<500 {
            let before = try shopCounters(server)
            let scrape = try ExpositionTestSupport.fetch("http://127.0.0.1:\(port)/metrics")
            if try shopCounters(server) == before { return (scrape, before) }
        }
        throw Unsettled()
    }

    /// The counters of shop never stood still for one scrape.
    struct Unsettled: Error {}

    @Test func postgresExporterMatchesPgStatDatabase() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE DATABASE shop")
        try server.pgbench(["-i", "-q", "-s", "1"], database: "shop")
        let port = try Sockets.freePort()
        let exporter = try ChildProcess(
            ["prometheus-postgres-exporter", "--web.listen-address=127.0.0.1:\(port)"],
            environment: ["DATA_SOURCE_NAME": "postgresql://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable",
                          "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        defer { exporter.stop() }
        try exporter.waitUntilListening(port: port)

        let first = try Self.steadyScrape(server, exporter: port)
        // Known traffic on shop: pgbench's transactions and three rolled back by hand.
        try server.pgbench(["-n", "-c", "2", "-t", "25", "-S"], database: "shop")
        for _ in 0..<3 { try server.psql("BEGIN; SELECT count(*) FROM pgbench_branches; ROLLBACK", database: "shop") }
        let second = try Self.steadyScrape(server, exporter: port)
        let delta = zip(second.sql, first.sql).map { $0 - $1 }
        #expect(delta[3] == 3)

        let metrics = try Self.window([first.scrape, second.scrape])
        #expect(metrics.red.presets.first == "postgres_exporter")
        // One cache and one route per database; templates and the shared-objects row (datname "") left out.
        #expect(metrics.caches.map(\.name) == ["postgres", "shop"])
        let shop = try #require(metrics.caches.first { $0.name == "shop" })
        #expect(shop.hits == delta[0] && shop.misses == delta[1])
        #expect(Self.close(shop.hitRate, delta[0] / (delta[0] + delta[1])))
        #expect(metrics.red.routes.map(\.name) == ["postgres", "shop"])
        let transactions = try Self.route(metrics, "shop")
        #expect(transactions.requests == delta[2] + delta[3] && transactions.errors == 3)
        #expect(Self.close(transactions.requestsPerSecond, (delta[2] + delta[3]) / Double(Self.interval)))
        #expect(Self.close(transactions.errorPercent, 300 / (delta[2] + delta[3])))
        let connections = try #require(metrics.red.pools.first { $0.name == "connections" })
        #expect(connections.max == Double(try server.psql("SHOW max_connections")))
        // The exporter's own session is connected while it scrapes.
        #expect((connections.inUse ?? 0) >= 1)
    }

    // MARK: client_golang

    /// node_exporter: go_info reveals client_golang; its only HTTP series is promhttp's handler for the scrape itself,
    /// which is not traffic; it has no pools, caches or queues, and none are made up.
    @Test func nodeExporterIsClientGolangWithoutTraffic() throws {
        let port = try Sockets.freePort()
        let exporter = try ChildProcess(["prometheus-node-exporter", "--web.listen-address=127.0.0.1:\(port)"])
        defer { exporter.stop() }
        try exporter.waitUntilListening(port: port)
        let url = "http://127.0.0.1:\(port)/metrics"
        let metrics = try Self.window([try ExpositionTestSupport.fetch(url), try ExpositionTestSupport.fetch(url)])
        #expect(metrics.red.presets == ["client_golang"])
        #expect(metrics.red.routes.isEmpty && metrics.red.service == nil)
        #expect(metrics.red.pools.isEmpty && metrics.red.limiters.isEmpty)
        #expect(metrics.caches.isEmpty && metrics.queues.isEmpty)
    }

    /// The Prometheus server is a client_golang program whose API handlers are instrumented with promhttp
    /// (`prometheus_http_requests_total{code,handler}`, `prometheus_http_request_duration_seconds{handler}`): a
    /// namespaced name, as client_golang's CounterOpts.Namespace makes them.
    @Test func prometheusServerRoutesMatchPromQL() throws {
        let scratch = try ScratchDirectory()
        let prometheus = try PrometheusProcess(jobs: [], in: scratch)
        defer { prometheus.stop() }
        let base = prometheus.url
        // Every handler's series exists before the first scrape, as in a server that has been running a while.
        let paths = ["/api/v1/query?query=up", "/api/v1/labels", "/api/v1/query?query=1%2B"]
        for path in paths { _ = SimpleHTTP.get(port: prometheus.port, path: path) }
        let first = try ExpositionTestSupport.fetch(base + "/metrics")
        // 12 queries, 4 label lists, 3 bad queries (400: a client error, not a server one), 5 readiness probes.
        let traffic = Array(repeating: paths[0], count: 12) + Array(repeating: paths[1], count: 4)
            + Array(repeating: paths[2], count: 3) + Array(repeating: "/-/ready", count: 5)
        for path in traffic { #expect(SimpleHTTP.get(port: prometheus.port, path: path) != nil) }
        let second = try ExpositionTestSupport.fetch(base + "/metrics")
        let metrics = try Self.window([first, second])
        #expect(metrics.red.presets == ["client_golang"])
        // /metrics and /-/ready are probes of the server: left out.
        #expect(metrics.red.routes.map(\.name) == ["/api/v1/labels", "/api/v1/query"])
        let query = try Self.route(metrics, "/api/v1/query")
        #expect(query.requests == 15 && query.errors == 0 && query.errorPercent == 0)
        #expect(query.requestsPerSecond == 1.5)
        #expect(try Self.route(metrics, "/api/v1/labels").requestsPerSecond == 0.4)
        let service = try #require(metrics.red.service)

        let families = try [first, second].map { try Exposition.families(from: $0.body, contentType: $0.contentType) }
        let series = PromQLReference.series(families, names: [
            "prometheus_http_requests_total", "prometheus_http_request_duration_seconds_bucket"])
        let window = "[\(Self.interval)s]"
        let keep = #"handler!~"/?(metrics|-/.*|health.*|livez|readyz|ready|live|ping|actuator(/.*)?|favicon.ico)|prometheus-django-metrics""#
        let reference = try PromQLReference.evaluate([
            "sum(rate(prometheus_http_requests_total{\(keep)}\(window)))",
            "histogram_quantile(0.5, sum by (le) (rate(prometheus_http_request_duration_seconds_bucket{\(keep)}\(window))))",
            "histogram_quantile(0.99, sum by (le) (rate(prometheus_http_request_duration_seconds_bucket{\(keep)}\(window))))",
            "histogram_quantile(0.95, sum by (le) (rate(prometheus_http_request_duration_seconds_bucket{handler=\"/api/v1/query\"}\(window))))",
        ], over: series, interval: Self.interval)
        let ours: [Double?] = [service.requestsPerSecond, service.latency?.p50, service.latency?.p99,
                               query.latency?.p95]
        #expect(reference.count == ours.count)
        for (index, (theirs, mine)) in zip(reference, ours).enumerated() {
            let expected = try #require(theirs, "expression \(index) gave no result")
            #expect(Self.close(mine, expected),
                    "expression \(index): perfdash \(String(describing: mine)), PromQL \(expected)")
        }
    }

    // MARK: OpenTelemetry

    /// The OpenTelemetry SDK's Prometheus exporter (Tests/Fixtures/services/otel_exposition.py): the names the
    /// semantic conventions give, as that exporter writes them, over two scrapes.
    @Test func openTelemetrySDKExposition() throws {
        let output = try ExpositionTestSupport.output(
            of: "python3", [TestPaths.fixture("services/otel_exposition.py").path])
        let text = String(decoding: output, as: UTF8.self)
        let parts = text.components(separatedBy: "\n---\n")
        try #require(parts.count == 2)
        let metrics = try Self.window(parts.map { (Array($0.utf8), "text/plain; version=0.0.4") })
        #expect(metrics.red.presets.first == "opentelemetry")
        // /health is a probe; the 404 no route matched has no http.route (the exporter writes it empty): it is
        // "(no route)", without traffic in the window.
        #expect(metrics.red.routes.map(\.name) == ["(no route)", "/cart", "/pay"])
        #expect(try Self.route(metrics, "(no route)").requests == 0)
        let cart = try Self.route(metrics, "/cart"), pay = try Self.route(metrics, "/pay")
        #expect(cart.requests == 30 && cart.errorPercent == 0 && cart.requestsPerSecond == 3)
        #expect(pay.requests == 10 && pay.errors == 5 && pay.errorPercent == 50)
        // /cart: 20 in (0.01, 0.025], 10 in (0.05, 0.075]. p50 rank 15 → 0.01 + 0.015·15/20;
        // p95 rank 28.5 → 0.05 + 0.025·8.5/10.
        #expect(Self.close(cart.latency?.p50, 0.02125))
        #expect(Self.close(cart.latency?.p95, 0.07125))
        let service = try #require(metrics.red.service)
        #expect(service.requests == 40 && service.errors == 5 && service.errorPercent == 12.5)
        // Service: 20 ≤ 0.025, 30 ≤ 0.075, 35 ≤ 0.25, 40 ≤ 0.5. p95 rank 38 → 0.25 + 0.25·3/5.
        #expect(Self.close(service.latency?.p95, 0.4))
        let pool = try #require(metrics.red.pools.first)
        #expect(pool.name == "orders" && pool.inUse == 7 && pool.idle == 9 && pool.max == 16 && pool.pending == 3)
        #expect(Self.close(pool.utilizationPercent, 43.75) && pool.maxPending == 3)
        // Waits 0.002, 0.002 in (0.001, 0.005], 0.02, 0.02 in (0.01, 0.05]: p50 rank 2 → 0.005;
        // p95 rank 3.8 → 0.01 + 0.04·1.8/2.
        #expect(Self.close(pool.acquire?.p50, 0.005))
        #expect(Self.close(pool.acquire?.p95, 0.046))
    }
}
