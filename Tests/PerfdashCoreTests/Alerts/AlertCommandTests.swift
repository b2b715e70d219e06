import Foundation
import PerfdashTestSupport
import Synchronization
import Testing
@testable import PerfdashCore

/// `--alert-command`: the command line split as a shell would (never run by one), the JSON on standard input of
/// real child processes, and failures (exit status, timeout, missing program) reported, never thrown.
@Suite struct AlertCommandTests {
    @Test(arguments: [
        ("notify-send -u critical perfdash", ["notify-send", "-u", "critical", "perfdash"]),
        ("  tee   -a  '/tmp/a b.json' ", ["tee", "-a", "/tmp/a b.json"]),
        ("echo \"it's \\\"quoted\\\" \\n\" x\\ y", ["echo", "it's \"quoted\" \\n", "x y"]),
        ("cmd '' \"\"", ["cmd", "", ""]),
        ("a|b >c $HOME `x` ; rm", ["a|b", ">c", "$HOME", "`x`", ";", "rm"]),
    ] as [(String, [String])])
    func split(text: String, words: [String]) throws {
        #expect(try CommandLineSplit.split(text) == words)
    }

    @Test(arguments: ["", "   ", "echo 'open", "echo \"open", "trailing\\", "'' x"])
    func refused(text: String) {
        #expect(throws: CommandLineSplit.SplitError.self) { try CommandLineSplit.split(text) }
    }

    static func event(_ name: String) -> AlertEvent {
        let rule = AlertRule(name: name, series: "cpu.busy_percent", warning: 80, critical: 95)
        return AlertEvent(rule: rule, series: "cpu.busy_percent", from: .ok, to: .critical, value: 97.5, peak: 97.5,
                          now: 10, unixMilliseconds: 1_795_000_000_000, firedAt: 10)
    }

    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// `tee -a FILE` appends what it reads: one JSON object per change, in order, with snake_case keys.
    @Test func eventsArriveAsJSONOnStandardInput() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("events with space.json").path
        let failures = Lines()
        let runner = try AlertCommandRunner(command: "tee -a '\(file)'", report: failures.add)
        runner.submit([Self.event("first"), Self.event("second")])
        #expect(runner.wait(timeout: .seconds(20)))
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["name"] as? String == "first")
        #expect(object["kind"] as? String == "fired")
        #expect(object["to"] as? String == "critical")
        #expect(object["value"] as? Double == 97.5)
        #expect(object["timestamp_unix_ms"] as? Int == 1_795_000_000_000)
        #expect(lines[1].contains("\"name\":\"second\""))
        #expect(failures.all.isEmpty)
    }

    @Test func failuresAreReportedNotThrown() throws {
        let failures = Lines()
        let failing = try AlertCommandRunner(command: "false", report: failures.add)
        failing.submit([Self.event("x")])
        #expect(failing.wait(timeout: .seconds(20)))
        let missing = try AlertCommandRunner(command: "/nonexistent/perfdash-hook", report: failures.add)
        missing.submit([Self.event("x")])
        #expect(missing.wait(timeout: .seconds(20)))
        let slow = try AlertCommandRunner(command: "sleep 30", timeout: .milliseconds(200), report: failures.add)
        let started = ContinuousClock.now
        slow.submit([Self.event("x")])
        #expect(slow.wait(timeout: .seconds(20)))
        #expect(started.duration(to: .now) < .seconds(10))
        let all = failures.all
        #expect(all.count == 3)
        #expect(all[0] == "alert command false: exit status 1")
        #expect(all[1].hasPrefix("alert command /nonexistent/perfdash-hook: cannot run"))
        #expect(all[2] == "alert command sleep: timed out after 0.2s, terminated")
    }

    /// The families exist with no alert; an active alert gives one ALERTS and one ALERTS_FOR_STATE sample, with
    /// label values escaped.
    @Test func prometheusExposition() {
        var engine = AlertEngine(rules: [AlertRule(name: "fs-full", series: "fs.*.used_percent", aggregate: .last,
                                                   windowSeconds: 0, warning: 85, critical: 95)])
        #expect(AlertsExposition.text(engine.section()) == """
            # HELP ALERTS Pending and firing perfdash alerts.
            # TYPE ALERTS gauge
            # HELP ALERTS_FOR_STATE When each active alert became active, Unix seconds.
            # TYPE ALERTS_FOR_STATE gauge

            """)
        _ = engine.step(now: 0, unixMilliseconds: 1_795_000_000_500, values: ["fs./mnt/\"x\".used_percent": 96])
        let labels = "alertname=\"fs-full\",alertstate=\"firing\",severity=\"critical\","
            + "series=\"fs./mnt/\\\"x\\\".used_percent\",instance_name=\"/mnt/\\\"x\\\"\""
        let forState = labels.replacingOccurrences(of: "alertstate=\"firing\",", with: "")
        #expect(AlertsExposition.text(engine.section()) == """
            # HELP ALERTS Pending and firing perfdash alerts.
            # TYPE ALERTS gauge
            ALERTS{\(labels)} 1
            # HELP ALERTS_FOR_STATE When each active alert became active, Unix seconds.
            # TYPE ALERTS_FOR_STATE gauge
            ALERTS_FOR_STATE{\(forState)} 1795000000.5

            """)
    }
}
