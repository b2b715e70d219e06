import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Each preset on its software's documented output (these exporters and libraries do not run here; the ones that
/// do are tested live in `PresetLiveTests`). Numbers are the fixtures' totals, worked out by hand.
@Suite("Presets on documented expositions")
struct PresetFixtureTests {
    static func metrics(_ name: String, selectors: ServiceSelectors = .automatic) throws -> ServiceMetrics {
        var names = ServiceMetricNames.defaults
        names.selectors = selectors
        let body = Array(try Data(contentsOf: TestPaths.fixture("presets/\(name).prom")))
        return ServiceMetrics(totals: try Exposition.sample(from: body, contentType: nil, names: names))
    }

    static func route(_ metrics: ServiceMetrics, _ name: String) throws -> RouteMetrics {
        try #require(metrics.red.routes.first { $0.name == name }, "no route \(name) in \(metrics.red.routes.map(\.name))")
    }

    @Test func micrometer() throws {
        let metrics = try Self.metrics("micrometer")
        #expect(metrics.red.presets == ["micrometer"])
        // /actuator/prometheus is the scrape itself: left out.
        #expect(metrics.red.routes.map(\.name) == ["/api/users"])
        let users = try Self.route(metrics, "/api/users")
        #expect(users.requests == 120 && users.errors == 20)
        #expect(abs(try #require(users.errorPercent) - 100.0 / 6) < 1e-12)
        // Buckets 80 ≤ 0.05, 100 ≤ 0.1, 120 total: p50 rank 60 → 0.05·60/80; p95 rank 114 lies in +Inf → 0.1.
        #expect(abs(try #require(users.latency?.p50) - 0.0375) < 1e-12)
        #expect(users.latency?.p95 == 0.1)
        #expect(users.requestsPerSecond == nil)  // one scrape: no rate
        #expect(metrics.caches.map(\.name) == ["sessions", "users"])
        #expect(metrics.caches.map(\.hitRate) == [0.9, 0.85])
        #expect(metrics.caches.map(\.evictions) == [nil, 4])
        let pools = Dictionary(uniqueKeysWithValues: metrics.red.pools.map { ($0.name, $0) })
        let hikari = try #require(pools["HikariPool-1"])
        #expect(hikari.inUse == 7 && hikari.idle == 3 && hikari.max == 10 && hikari.pending == 2)
        #expect(hikari.utilizationPercent == 70)
        // The acquire timer is a summary without quantiles: mean 0.6 / 120.
        #expect(hikari.acquire?.mean == 0.005 && hikari.acquire?.p95 == nil)
        #expect(pools["applicationTaskExecutor"]?.utilizationPercent == 25)
        #expect(metrics.queues.map(\.name) == ["applicationTaskExecutor"] && metrics.queues.first?.current == 5)
        #expect(metrics.red.figureSources["cache_hits"] == #"micrometer: cache_gets_total{result="hit"}"#)
    }

    @Test func openTelemetry() throws {
        let metrics = try Self.metrics("opentelemetry")
        #expect(metrics.red.presets == ["opentelemetry"])
        #expect(metrics.red.routes.map(\.name) == ["/cart", "/pay"])
        #expect(try Self.route(metrics, "/cart").errorPercent == 0)
        #expect(try Self.route(metrics, "/pay").errorPercent == 100)
        let service = try #require(metrics.red.service)
        #expect(service.requests == 50 && service.errors == 10 && service.errorPercent == 20)
        // Service buckets: 30 ≤ 0.1, 43 ≤ 0.5, 50 total. p50 rank 25 → 0.1·25/30.
        #expect(abs(try #require(service.latency?.p50) - 0.1 * 25 / 30) < 1e-12)
        let pool = try #require(metrics.red.pools.first)
        #expect(pool.name == "orders" && pool.inUse == 4 && pool.idle == 12 && pool.max == 16)
        #expect(pool.utilizationPercent == 25 && pool.pending == 0)
    }

    @Test func clientGolang() throws {
        let metrics = try Self.metrics("client_golang")
        #expect(metrics.red.presets == ["client_golang"])
        #expect(metrics.red.routes.map(\.name) == ["/orders"])  // /healthz left out
        let orders = try Self.route(metrics, "/orders")
        #expect(orders.requests == 100 && orders.errors == 10 && orders.errorPercent == 10)
        // 50 ≤ 0.1, 100 ≤ 1: p95 rank 95 → 0.1 + 0.9·45/50.
        #expect(orders.latency?.p50 == 0.1)
        #expect(abs(try #require(orders.latency?.p95) - 0.91) < 1e-12)
        #expect(metrics.red.pools.first?.utilizationPercent == 75)
    }

    @Test func promClient() throws {
        let metrics = try Self.metrics("prom_client")
        #expect(metrics.red.presets == ["prom_client"])
        #expect(metrics.red.routes.map(\.name) == ["/products"])  // /metrics left out
        let products = try Self.route(metrics, "/products")
        #expect(products.requests == 10 && products.errors == 2 && products.errorPercent == 20)
        // 2 ≤ 0.003, 6 ≤ 0.03, 10 ≤ 0.1: p50 rank 5 → 0.003 + 0.027·3/4.
        #expect(abs(try #require(products.latency?.p50) - 0.02325) < 1e-12)
    }

    @Test func memcachedExporter() throws {
        let metrics = try Self.metrics("memcached_exporter")
        #expect(metrics.red.presets == ["memcached_exporter"])
        #expect(metrics.caches.map(\.name) == ["memcached"])
        #expect(metrics.caches.first?.hitRate == 0.9 && metrics.caches.first?.evictions == 3)
        #expect(metrics.red.routes.map(\.name) == ["delete", "get", "set"])
        #expect(metrics.red.routes.map(\.requests) == [2, 100, 40])
        #expect(metrics.red.routes.first?.errors == nil)  // no error series: unknown, not 0
        #expect(metrics.red.pools.first?.utilizationPercent == 100.0 * 12 / 1024)
    }

    @Test func postgresExporter() throws {
        let metrics = try Self.metrics("postgres_exporter")
        #expect(metrics.red.presets == ["postgres_exporter"])
        #expect(metrics.caches.map(\.name) == ["shop"])  // template databases left out
        #expect(metrics.caches.first?.hitRate == 0.99)
        let shop = try Self.route(metrics, "shop")
        #expect(shop.requests == 400 && shop.errors == 20 && shop.errorPercent == 5)
        let pool = try #require(metrics.red.pools.first)
        #expect(pool.name == "connections" && pool.inUse == 25 && pool.max == 100 && pool.utilizationPercent == 25)
    }

    @Test func celeryExporter() throws {
        let metrics = try Self.metrics("celery_exporter")
        #expect(metrics.red.presets == ["celery_exporter"])
        let task = try Self.route(metrics, "tasks.resize")
        #expect(task.requests == 50 && task.errors == 5 && task.errorPercent == 10)
        #expect(task.latency?.p50 == 0.625)  // 40 ≤ 1 s of 50: rank 25 → 25/40
        #expect(metrics.queues.map(\.name) == ["default", "images"] && metrics.queues.map(\.current) == [0, 7])
        #expect(metrics.red.limiters.map(\.name) == ["tasks.resize"] && metrics.red.limiters.first?.rejections == 1)
    }

    /// A configured selector replaces the preset's for that figure only; `by` relabels the group.
    @Test func overridesReplaceOneFigure() throws {
        let selectors = ServiceSelectors(
            preset: .auto,
            overrides: [.requests: [try MetricSelector(parsing: #"http_server_requests_seconds_count{method="GET"}"#)]],
            by: [.route: ["status"]])
        let metrics = try Self.metrics("micrometer", selectors: selectors)
        // By status now, probes included (the override has no route filter); errors follow the override: 5xx.
        #expect(metrics.red.routes.map(\.name) == ["200", "500"])
        #expect(metrics.red.routes.map(\.requests) == [600, 20])
        #expect(metrics.red.routes.map(\.errors) == [0, 20])
        #expect(metrics.red.figureSources["requests"]?.hasPrefix("config: ") == true)
        #expect(metrics.caches.map(\.hitRate) == [0.9, 0.85])  // still the preset's
    }

    /// `preset = "none"`: only perfdash's default names; a named preset: only that one.
    @Test func presetChoiceIsHonoured() throws {
        let none = try Self.metrics("micrometer", selectors: ServiceSelectors(preset: .none, overrides: [:], by: [:]))
        #expect(none.red.routes.isEmpty && none.red.pools.isEmpty)
        // perfdash's default suffix names still read `cache_evictions_total`, but no hits or misses.
        #expect(none.caches.allSatisfy { $0.hits == 0 && $0.misses == 0 && $0.hitRate == nil })
        let other = try Self.metrics("micrometer",
                                     selectors: ServiceSelectors(preset: .named("opentelemetry"), overrides: [:], by: [:]))
        #expect(other.red.routes.isEmpty)
    }
}
