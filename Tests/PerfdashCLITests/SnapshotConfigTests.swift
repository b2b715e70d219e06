import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash snapshot --config`: the file's settings apply unless a flag says otherwise, its errors are positioned,
/// and a service that is down never fails the run.
@Suite struct SnapshotConfigTests {
    /// Writes `toml` to a scratch file and runs `perfdash snapshot --config FILE` with `arguments`.
    func snapshot(_ toml: String, _ arguments: [String]) throws -> (RunResult, String) {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("perfdash.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        return (try runPerfdash(["snapshot", "--config", file.path] + arguments), file.path)
    }

    func object(_ result: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func configSettingsApplyAndFlagsWin() throws {
        let toml = "interval = \"20ms\"\nwindow = \"5m\"\n"
        let (fromFile, _) = try snapshot(toml, [])
        #expect(fromFile.status == 0)
        let filed = try object(fromFile)
        #expect(filed["interval_seconds"] as? Double == 0.02 && filed["window"] as? String == "5m")
        let (fromFlags, _) = try snapshot(toml, ["--interval", "10ms", "--window", "15m"])
        let flagged = try object(fromFlags)
        #expect(flagged["interval_seconds"] as? Double == 0.01 && flagged["window"] as? String == "15m")
        // No services configured: no services section.
        #expect(flagged["services"] == nil)
    }

    @Test func rootFromTheConfigIsNamedInItsError() throws {
        let (result, path) = try snapshot("root = \"/nonexistent-root\"\n", ["--interval", "10ms"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("perfdash: root /nonexistent-root (from \(path)): "))
    }

    @Test func autoscalerValueErrorHasLineAndColumn() throws {
        let toml = """
            [[service]]
            name = "api"
            url = "http://127.0.0.1:9/metrics"

            [[autoscaler]]
            name = "web"
            policy = "threshold"
            metric = "cpu.busy_percent"
            scale_up_threshold = 80
            scale_down_threshold = 30
            max_replicas = 4
            step = 0
            """
        let (result, path) = try snapshot(toml, ["--interval", "10ms"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        // `step = 0` is line 12; its value starts at column 8.
        #expect(result.stderr.hasPrefix("perfdash: \(path):12:8: autoscaler[0].step: "), "\(result.stderr)")
    }

    @Test func serviceDownNeverFailsTheSnapshot() throws {
        // Port 9 (discard) is closed on a test machine; the run still succeeds with the host data.
        let toml = "[[service]]\nname = \"gone\"\nurl = \"http://127.0.0.1:9/metrics\"\ntimeout = \"100ms\"\n"
        let (result, _) = try snapshot(toml, ["--interval", "150ms"])
        #expect(result.status == 0)
        let snapshot = try object(result)
        let services = try #require(snapshot["services"] as? [[String: Any]])
        #expect(services.first?["name"] as? String == "gone" && services.first?["state"] as? String == "down")
        #expect(snapshot["host"] != nil)
    }
}
