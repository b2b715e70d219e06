import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The built `perfdash` against real services on 127.0.0.1: a prometheus_client service, a redis-server and a
/// closed port, through `perfdash snapshot` and `perfdash probe`.
@Suite("Live services through the CLI", .serialized)
struct LiveServicesCLITests {
    /// Decodes `perfdash snapshot --format json --count N` (N > 1): an array of snapshots.
    static func snapshots(_ json: String) throws -> [Snapshot] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Snapshot].self, from: Data(json.utf8))
    }

    @Test func snapshotHasLiveServicesNextToTheHost() async throws {
        let (service, url) = try LiveExporterTests.startPythonService(["--traffic-per-scrape"])
        defer { service.stop() }
        let redis = try RedisServer()
        defer { redis.stop() }
        let closed = try Sockets.closedPort()
        let run = try runPerfdash([
            "snapshot", "--count", "3", "--interval", "200ms", "--format", "json", "--scrape", "app=\(url)",
            "--redis", "cache=127.0.0.1:\(redis.port)", "--scrape", "dead=http://127.0.0.1:\(closed)/metrics",
        ])
        #expect(run.status == 0)
        let last = try #require(try Self.snapshots(run.stdout).last)
        #expect(last.host.memory != nil && !last.host.cpu.cores.isEmpty)
        let services = try #require(last.services)
        // The quick flags' services in flag order: the --scrape ones, then the --redis ones.
        #expect(services.map(\.name) == ["app", "dead", "cache"])

        let app = services[0]
        #expect(app.state == .up && app.kind == "prometheus" && app.address == url)
        let metrics = try #require(app.metrics)
        #expect(metrics.scrapes >= 2)
        // Every scrape adds 9 l1 hits and 1 miss: over k scrape intervals 9k / (9k + k) = 90 %.
        let l1 = try #require(metrics.caches.first { $0.level == "l1" })
        #expect(approx(l1.hitRatePercent, 90))
        #expect(l1.hits == 9 * l1.misses && l1.misses == Double(metrics.scrapes - 1))
        // l2 has no traffic while perfdash watches: n/a, never 0 %.
        #expect(metrics.caches.first { $0.level == "l2" }?.hitRatePercent == nil)
        #expect(metrics.queues.map(\.queue) == ["high", "low"] && metrics.queues.map(\.now) == [3, 12])

        let cache = services[2]
        #expect(cache.state == .up && cache.kind == "redis" && cache.address == "127.0.0.1:\(redis.port)")
        #expect(cache.metrics?.caches.map(\.level) == ["redis"])

        let dead = services[1]
        #expect(dead.state == .down && dead.lastError == "connection refused" && dead.errorKind == .refused)
        #expect((dead.downForSeconds ?? 0) > 0 && dead.metrics == nil)

        // The service series join the statistics like the host's.
        #expect(last.stats["service.app.up"]?.max == 1 && last.stats["service.dead.up"]?.max == 0)
        #expect(approx(last.stats["service.app.cache.l1.hit_rate_percent"]?.p50, 90))
    }

    @Test func prometheusOutputWithServiceSeriesParses() async throws {
        let (service, url) = try LiveExporterTests.startPythonService(["--traffic-per-scrape"])
        defer { service.stop() }
        let closed = try Sockets.closedPort()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString).prom")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runPerfdash(["snapshot", "--count", "2", "--interval", "200ms", "--format", "prometheus",
                                     "--scrape", "app=\(url)", "--scrape", "dead=http://127.0.0.1:\(closed)/metrics",
                                     "--output", file.path])
        #expect(run.status == 0)
        // prometheus_client's parser reads the file; each service sample prints as: name service level|queue value.
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                for s in family.samples:
                    if s.name.startswith("perfdash_service_") and "window" not in s.labels:
                        print(s.name, s.labels.get("service"), s.labels.get("level", s.labels.get("queue", "-")), s.value)
            """
        let parsed = try runProcess(["python3", "-c", script, file.path])
        #expect(parsed.status == 0)
        let lines = parsed.stdout.split(separator: "\n").map(String.init)
        // Two snapshots: each family appears twice per service.
        #expect(lines.filter { $0 == "perfdash_service_up app - 1" }.count == 2)
        #expect(lines.filter { $0 == "perfdash_service_up dead - 0" }.count == 2)
        #expect(lines.contains("perfdash_service_cache_hit_rate_percent app l1 90"))
        #expect(lines.contains("perfdash_service_queue_depth app low 12"))
        #expect(lines.contains("perfdash_service_series_count app - 33"))
    }

    @Test func probeReadsHTTPAndRedisTargets() async throws {
        let (service, url) = try LiveExporterTests.startPythonService()
        defer { service.stop() }
        let http = try runPerfdash(["probe", url])
        #expect(http.status == 0)
        let rows = http.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // Totals since start: l1 170 / (170 + 30) = 85.0 %, l2 30 / (30 + 70) = 30.0 %.
        #expect(rows.contains("l1 170 30 85.0% 5 ok") && rows.contains("l2 30 70 30.0% - below"))

        let redis = try RedisServer()
        defer { redis.stop() }
        let client = RedisClient(host: "127.0.0.1", port: redis.port, timeout: .seconds(1))
        _ = try await client.pipeline([["SET", "k", "v"], ["GET", "k"], ["GET", "k"], ["GET", "k"], ["GET", "nope"],
                                       ["RPUSH", "rq:queue:mail", "a", "b"]])
        let probe = try runPerfdash(["probe", "redis://127.0.0.1:\(redis.port)", "--format", "json"])
        #expect(probe.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any]
        let caches = (object?["metrics"] as? [String: Any])?["caches"] as? [[String: Any]]
        // 3 GETs of an existing key, 1 of a missing one: 3 / (3 + 1) = 75 %, in the snapshot's vocabulary.
        #expect(caches?.first?["hit_rate_percent"] as? Double == 75)
        #expect(object?["kind"] as? String == "redis")

        let closed = try Sockets.closedPort()
        let refused = try runPerfdash(["probe", "http://127.0.0.1:\(closed)/metrics"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
    }

    @Test func probeUsesAConfiguredServicesMetricNames() async throws {
        let (service, url) = try LiveExporterTests.startPythonService()
        defer { service.stop() }
        // Naming the misses counter as the hits one shows the service's names are used: l1 "hits" are its 30
        // misses and no counter is left for misses → 30 / (30 + 0) = 100 % (the defaults would give 85 %).
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: config) }
        try """
            [[service]]
            name = "app"
            url = "\(url)"

            [service.metrics]
            cache_hits = "cache_misses_total"
            """.write(to: config, atomically: true, encoding: .utf8)
        let probe = try runPerfdash(["probe", "--config", config.path, "--service", "app"])
        #expect(probe.status == 0)
        let rows = probe.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("l1 30 0 100.0% 5 ok"), "\(rows)")
    }
}
