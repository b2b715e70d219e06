import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash snapshot` with autoscalers, through the built binary on this machine's /proc.
///
/// CPU busy is always ≥ 0, so with `--up=-1 --down=-2`, window 0 and cooldown 0 every snapshot scales up by one:
/// 2 → 3, 3 → 4, 4 → 5; the decision does not depend on the machine's load.
@Suite struct SnapshotAutoscalerTests {
    static let alwaysUp = ["--autoscale-metric", "cpu.busy_percent", "--policy", "threshold", "--up=-1", "--down=-2",
                           "--min", "1", "--max", "10", "--replicas", "2", "--cooldown", "0s",
                           "--autoscale-window", "0"]

    @Test func jsonHasTheAutoscalerSection() throws {
        let result = try runPerfdash(["snapshot", "--count", "3", "--interval", "10ms", "--format", "json"] + Self.alwaysUp)
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 3)
        let sections = try array.map { try #require(($0["autoscaler"] as? [[String: Any]])?.first) }
        #expect(sections.map { $0["name"] as? String } == ["cli", "cli", "cli"])
        #expect(sections[0]["summary"] as? String
                == "threshold · cpu.busy · up > -1%, down < -2% · step 1 · cooldown 0 s · replicas 1…10 (tracked)")
        #expect(sections.map { $0["replicas"] as? Int } == [3, 4, 5])
        #expect(sections.map { ($0["missing_series"] as? [String])?.isEmpty } == [true, true, true])
        let recommendations = try sections.map { try #require($0["recommendation"] as? [String: Any]) }
        #expect(recommendations.map { $0["action"] as? String } == ["up", "up", "up"])
        #expect(recommendations.map { $0["from"] as? Int } == [2, 3, 4])
        #expect(recommendations.map { $0["to"] as? Int } == [3, 4, 5])
        #expect(recommendations.map { $0["rule"] as? String } == ["threshold_up", "threshold_up", "threshold_up"])
        let metric = try #require((recommendations[2]["metrics"] as? [[String: Any]])?.first)
        #expect(metric["series"] as? String == "cpu.busy_percent")
        #expect(metric["samples"] as? Int == 1)
        #expect(metric["average"] as? Double == metric["value"] as? Double)
        // The last 20 decisions, oldest first, each with its wall-clock time.
        let decisions = try #require(sections[2]["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["to"] as? Int } == [3, 4, 5])
        let times = decisions.compactMap { $0["timestamp_unix_ms"] as? Int64 }
        #expect(times.count == 3 && times == times.sorted())
        #expect(decisions.allSatisfy { ($0["timestamp"] as? String)?.hasSuffix("Z") == true })
        let stats = try #require(array[2]["stats"] as? [String: [String: Any]])
        // desired replicas over the window: [3, 4, 5] → avg 4.
        #expect(stats["autoscaler.cli.desired_replicas"]?["avg"] as? Double == 4)
    }

    @Test func prometheusSeriesParseWithPrometheusClient() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "prometheus", "--autoscale-name", "api"]
                             + Self.alwaysUp)
        #expect(result.status == 0, "\(result.stderr)")
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                if family.name.startswith("perfdash_autoscaler_") and family.type == "gauge":
                    for sample in family.samples:
                        print(family.name, sample.labels["autoscaler"], float(sample.value))
            """
        let parsed = try runProcess(["python3", "-c", script], stdin: result.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout.split(separator: "\n") == [
            "perfdash_autoscaler_current_replicas api 2.0",
            "perfdash_autoscaler_desired_replicas api 3.0",
            "perfdash_autoscaler_cooldown_seconds_left api 0.0",
        ])
    }

    @Test func csvHasTheRecommendationSeries() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "csv", "--csv-layout", "long"]
                                      + Self.alwaysUp)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let desired = try #require(rows.first { $0[3] == "autoscaler.cli.desired_replicas" })
        #expect(Array(desired[4...6]) == ["count", "3", "1"])
    }

    @Test func configAndFlagsTogether() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--config",
                              TestPaths.fixture("autoscale/autoscalers.toml").path] + Self.alwaysUp)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let section = try #require(object["autoscaler"] as? [[String: Any]])
        #expect(section.map { $0["name"] as? String } == ["web-cpu", "workers", "cli"])
        // No service feeds the workers' queue or replica series: listed as missing, never read as 0.
        #expect(section[1]["missing_series"] as? [String]
                == ["service.workers.queue.high.depth", "service.workers.replicas"])
        #expect(section[1]["replicas"] as? Int == 4)
    }

    @Test func typoInTheMetricSaysNoData() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--autoscale-metric", "cpu.bussy_percent",
                              "--up", "80", "--down", "30", "--max", "5", "--replicas", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let status = try #require((object["autoscaler"] as? [[String: Any]])?.first)
        let recommendation = try #require(status["recommendation"] as? [String: Any])
        #expect(recommendation["action"] as? String == "none")
        #expect(recommendation["rule"] as? String == "no_data")
        #expect(recommendation["reason"] as? String == "no data for cpu.bussy_percent in the last 1m: stays 2")
        #expect(status["missing_series"] as? [String] == ["cpu.bussy_percent"])
    }

    @Test(arguments: [
        // The unknown key is on line 5 (the key at column 1); the bad cooldown's value at line 8, column 12.
        ("[[autoscaler]]\nname = \"web\"\npolicy = \"threshold\"\nmetric = \"cpu.busy_percent\"\n"
            + "scale_up_treshold = 80\nscale_down_threshold = 30\nmax_replicas = 5\n",
         "5:1: autoscaler[0].scale_up_treshold: unknown key; known keys here: aggregate, cooldown, cooldown_down, "
            + "cooldown_up, label, max_replicas, metric, min_replicas, name, policy, query, replicas, replicas_metric, "
            + "replicas_source, scale_down_threshold, scale_up_threshold, step, window"),
        ("[[autoscaler]]\nname = \"web\"\npolicy = \"threshold\"\nmetric = \"cpu.busy_percent\"\n"
            + "scale_up_threshold = 80\nscale_down_threshold = 30\nmax_replicas = 5\ncooldown = \"soon\"\n",
         "8:12: autoscaler[0].cooldown: must be a duration such as \"30s\", \"5m\" or \"1h\", got \"soon\""),
    ])
    func badConfigTableIsOneLineNamingTheKey(toml: String, message: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("perfdash.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--config", file.path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "perfdash: \(file.path):\(message)\n")
    }

    @Test(arguments: [
        (["--up", "10"], "perfdash: the autoscaler flags need --autoscale-metric SERIES"),
        (["--config", TestPaths.fixture("autoscale/autoscalers.toml").path, "--autoscale-name", "web-cpu",
          "--autoscale-metric", "cpu.busy_percent", "--up", "80", "--down", "30", "--max", "3"],
         "perfdash: --autoscale-name: \"web-cpu\" is already an autoscaler of "
            + "\(TestPaths.fixture("autoscale/autoscalers.toml").path); give the flags' autoscaler another name"),
        (["--autoscale-metric", "cpu.busy_percent", "--up", "10", "--down", "20", "--max", "3"],
         "perfdash: --up: must be greater than --down (20), got 10"),
        (["--config", "/nonexistent/perfdash.toml"],
         "perfdash: /nonexistent/perfdash.toml: no such file"),
    ])
    func badAutoscalerArguments(arguments: [String], message: String) throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms"] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
    }
}
