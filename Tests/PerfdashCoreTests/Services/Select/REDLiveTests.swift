import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// RED, pools and limiters from a real service instrumented with prometheus_client (Tests/Fixtures/services/
/// red_service.py), given real HTTP traffic between two scrapes, checked by hand and against Prometheus' own
/// engine (`promtool`) evaluating `rate()` and `histogram_quantile()` over the same two scrapes.
@Suite("RED on a live prometheus_client service", .serialized)
struct REDLiveTests {
    static let interval = 10

    /// Starts the service and returns it with its base URL.
    static func start() throws -> (ChildProcess, String) {
        let script = TestPaths.fixture("services/red_service.py").path
        let service = try ChildProcess(["python3", script], output: .pipe)
        guard let line = service.readLine(), line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            service.stop()
            throw ChildProcess.SpawnError(code: ECHILD, command: "red_service.py")
        }
        return (service, "http://127.0.0.1:\(port)")
    }

    /// Sends every request over one curl (one connection, in order).
    static func send(_ base: String, _ paths: [String]) throws {
        let run = try runProcess(["curl", "-sS", "--max-time", "20", "-o", "/dev/null"] + paths.map { base + $0 })
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Equal within 1e-12 (the numbers go through a few divisions).
    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-12
    }

    static func repeated(_ path: String, _ times: Int) -> [String] { Array(repeating: path, count: times) }

    /// Two scrapes `interval` seconds apart (on the test's clock) around known traffic.
    static func scrapes(_ base: String) throws -> [(body: [UInt8], contentType: String)] {
        // Every series exists before the first scrape, as in a service that has been running a while.
        // (PromQL's rate() cannot see a series' first sample as an increase; perfdash counts a 5xx series that
        // appears later from 0, which this seeding keeps out of the comparison.)
        try send(base, ["/api/items?latency=0.001", "/api/search?latency=0.001", "/health?latency=0.001",
                        "/api/items?status=503&latency=0.001", "/api/search?status=500&latency=0.001",
                        "/pool?in_use=3&max=10&pending=1&acquire=0.005", "/reject?limiter=api&count=0"])
        let first = try ExpositionTestSupport.fetch(base + "/metrics")
        try send(base, repeated("/api/items?status=200&latency=0.03", 30)
                     + repeated("/api/items?status=503&latency=0.2", 10)
                     + repeated("/api/search?status=200&latency=0.07", 20)
                     + repeated("/api/search?status=500&latency=0.6", 5)
                     + repeated("/health?latency=0.001", 15)
                     + ["/pool?in_use=8&max=10&pending=4&acquire=0.05", "/pool?in_use=8&max=10&pending=4&acquire=0.05",
                        "/reject?limiter=api&count=12"])
        let second = try ExpositionTestSupport.fetch(base + "/metrics")
        return [first, second]
    }

    @Test func redPoolsAndLimitersMatchHandAndPromQL() throws {
        let (service, base) = try Self.start()
        defer { service.stop() }
        let scrapes = try Self.scrapes(base)
        var state = ServiceCollectorState(
            services: [ServiceConfig(name: "app", endpoint: .http(try HTTPEndpoint(parsing: base + "/metrics"),
                                                                  bodyLimit: 1 << 20, metrics: .defaults))],
            interval: .seconds(Self.interval))
        for (index, scrape) in scrapes.enumerated() {
            let sample = try Exposition.sample(from: scrape.body, contentType: scrape.contentType, names: .defaults)
            state.record([ScrapeOutcome(name: "app", result: .success(sample), duration: .milliseconds(5))],
                         at: SampleTime(monotonic: .seconds(index * Self.interval), unixMilliseconds: 0))
        }
        let report = try #require(state.reports(window: .oneMinute, now: 0).first)
        let metrics = try #require(report.metrics)
        #expect(metrics.presets == ["prometheus_client", "perfdash"])
        // /health is a probe: left out. 40 and 25 requests in 10 s.
        #expect(metrics.routes?.map(\.route) == ["/api/items", "/api/search"])
        let items = try #require(metrics.routes?.first), search = try #require(metrics.routes?.last)
        #expect(items.requests == 40 && items.errors == 10)
        #expect(items.requestsPerSecond == 4 && items.errorPercent == 25)
        #expect(search.requestsPerSecond == 2.5 && search.errorPercent == 20)
        let red = try #require(metrics.red)
        #expect(red.requestsPerSecond == 6.5)
        #expect(Self.close(red.errorPercent, 1500.0 / 65))
        // /api/items: 30 in (0.025, 0.05], 10 in (0.1, 0.25]: p50 rank 20 → 0.025 + 0.025·20/30;
        // p95 rank 38 → 0.1 + 0.15·8/10. Service: 30 ≤ 0.05, 50 ≤ 0.1, 60 ≤ 0.25, 65 ≤ 1:
        // p95 rank 61.75 → 0.5 + 0.5·1.75/5; p99 rank 64.35 → 0.5 + 0.5·4.35/5.
        let itemsP50: Double = 0.025 + 0.025 * 20.0 / 30.0
        #expect(Self.close(items.p50Seconds, itemsP50))
        #expect(Self.close(items.p95Seconds, 0.22))
        #expect(Self.close(red.p95Seconds, 0.675))
        #expect(Self.close(red.p99Seconds, 0.935))

        let pool = try #require(metrics.pools?.first)
        #expect(pool.pool == "db" && pool.inUse == 8 && pool.max == 10 && pool.pending == 4)
        #expect(pool.utilizationPercent == 80 && pool.avgUtilizationPercent == 55)
        #expect(pool.maxPending == 4)
        // Two acquisitions of 0.05 s in (0.01, 0.1]: p50 rank 1 of 2 → 0.01 + 0.09/2.
        #expect(Self.close(pool.acquireP50Seconds, 0.055))
        let limiter = try #require(metrics.limiters?.first)
        #expect(limiter.limiter == "api" && limiter.rejections == 12 && limiter.rejectionsPerSecond == 1.2)

        let flat = Dictionary(report.flatSeries().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(flat["service.app.requests_per_second"] == 6.5)
        #expect(flat["service.app.route./api/items.error_percent"] == 25)
        #expect(flat["service.app.route./api/search.requests_per_second"] == 2.5)
        #expect(flat["service.app.pool.db.utilization_percent"] == 80)
        #expect(flat["service.app.pool.db.pending"] == 4)
        #expect(flat["service.app.limiter.api.rejections_per_second"] == 1.2)

        // The same figures from Prometheus' engine over the same two scrapes.
        let families = try scrapes.map { try Exposition.families(from: $0.body, contentType: $0.contentType) }
        let series = PromQLReference.series(families, names: [
            "http_requests_total", "http_request_duration_seconds_bucket", "app_rate_limiter_rejections_total"])
        let window = "[\(Self.interval)s]"
        let keep = #"handler!~"/?(metrics|-/.*|health.*|livez|readyz|ready|live|ping|actuator(/.*)?|favicon.ico)|prometheus-django-metrics""#
        let reference = try PromQLReference.evaluate([
            "sum(rate(http_requests_total{\(keep)}\(window)))",
            "sum(rate(http_requests_total{handler=\"/api/items\"}\(window)))",
            "100 * sum(rate(http_requests_total{\(keep),status=~\"5..\"}\(window))) / sum(rate(http_requests_total{\(keep)}\(window)))",
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{\(keep)}\(window))))",
            "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{\(keep)}\(window))))",
            "histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{handler=\"/api/items\"}\(window))))",
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{handler=\"/api/items\"}\(window))))",
            "sum(rate(app_rate_limiter_rejections_total\(window)))",
        ], over: series, interval: Self.interval)
        let ours: [Double?] = [red.requestsPerSecond, items.requestsPerSecond, red.errorPercent, red.p95Seconds,
                               red.p99Seconds, items.p50Seconds, items.p95Seconds, limiter.rejectionsPerSecond]
        #expect(reference.count == ours.count)
        for (index, (theirs, mine)) in zip(reference, ours).enumerated() {
            let expected = try #require(theirs, "expression \(index) gave no result")
            #expect(abs(try #require(mine) - expected) <= 1e-9 * max(1, abs(expected)),
                    "expression \(index): perfdash \(String(describing: mine)), PromQL \(expected)")
        }
    }

    /// django-prometheus' real output (Django's request path through its middleware, run by the test).
    @Test func djangoPrometheus() throws {
        let output = try ExpositionTestSupport.output(
            of: "python3", [TestPaths.fixture("services/django_exposition.py").path])
        let metrics = ServiceMetrics(totals: try Exposition.sample(from: Array(output), contentType: nil,
                                                                   names: .defaults))
        #expect(metrics.red.presets.first == "django_prometheus")
        // health and the exporter's own view are left out.
        #expect(metrics.red.routes.map(\.name) == ["boom", "items"])
        #expect(metrics.red.routes.map(\.requests) == [2, 6])
        #expect(metrics.red.routes.map(\.errorPercent) == [100, 0])
        #expect(metrics.red.service?.errorPercent == 25)
        #expect(metrics.red.routes.map { $0.latency?.observations } == [2, 6])
        #expect(metrics.caches.map(\.name) == ["locmem"])
        #expect(metrics.caches.first?.hits == 5 && metrics.caches.first?.misses == 3)
    }
}
