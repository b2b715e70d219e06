import Testing
@testable import PerfdashCore

/// `[[alert]]`, `[alerts]` and `[advisor]` in the config file: the issue's example, built-in rules changed or
/// switched off, and errors as `file:line:column: reason` (positions counted by hand).
@Suite struct AlertConfigTests {
    static func parse(_ text: String) throws(ConfigError) -> PerfdashConfig {
        try ConfigLoader.parse(text, file: "bad.toml", environment: [:])
    }

    /// The issue's table, verbatim: it replaces the built-in `cpu-busy`; the other built-ins stay.
    @Test func issueExample() throws {
        let config = try Self.parse("""
            [[alert]]
            name = "cpu-busy"
            series = "cpu.busy_percent"   # any series name perfdash records
            aggregate = "avg"             # avg | min | max | last | p50 | p95 | p99, over `window`
            window = "1m"
            above = true                  # false: fire below the levels
            warning = 80
            critical = 95
            for = "2m"                    # how long the level must hold before firing ("0s": at once)
            recover = 75                  # optional; default: the warning level

            """)
        let rule = try #require(config.alerts.first { $0.name == "cpu-busy" })
        #expect(rule == AlertRule(name: "cpu-busy", series: "cpu.busy_percent", aggregate: .avg, windowSeconds: 60,
                                  above: true, warning: 80, critical: 95, forSeconds: 120, recover: 75))
        #expect(config.alerts.map(\.name) == BuiltinAlerts.rules.map(\.name))
        #expect(rule.summary == "cpu.busy_percent avg 1m > 80 / 95 for 2m, recovers at 75")
    }

    @Test func defaultsWithoutConfig() throws {
        let config = try Self.parse("interval = \"1s\"\n")
        #expect(config.alerts == BuiltinAlerts.rules)
        #expect(config.advisor == AdvisorSettings())
        #expect(PerfdashConfig.defaults.alerts == BuiltinAlerts.rules)
    }

    /// A table named like a built-in changes only what it says; new levels drop the built-in's recover.
    @Test func changeAndSwitchOffBuiltins() throws {
        let config = try Self.parse("""
            [[alert]]
            name = "memory-used"
            warning = 70
            [[alert]]
            name = "swap-used"
            enabled = false
            [[alert]]
            name = "queue"
            series = "service.api.queue.high.depth"
            aggregate = "max"
            window = "30s"
            critical = 1000
            for = "0s"

            """)
        #expect(!config.alerts.contains { $0.name == "swap-used" })
        let memory = try #require(config.alerts.first { $0.name == "memory-used" })
        #expect(memory.warning == 70 && memory.critical == 95 && memory.recover == nil)
        #expect(memory.series == SeriesName.memoryUsedPercent && memory.forSeconds == 60)
        let queue = try #require(config.alerts.last)
        #expect(queue == AlertRule(name: "queue", series: "service.api.queue.high.depth", aggregate: .max,
                                   windowSeconds: 30, warning: nil, critical: 1000, forSeconds: 0))
    }

    @Test func builtinSwitchAndAdvisor() throws {
        let config = try Self.parse("""
            [alerts]
            builtin = false
            [advisor]
            hit_rate_target_percent = 90
            cpu_busy_percent = 85.5
            [[alert]]
            name = "p95"
            series = "service.api.latency.http.p95_seconds"
            warning = 0.5

            """)
        #expect(config.alerts.map(\.name) == ["p95"])
        #expect(config.advisor.hitRateTargetPercent == 90 && config.advisor.cpuBusyPercent == 85.5)
        #expect(config.advisor.enabled)
        #expect(try Self.parse("[advisor]\nenabled = false\n").advisor.enabled == false)
    }

    static let head: String = "[[alert]]\nname = \"x\"\nseries = \"cpu.busy_percent\"\n"

    static let errorCases: [(String, String)] = [
        (head + "warning = 90\ncritical = 80\n",
         "bad.toml:5:12: critical: must be higher than warning (90) for an alert above its levels, got 80"),
        (head + "above = false\nwarning = 10\ncritical = 20\n",
         "bad.toml:6:12: critical: must be lower than warning (10) for an alert below its levels, got 20"),
        (head + "warning = 80\nrecover = 85\n",
         "bad.toml:5:11: recover: must be at or below the warning level (80), got 85"),
        (head + "critcal = 80\n", "bad.toml:4:1: unknown key \"critcal\" in [[alert]] #1 (did you mean \"critical\"?)"),
        (head, "bad.toml:1:1: [[alert]] \"x\" needs warning or critical (or both)"),
        ("[[alert]]\nname = \"x\"\nwarning = 1\n", "bad.toml:1:1: [[alert]] \"x\" needs series"),
        ("[[alert]]\nseries = \"s\"\n", "bad.toml:1:1: [[alert]] #1 needs name"),
        ("[[alert]]\nname = \"a b\"\n", "bad.toml:2:8: name: use letters, digits, - and _ only, got \"a b\""),
        (head + "warning = 1\nfor = \"-5s\"\n",
         "bad.toml:5:7: for: expected a duration like \"0s\", \"30s\" or \"2m\""),
        (head + "warning = 1\naggregate = \"median\"\n",
         "bad.toml:5:13: aggregate: expected one of avg, min, max, last, p50, p95, p99, got \"median\""),
        (head + "warning = \"high\"\n", "bad.toml:4:11: warning: expected a number, got string"),
        (head + "warning = nan\n", "bad.toml:4:11: warning: expected a finite number"),
        ("[[alert]]\nname = \"x\"\nseries = \"a.*.b.*\"\nwarning = 1\n",
         "bad.toml:3:10: series: at most one * in a series pattern, got \"a.*.b.*\""),
        (head + "warning = 1\n" + head + "warning = 2\n",
         "bad.toml:6:8: name: an alert named \"x\" is already defined"),
        ("[alerts]\nbuiltins = false\n",
         "bad.toml:2:1: unknown key \"builtins\" in [alerts] (did you mean \"builtin\"?)"),
        ("[advisor]\ncpu_busy_percent = -1\n", "bad.toml:2:20: cpu_busy_percent: expected a finite number ≥ 0"),
    ]

    @Test(arguments: errorCases)
    func errors(text: String, expected: String) {
        #expect(throws: ConfigError.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }
}
