import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash probe` run as a real binary on exposition files.
@Suite("perfdash probe")
struct ProbeCommandTests {
    static func probe(_ arguments: [String]) throws -> RunResult {
        try runPerfdash(["probe"] + arguments)
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-probe-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url
    }

    static let fixture = TestPaths.fixture("exposition/service_mapping.prom").path

    @Test func textReportShowsHitRatesQueuesAndLatencies() throws {
        let run = try Self.probe([Self.fixture])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("series 39"))
        // l1: 90 / 100; l2: 5 / 20 with 4 evictions.
        #expect(lines.contains("l1 90 10 90.0% - ok"))
        #expect(lines.contains("l2 5 15 25.0% 4 below"))
        #expect(lines.contains("high 7"))
        // Buckets 40/60/78/80: p50 0.1 s, p95 0.5 + 0.5·16/18 = 0.9444 s, p99 1 s; mean 32 / 80.
        #expect(lines.contains("http_request_duration_seconds 80 400.0 ms 100.0 ms 944.4 ms 1.00 s"))
        #expect(lines.contains("rpc_duration_seconds (summary) 150 100.0 ms 30.0 ms n/a 200.0 ms"))
    }

    /// The snapshot's vocabulary: a `services` entry with snake_case keys, units in names, percent as percent.
    @Test func jsonReportSpeaksTheSnapshotsVocabulary() throws {
        let run = try Self.probe([Self.fixture, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["series_count"] as? Int == 39)
        #expect(object["state"] as? String == "up" && object["kind"] as? String == "prometheus")
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["window"] as? String == "since_start")
        let caches = try #require(metrics["caches"] as? [[String: Any]])
        #expect(caches.map { $0["level"] as? String } == ["default", "l1", "l2", "sessions"])
        #expect(caches[1]["hit_rate_percent"] as? Double == 90)
        let latencies = try #require(metrics["latencies"] as? [[String: Any]])
        #expect(latencies.first?["p50_seconds"] as? Double == 0.1)
        let queues = try #require(metrics["queues"] as? [[String: Any]])
        #expect(queues.allSatisfy { $0["avg"] != nil && $0["now"] != nil })
        // No camelCase key anywhere.
        #expect(!run.stdout.contains("seriesCount") && !run.stdout.contains("hitRate"))
    }

    /// A preset fixture: RED, pools and the presets in both forms.
    @Test func presetsRoutesAndPoolsAreShown() throws {
        let micrometer = TestPaths.fixture("presets/micrometer.prom").path
        let text = try Self.probe([micrometer])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("presets micrometer"))
        #expect(lines.contains("/api/users 120 20 16.7% 37.5 ms 100.0 ms 100.0 ms"))
        #expect(lines.contains("HikariPool-1 7 3 10 2 70.0%"))
        let json = try Self.probe([micrometer, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["presets"] as? [String] == ["micrometer"])
        let pools = try #require(metrics["pools"] as? [[String: Any]])
        #expect(pools.first?["utilization_percent"] as? Double == 70)
        let routes = try #require(metrics["routes"] as? [[String: Any]])
        #expect(routes.first?["route"] as? String == "/api/users" && routes.first?["requests_per_second"] == nil)
        #expect((object["figure_sources"] as? [String: String])?["pool_in_use"]?.hasPrefix("micrometer: ") == true)
    }

    @Test(arguments: ["ftp://example.com/metrics", "gopher://h:70/x"])
    func unknownSchemesAreUnsupported(target: String) throws {
        let run = try Self.probe([target])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unsupported scheme"), "\(run.stderr)")
        #expect(!run.stderr.contains("exist"))
    }

    @Test func parseErrorGivesFileLineAndColumn() throws {
        let file = try Self.temporaryFile("ok 1\na{b=\"c\",,d=\"e\"} 1\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.probe([file.path])
        #expect(run.status == 1)
        #expect(run.stderr == "perfdash: \(file.path):2:9: expected a label name, found \",\"\n")
        #expect(run.stdout.isEmpty)

        let json = try Self.probe([file.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [String: Any]]
        #expect(object?["error"]?["line"] as? Int == 2)
        #expect(object?["error"]?["column"] as? Int == 9)
    }

    @Test func openMetricsChosenByContentTypeNeedsEOF() throws {
        let file = try Self.temporaryFile("cache_hits_total{level=\"l1\"} 3\n")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.probe([file.path]).status == 0)
        let run = try Self.probe([file.path, "--content-type", "application/openmetrics-text; version=1.0.0"])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix(":2:1: OpenMetrics data does not end with # EOF\n"))
    }

    /// A pipe says its size is 0: the read grows its storage (4 KiB, doubling) until end of file and loses nothing.
    /// 20,000 queues of 30-odd bytes each are some 600 KB, eight doublings.
    @Test func aPipeIsReadToItsEnd() throws {
        let lines = (0..<20_000).map { "queue_depth{queue=\"q\($0)\"} \($0)" }
        let file = try Self.temporaryFile(lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let command = "cat '\(file.path)' | '\(TestPaths.perfdashBinary.path)' probe /dev/stdin --format json"
        let run = try runProcess(["sh", "-c", command])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["series_count"] as? Int == 20_000)
        let queues = try #require((object["metrics"] as? [String: Any])?["queues"] as? [[String: Any]])
        #expect(queues.count == 20_000)
        // Sum of 0…19,999: every line arrived whole.
        #expect(queues.reduce(0.0) { $0 + ($1["now"] as? Double ?? 0) } == 199_990_000)
    }

    /// Past 4 MiB the storage is read in huge pages where the kernel has them (a hint that must change nothing):
    /// some 6 MB of series no figure reads, then three queues, from a file (one read, its size known) and from a
    /// pipe (eleven doublings, each copying what came before).
    @Test(arguments: [false, true])
    func aLargeFileIsReadWhole(throughPipe: Bool) throws {
        let filler = (0..<200_000).map { "filler_total{k=\"v\($0)\"} \($0)" }
        let queues = (1...3).map { "queue_depth{queue=\"q\($0)\"} \($0 * 10)" }
        let file = try Self.temporaryFile((filler + queues).joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let binary = TestPaths.perfdashBinary.path
        let command = throughPipe ? "cat '\(file.path)' | '\(binary)' probe /dev/stdin --format json"
            : "'\(binary)' probe '\(file.path)' --format json"
        let run = try runProcess(["sh", "-c", command])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["series_count"] as? Int == 200_003)
        let read = try #require((object["metrics"] as? [String: Any])?["queues"] as? [[String: Any]])
        #expect(read.compactMap { $0["now"] as? Double } == [10, 20, 30])
    }

    /// A 2 GiB sparse file is refused before anything is allocated (the largest body a service may send is 1 GiB).
    @Test func aFileOverOneGiBIsRefused() throws {
        let file = try Self.temporaryFile("")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(truncate(file.path, 2 << 30) == 0)
        let run = try Self.probe([file.path])
        #expect(run.status == 1)
        #expect(run.stderr == "perfdash: cannot read \(file.path): \(String(cString: strerror(EFBIG)))\n")
    }

    /// An exporter whose backend is down (a capture of redis_exporter without its Redis): a DOWN line in text, the
    /// state and error in JSON; the scrape itself worked, so the exit status is 0.
    @Test func anExporterReportingItsBackendDown() throws {
        let fixture = TestPaths.fixture("presets/redis_exporter_down.prom").path
        let text = try Self.probe([fixture])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\nDOWN     the exporter is up but reports redis_up 0: what it watches is down\n"))
        let run = try Self.probe([fixture, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["state"] as? String == "down" && object["error_kind"] as? String == "backendDown")
        #expect((object["last_error"] as? String)?.hasSuffix("redis_up 0: what it watches is down") == true)
    }

    @Test func missingFileIsOneLine() throws {
        let run = try Self.probe(["/nonexistent/metrics.prom"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("perfdash: cannot read /nonexistent/metrics.prom"))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    }
}
