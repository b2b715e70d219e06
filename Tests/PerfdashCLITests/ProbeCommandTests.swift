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
        #expect(lines.contains("l1 90 10 90.0 % - ok"))
        #expect(lines.contains("l2 5 15 25.0 % 4 below"))
        #expect(lines.contains("high 7"))
        // Buckets 40/60/78/80: p50 0.1 s, p95 0.5 + 0.5·16/18 = 0.9444 s, p99 1 s; mean 32 / 80.
        #expect(lines.contains("http_request_duration_seconds 80 400.0 ms 100.0 ms 944.4 ms 1.00 s"))
        #expect(lines.contains("rpc_duration_seconds (summary) 150 100.0 ms 30.0 ms n/a 200.0 ms"))
    }

    @Test func jsonReportCarriesTheSameNumbers() throws {
        let run = try Self.probe([Self.fixture, "--format", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let metrics = try #require(object?["metrics"] as? [String: Any])
        #expect(metrics["seriesCount"] as? Int == 39)
        let caches = try #require(metrics["caches"] as? [[String: Any]])
        #expect(caches.map { $0["name"] as? String } == ["default", "l1", "l2", "sessions"])
        #expect(caches[1]["hitRate"] as? Double == 0.9)
        let latencies = try #require(metrics["latencies"] as? [[String: Any]])
        #expect(latencies.first?["p50"] as? Double == 0.1)
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

    @Test func missingFileIsOneLine() throws {
        let run = try Self.probe(["/nonexistent/metrics.prom"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("perfdash: cannot read /nonexistent/metrics.prom"))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    }
}
