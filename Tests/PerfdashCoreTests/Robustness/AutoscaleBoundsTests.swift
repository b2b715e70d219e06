import Testing
@testable import PerfdashCore

/// Autoscaler settings from a file or flags (issue 8, cases 5–8): validation refuses what the arithmetic cannot use,
/// and the arithmetic saturates for specs built in code.
@Suite struct AutoscaleBoundsTests {
    typealias Support = AutoscaleTestSupport

    static let threshold = """
        [[autoscaler]]
        name = "a"
        policy = "threshold"
        metric = "cpu.busy_percent"
        scale_up_threshold = 80
        scale_down_threshold = 30
        max_replicas = 10

        """
    static let target = """
        [[autoscaler]]
        name = "t"
        policy = "target"
        metric = "cpu.busy_percent"
        target = 50
        max_replicas = 10

        """

    /// Each refused with file:line:column (the value on line 8, after `key = `) and the key path.
    @Test(arguments: [
        (threshold + "window = \"18446744073709551616m\"\n", "8:10: autoscaler[0].window: must be a duration from 0 s to 365 days, got \"18446744073709551616m\""),
        (threshold + "cooldown = \"18446744073709551615m\"\n", "8:12: autoscaler[0].cooldown: must be a duration from 0 s to 365 days"),
        (threshold + "cooldown_up = 1e300\n", "8:15: autoscaler[0].cooldown_up: must be a duration from 0 s to 365 days, got 1e+300"),
        (threshold + "cooldown_down = inf\n", "8:17: autoscaler[0].cooldown_down: must be a duration from 0 s to 365 days, got inf"),
        (threshold + "window = nan\n", "8:10: autoscaler[0].window: must be a duration such as"),
        (threshold + "step = 9223372036854775807\n", "8:8: autoscaler[0].step: must be 1…1000000, got 9223372036854775807"),
        (threshold + "replicas = 9223372036854775807\n", "8:12: autoscaler[0].replicas: must be 0…1000000"),
        (threshold + "min_replicas = 2000000\n", "8:16: autoscaler[0].min_replicas: must be 0…1000000"),
        (threshold.replacingOccurrences(of: "max_replicas = 10", with: "max_replicas = 1000001"),
         "7:16: autoscaler[0].max_replicas: must be 1…1000000, got 1000001"),
        (threshold.replacingOccurrences(of: "= 80", with: "= inf"), "5:22: autoscaler[0].scale_up_threshold: must be a finite number"),
        (target + "replicas = 9223372036854775807\n", "7:12: autoscaler[0].replicas: must be 0…1000000"),
        // metrics[0] is not written as such (metric/target are): the error falls back to the autoscaler's header.
        (target.replacingOccurrences(of: "target = 50", with: "target = nan"), "1:1: autoscaler[0].metrics[0].target"),
        (target + "[autoscaler.behavior.scale_up]\npolicies = [{ type = \"Pods\", value = 9223372036854775807, period_seconds = 60 }]\n",
         "8:38: autoscaler[0].behavior.scale_up.policies[0].value: must be 1…1000000"),
    ])
    func configRefusesWhatCannotRun(text: String, expected: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "a.toml", environment: [:])
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("a.toml:" + expected), "\(error.description)")
        }
    }

    /// The largest values accepted run: a spec at every bound steps without trapping.
    @Test func specsAtTheBoundsRun() throws {
        let text = Self.threshold.replacingOccurrences(of: "max_replicas = 10", with: "max_replicas = 1000000")
            + "step = 1000000\nreplicas = 1000000\nmin_replicas = 0\ncooldown = \"8760h\"\nwindow = \"8760h\"\n"
        // Window 8760 h: the average of 1 and 1000 (500.5) is above 80, and the year-long cooldown holds it.
        let config = try ConfigLoader.parse(text, file: "a.toml", environment: [:])
        var autoscaler = Autoscaler(spec: try #require(config.autoscalers.first))
        let down = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 1])
        #expect(down.to == 0)
        let held = autoscaler.step(now: 1, samples: ["cpu.busy_percent": 1000])
        #expect(held.to == 0)
        #expect(held.reason.contains("cooldown, 31535999 s left"))
    }

    /// Flags go through the same validation, naming the flag.
    @Test(arguments: [
        ("step", "--step: must be 1…1000000, got 9223372036854775807"),
        ("replicas", "--replicas: must be 0…1000000, got 9223372036854775807"),
        ("window", "--autoscale-window: must be a duration from 0 s to 365 days"),
        ("cooldown", "--cooldown: must be a duration from 0 s to 365 days"),
    ])
    func flagsRefuseWhatCannotRun(flag: String, expected: String) {
        var flags = AutoscaleFlags()
        flags.metrics = ["cpu.busy_percent"]
        flags.up = 80
        flags.down = 30
        flags.maxReplicas = 10
        switch flag {
        case "step": flags.step = .max
        case "replicas": flags.replicas = .max
        case "window": flags.window = "18446744073709551616m"
        default: flags.cooldown = "18446744073709551615m"
        }
        do {
            _ = try flags.spec()
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    /// Specs built in code skip validation: the deciders saturate instead of trapping.
    @Test func thresholdStepSaturates() {
        var up = Autoscaler(spec: Support.thresholdSpec(step: .max, max: .max, replicas: .tracked(initial: 5)))
        #expect(up.step(now: 0, samples: ["cpu.busy_percent": 99]).to == .max)
        var down = Autoscaler(spec: Support.thresholdSpec(step: .max, min: 0, replicas: .tracked(initial: 5)))
        #expect(down.step(now: 0, samples: ["cpu.busy_percent": 1]).to == 0)
    }

    @Test func targetWithHugeReplicasSaturates() {
        var autoscaler = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 50)], max: .max,
                                                             replicas: .tracked(initial: .max)))
        let first = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 100])
        let second = autoscaler.step(now: 1, samples: ["cpu.busy_percent": 1])
        #expect(first.to >= 0 && second.to >= 0)
    }

    @Test func cooldownTextSaturates() {
        #expect(MetricUnit.secondsLeft(1e300) == "9223372036854775807 s")
        // 3600 · 2^80 is exact in a Double and a whole number of hours past Int.max.
        #expect(MetricUnit.duration(3600 * 0x1p80) == "9223372036854775807h")
        #expect(MetricUnit.secondsLeft(.nan) == "0 s")
    }
}
