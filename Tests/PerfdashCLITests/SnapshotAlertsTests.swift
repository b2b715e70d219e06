import Foundation
import Testing
import PerfdashCore
import PerfdashTestSupport

/// `perfdash snapshot` with alerts through the built binary on this machine's /proc: `--alerts-exit`,
/// `--alert-command`, the `alerts` section, and config errors. CPU busy is always below 500 %, so a rule firing
/// *below* 500 (critical) and 1000 (warning) with `for = "0s"` fires critical on the first snapshot whatever the
/// machine's load; one below 1000 only fires warning.
@Suite struct SnapshotAlertsTests {
    static func config(critical: Bool) -> String {
        """
        [alerts]
        builtin = false
        [[alert]]
        name = "always"
        series = "cpu.busy_percent"
        aggregate = "last"
        window = "0s"
        above = false
        warning = 1000
        \(critical ? "critical = 500" : "")
        for = "0s"

        """
    }

    static func withConfig<T>(_ text: String, _ body: (String, ScratchDirectory) throws -> T) throws -> T {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.file("alerts.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try body(file.path, directory)
    }

    @Test func alertsExitIsTwoOnCritical() throws {
        try Self.withConfig(Self.config(critical: true)) { path, _ in
            let flagged = try runPerfdash(["snapshot", "--interval", "10ms", "--config", path, "--alerts-exit"])
            #expect(flagged.status == 2, "\(flagged.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(flagged.stdout.utf8)) as? [String: Any])
            let alerts = try #require(object["alerts"] as? [String: Any])
            let active = try #require(alerts["active"] as? [[String: Any]])
            #expect(active.map { $0["name"] as? String } == ["always"])
            #expect(active.first?["level"] as? String == "critical")
            #expect(active.first?["state"] as? String == "firing")
            #expect((alerts["changes"] as? [[String: Any]])?.first?["kind"] as? String == "fired")
            let plain = try runPerfdash(["snapshot", "--interval", "10ms", "--config", path])
            #expect(plain.status == 0, "\(plain.stderr)")
        }
        try Self.withConfig(Self.config(critical: false)) { path, _ in
            let warning = try runPerfdash(["snapshot", "--interval", "10ms", "--config", path, "--alerts-exit",
                                           "--format", "csv"])
            #expect(warning.status == 0, "\(warning.stderr)")
            #expect(warning.stdout.contains("alert.always.level"))
        }
    }

    /// The command gets the change as JSON on stdin (one "fired" for three snapshots: nothing changes after);
    /// a failing command is reported on stderr and the run still succeeds.
    @Test func alertCommand() throws {
        try Self.withConfig(Self.config(critical: true)) { path, directory in
            let events = directory.file("events.json").path
            let run = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "3", "--format", "ndjson",
                                       "--config", path, "--alert-command", "tee -a '\(events)'"])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1)
            let event = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(event["kind"] as? String == "fired" && event["name"] as? String == "always")
            #expect(event["to"] as? String == "critical" && event["threshold"] as? Double == 500)

            let failing = try runPerfdash(["snapshot", "--interval", "10ms", "--config", path,
                                           "--alert-command", "false"])
            #expect(failing.status == 0)
            #expect(failing.stderr.contains("perfdash: alert command false: exit status 1"))

            let bad = try runPerfdash(["snapshot", "--interval", "10ms", "--config", path, "--alert-command", "x 'y"])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("--alert-command: unterminated ' quote in the command"))
        }
    }

    @Test func badAlertTableIsRefusedWithItsPosition() throws {
        try Self.withConfig("[[alert]]\nname = \"x\"\nseries = \"cpu.busy_percent\"\nwarning = 90\ncritical = 80\n") {
            path, _ in
            let run = try runPerfdash(["snapshot", "--config", path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(path):5:12: critical: must be higher than warning (90) for an alert "
                + "above its levels, got 80"))
        }
    }

    /// `autoscale simulate` replays the predictive policy: on a ramp of 2.5 points per 10 s it scales up at 70 s
    /// (value 37.5, forecast 67.5 > 66), where `target` waits until 200 s (see PredictivePolicyTests).
    @Test func simulatePredictive() throws {
        let csv = (0...40).map { "\($0 * 10),\(20 + 0.25 * Double($0 * 10))" }.joined(separator: "\n") + "\n"
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let input = directory.file("ramp.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let common = ["autoscale", "simulate", "--input", input.path, "--autoscale-metric", "cpu.busy_percent",
                      "--target", "60", "--replicas", "2", "--min", "1", "--max", "10", "--autoscale-window", "30s",
                      "--only-changes"]
        let predictive = try runPerfdash(common + ["--policy", "predictive", "--horizon", "2m"])
        #expect(predictive.status == 0, "\(predictive.stderr)")
        let first = try #require(predictive.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix("     70s  up   2 → 3      cpu.busy forecast +2m 67.5% vs target 60% → 3"))
        let reactive = try runPerfdash(common + ["--policy", "target"])
        #expect(reactive.stdout.split(separator: "\n").first?.hasPrefix("    200s  up   2 → 3") == true)
    }
}
