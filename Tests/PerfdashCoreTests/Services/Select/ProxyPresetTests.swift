import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The proxy and cache presets on their exporters' real output, captured from Debian's packages in front of a real
/// HAProxy 2.6, Varnish 7.1 and nginx (stub_status) on loopback. Numbers are the captures' totals, by hand.
@Suite("Presets on captured proxy expositions")
struct ProxyPresetTests {
    /// prometheus-haproxy-exporter 0.14 in front of HAProxy with a frontend `web` (16 responses: 12 2xx, 1 4xx,
    /// 3 5xx), backends `app` and `dead`, and the `stats` frontend and backend the exporter reads.
    @Test func haproxyExporter() throws {
        let metrics = try PresetFixtureTests.metrics("haproxy_exporter")
        // The exporter is a Go program (go_info): client_golang is detected too, and finds no route of its own.
        #expect(metrics.red.presets == ["haproxy", "client_golang"])
        // The stats page is the scrape itself: left out, as /metrics is.
        #expect(metrics.red.routes.map(\.name) == ["web"])
        let web = try PresetFixtureTests.route(metrics, "web")
        #expect(web.requests == 16 && web.errors == 3 && web.errorPercent == 18.75)
        #expect(metrics.queues.map(\.name) == ["app", "dead"] && metrics.queues.map(\.current) == [0, 0])
        #expect(metrics.red.pools.map(\.name) == ["app", "dead"])
        #expect(metrics.red.pools.allSatisfy { $0.inUse == 0 && $0.max == 1000 && $0.utilizationPercent == 0 })
        #expect(metrics.caches.isEmpty)
    }

    /// prometheus-varnish-exporter 1.6 in front of varnishd 7.1 after 9 hits and 5 misses of 14 client requests.
    @Test func varnishExporter() throws {
        let metrics = try PresetFixtureTests.metrics("varnish_exporter")
        #expect(metrics.red.presets == ["varnish"])
        let cache = try #require(metrics.caches.first)
        #expect(metrics.caches.map(\.name) == ["varnish"])
        #expect(cache.hits == 9 && cache.misses == 5 && cache.hitRate == 9.0 / 14 && cache.evictions == 0)
        let client = try PresetFixtureTests.route(metrics, "client")
        #expect(client.requests == 14)
        // Varnish counts requests without a status class: errors are not read, never 0 %.
        #expect(client.errors == nil && client.errorPercent == nil)
        #expect(metrics.queues.map(\.name) == ["threads"] && metrics.queues.first?.current == 0)
    }

    /// prometheus-nginx-exporter 0.11 on stub_status: one request counter without a status label. perfdash's own
    /// names read it as requests; with no status anywhere the error rate is unknown, not 0 %.
    @Test func nginxExporterHasNoErrorRate() throws {
        let metrics = try PresetFixtureTests.metrics("nginx_exporter")
        let route = try #require(metrics.red.routes.first)
        #expect(metrics.red.routes.count == 1 && route.requests == 4500)
        #expect(route.errors == nil && route.errorPercent == nil)
        #expect(metrics.red.service?.errorPercent == nil)
        #expect(metrics.caches.isEmpty && metrics.queues.isEmpty && metrics.red.pools.isEmpty)
    }

    /// prometheus-redis-exporter 1.45 with `--check-single-keys` on a Redis holding a list `jobs` in databases 0 and
    /// 1 (15 and 7 entries) and `emails` in database 0: two queues, not one of 22.
    @Test func redisKeysOfOneNameInTwoDatabases() throws {
        let metrics = try PresetFixtureTests.metrics("redis_exporter_twodb")
        #expect(metrics.queues.map(\.name) == ["db1/jobs", "emails", "jobs"])
        #expect(metrics.queues.map(\.current) == [7, 3, 15])
        // 212 hits and 148 misses: 212 / 360.
        #expect(metrics.caches.map(\.name) == ["keyspace"] && metrics.caches.first?.hitRate == 212.0 / 360)
    }
}
