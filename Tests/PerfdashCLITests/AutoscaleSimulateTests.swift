import Foundation
import Testing
import PerfdashCore
import PerfdashTestSupport

/// `perfdash autoscale simulate` through the built binary: the core cases again, as a user would run them.
@Suite("perfdash autoscale simulate")
struct AutoscaleSimulateTests {
    static func simulate(_ arguments: [String]) throws -> RunResult {
        try runPerfdash(["autoscale", "simulate"] + arguments)
    }

    /// Writes `text` to a temporary CSV, runs the body with its path, removes it.
    static func withCSV<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    static func decode(_ run: RunResult) throws -> [Recommendation] {
        try JSONDecoder().decode([Recommendation].self, from: Data(run.stdout.utf8))
    }

    @Test func thresholdEdgesAndCooldownAsText() throws {
        let run = try Self.simulate([
            "--input", TestPaths.fixture("autoscale/threshold-edges.csv").path,
            "--autoscale-metric", "cpu.busy_percent", "--policy", "threshold", "--up", "80", "--down", "30",
            "--min", "1", "--max", "10", "--cooldown", "60s", "--replicas", "3", "--autoscale-window", "0",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            "      0s  none 3 → 3      cpu.busy 80.0% between 30% and 80%: stays 3",
            "     10s  up   3 → 4      cpu.busy 80.1% > 80%: 3 → 4",
            "     20s  none 4 → 4      none (cooldown, 50 s left): cpu.busy 95.0% > 80%, stays 4",
            "     70s  up   4 → 5      cpu.busy 95.0% > 80%: 4 → 5",
            "     80s  none 5 → 5      none (cooldown, 50 s left): cpu.busy 29.9% < 30%, stays 5",
            "    130s  none 5 → 5      cpu.busy 30.0% between 30% and 80%: stays 5",
            "    140s  down 5 → 4      cpu.busy 29.9% < 30%: 5 → 4",
        ])
    }

    /// (csv, flags, expected to, expected rule): the Kubernetes cases of TargetPolicyTests.
    @Test(arguments: [
        ("0,50", ["--target", "30", "--replicas", "3"], 5, "DesiredWithinRange"),
        ("0,28", ["--target", "50", "--replicas", "5", "--stabilization-down", "0"], 3, "DesiredWithinRange"),
        ("0,102", ["--target", "100", "--replicas", "3"], 3, "WithinTolerance"),
        ("0,60", ["--target", "15", "--target-type", "average_value", "--replicas", "3"], 4, "DesiredWithinRange"),
        ("0,12", ["--target", "20", "--target-type", "value", "--replicas", "5", "--stabilization-down", "0"], 3,
         "DesiredWithinRange"),
        ("0,500", ["--target", "100", "--replicas", "10"], 20, "ScaleUpLimit"),
    ])
    func kubernetesCasesAsJSON(csv: String, flags: [String], to: Int, rule: String) throws {
        let run = try Self.withCSV(csv + "\n") { path in
            try Self.simulate(["--input", path, "--autoscale-metric", "cpu.busy_percent", "--max", "1000",
                               "--autoscale-window", "0", "--format", "json"] + flags)
        }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let recommendation = try #require(try Self.decode(run).first)
        #expect(recommendation.to == to)
        #expect(recommendation.rule.rawValue == rule)
        #expect(recommendation.policy == "target")
    }

    @Test func scaleDownStabilizationReplayed() throws {
        let run = try Self.simulate([
            "--input", TestPaths.fixture("autoscale/hpa-stabilization.csv").path,
            "--autoscale-metric", "cpu.busy_percent", "--target", "100", "--min", "1", "--max", "1000",
            "--replicas", "100", "--replicas-source", "fixed", "--stabilization-down", "180",
            "--autoscale-window", "0", "--format", "json",
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let recommendations = try Self.decode(run)
        // t=0 within tolerance; t=200 → 4 (the 100 from t=0 is out of the 180 s window); t=260 → max(4, 5) = 5;
        // t=320 wants 3, the window holds 5.
        #expect(recommendations.map(\.to) == [100, 4, 5, 5])
        #expect(recommendations.map(\.from) == [100, 100, 100, 100])
        let last = try #require(recommendations.last)
        #expect(last.rule == .scaleDownStabilized)
        #expect(last.metrics.first?.proposal == 3)
        #expect(last.stabilizationSecondsLeft == 120)   // the 5 from t=260 leaves the window at 440
    }

    @Test func configWithNameAndCSVOutput() throws {
        let run = try Self.withCSV("seconds,value\n0,90\n30,90\n") { path in
            try Self.simulate(["--input", path, "--config", TestPaths.fixture("autoscale/autoscalers.toml").path,
                               "--name", "web-cpu", "--format", "csv"])
        }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            "time,autoscaler,action,from,to,rule,values,cooldown_seconds_left,stabilization_seconds_left,reason",
            "0,web-cpu,up,3,4,threshold_up,cpu.busy_percent=90,,,cpu avg 5m 90.0% > 80%: 3 → 4",
            "30,web-cpu,none,4,4,cooldown,cpu.busy_percent=90,30,,\"none (cooldown, 30 s left): cpu avg 5m 90.0% "
                + "> 80%, stays 4\"",
        ])
    }

    @Test func badInputNamesFileAndLine() throws {
        let (run, path) = try Self.withCSV("0,50\n10,fifty\n") { path in
            (try Self.simulate(["--input", path, "--autoscale-metric", "cpu.busy_percent", "--up", "80",
                                "--down", "30", "--max", "5"]), path)
        }
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):2: value \"fifty\" for cpu.busy_percent is not a number"))
    }

    @Test func badFlagsAndConfigAreOneClearLine() throws {
        let flags = try Self.withCSV("0,1\n") { path in
            try Self.simulate(["--input", path, "--autoscale-metric", "cpu.busy_percent", "--up", "20",
                               "--down", "30", "--max", "5"])
        }
        #expect(flags.status == 1)
        #expect(flags.stderr.contains("--up: must be greater than --down (30), got 20"))

        let several = try Self.withCSV("0,1\n") { path in
            try Self.simulate(["--input", path, "--config", TestPaths.fixture("autoscale/autoscalers.toml").path])
        }
        #expect(several.status == 1)
        #expect(several.stderr.contains("several autoscalers (web-cpu, workers): pick one with --name"))
    }
}
