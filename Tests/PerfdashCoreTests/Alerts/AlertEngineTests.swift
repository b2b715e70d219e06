import Testing
@testable import PerfdashCore

/// The engine over several rules: window aggregates, `*` rules with one instance per series, rules on absent
/// series, the events, the log and the `alert.<name>.level` series. Values and times are hand-picked.
@Suite struct AlertEngineTests {
    static let origin: Int64 = 1_795_000_000_000

    static let rules = [
        AlertRule(name: "fs-full", series: "fs.*.used_percent", aggregate: .last, windowSeconds: 0,
                  warning: 85, critical: 95, forSeconds: 0, recover: 83),
        AlertRule(name: "cpu", series: "cpu.busy_percent", aggregate: .avg, windowSeconds: 20, warning: 80,
                  critical: nil, forSeconds: 10),
        AlertRule(name: "psi", series: "pressure.cpu.some.avg10", aggregate: .avg, windowSeconds: 60, warning: 20,
                  critical: 50),
    ]

    /// t=0  /home 90 → fs-full fires warning; cpu window [90] avg 90 > 80 → pending since 0.
    /// t=10 /home 96 → escalated to critical; cpu window (−10, 10] = [90, 70] avg 80, not > 80 → inactive.
    /// t=20 /home 80 → critical eases below 95 − (85 − 83) = 93 and warning recovers (≤ 83): resolved after 20 s,
    ///      peak 96; cpu window (0, 20] = [70, 100] avg 85 → pending since 20.
    /// t=30 cpu window (10, 30] = [100, 100] avg 100, held 10 s → fires. `fs.total` never matches `*`.
    @Test func sequenceOverSeveralRules() throws {
        var engine = AlertEngine(rules: Self.rules)
        let steps: [[String: Double]] = [
            ["fs./.used_percent": 50, "fs./home.used_percent": 90, "fs.total.used_percent": 99, "cpu.busy_percent": 90],
            ["fs./.used_percent": 50, "fs./home.used_percent": 96, "cpu.busy_percent": 70],
            ["fs./.used_percent": 50, "fs./home.used_percent": 80, "cpu.busy_percent": 100],
            ["fs./.used_percent": 50, "fs./home.used_percent": 80, "cpu.busy_percent": 100],
        ]
        var events: [[AlertEvent]] = []
        for (index, values) in steps.enumerated() {
            events.append(engine.step(now: Double(index) * 10, unixMilliseconds: Self.origin + Int64(index) * 10_000,
                                      values: values))
        }
        #expect(events.map { $0.map(\.kind) } == [["fired"], ["escalated"], ["resolved"], ["fired"]])
        #expect(events[0][0].series == "fs./home.used_percent")
        #expect(events[0][0].to == .warning && events[0][0].threshold == 85)
        let resolved = events[2][0]
        #expect(resolved.from == .critical && resolved.to == .ok)
        #expect(resolved.durationSeconds == 20)
        #expect(resolved.peak == 96)
        #expect(resolved.threshold == 83)
        #expect(resolved.firedAt == RFC3339.format(unixMilliseconds: Self.origin))
        #expect(events[3][0].name == "cpu" && events[3][0].value == 100)

        let section = engine.section()
        #expect(section.active.map(\.name) == ["cpu"])
        let cpu = section.active[0]
        #expect(cpu.state == .firing && cpu.level == .warning && cpu.threshold == 80)
        #expect(cpu.activeSince == RFC3339.format(unixMilliseconds: Self.origin + 20_000))
        #expect(cpu.activeSeconds == 10)
        #expect(cpu.peak == 100)
        #expect(cpu.aggregate == "avg 20s")
        #expect(section.log.map(\.name) == ["cpu", "fs-full"])
        let fs = section.log[1]
        #expect(fs.level == .critical && fs.durationSeconds == 20 && fs.peak == 96)
        #expect(fs.resolvedUnixMs == Self.origin + 20_000)
        #expect(section.log[0].resolved == nil)
        #expect(section.inactiveRules == ["psi"])
        #expect(section.highestLevel == .warning)
        #expect(section.level(of: "cpu.busy_percent") == .warning)

        let series = section.flatSeries()
        #expect(series.map(\.name) == ["alert.fs-full./.level", "alert.fs-full./home.level", "alert.cpu.level"])
        #expect(series.map(\.value) == [0, 0, 1])
        #expect(series[1].labels == [SeriesLabel("alert", "fs-full"), SeriesLabel("series", "fs./home.used_percent")])
    }

    /// A pending alert shows as active (state pending) but its level series stays 0; the log only has fired ones.
    @Test func pendingIsActiveButNotFiring() {
        var engine = AlertEngine(rules: [AlertRule(name: "cpu", series: "cpu.busy_percent", aggregate: .last,
                                                   windowSeconds: 0, warning: 80, critical: 90, forSeconds: 60)])
        _ = engine.step(now: 0, unixMilliseconds: Self.origin, values: ["cpu.busy_percent": 95])
        let section = engine.section()
        #expect(section.active.map(\.state) == [.pending])
        #expect(section.active[0].level == .critical)
        #expect(section.log.isEmpty)
        #expect(section.flatSeries().map(\.value) == [0])
        #expect(section.highestLevel == .ok)
    }

    /// A `*` instance whose series disappears resolves and is forgotten once its window is empty.
    @Test func vanishedInstanceIsForgotten() {
        var engine = AlertEngine(rules: [AlertRule(name: "disk", series: "disk.*.util_percent", aggregate: .avg,
                                                   windowSeconds: 10, warning: 80, critical: nil)])
        _ = engine.step(now: 0, unixMilliseconds: Self.origin, values: ["disk.sdb.util_percent": 99])
        #expect(engine.section().active.count == 1)
        let events = engine.step(now: 10, unixMilliseconds: Self.origin + 10_000, values: [:])
        #expect(events.map(\.kind) == ["resolved"])
        #expect(engine.levels().isEmpty)
        #expect(engine.section().inactiveRules == ["disk"])
    }

    /// A step remembers the names it scanned for `*` instances, and a tick with the same names finds nothing new.
    /// A series that goes away resolves and is forgotten (t=10); when its name comes back it is found and fires
    /// again (t=12); a new disk among otherwise unchanged names is found at once (t=14).
    @Test func aSeriesThatComesBackIsFoundAgain() {
        var engine = AlertEngine(rules: [AlertRule(name: "disk", series: "disk.*.util_percent", aggregate: .avg,
                                                   windowSeconds: 10, warning: 80, critical: nil)])
        func step(_ now: Int, _ values: [String: Double]) -> [String] {
            engine.step(now: Double(now), unixMilliseconds: Self.origin + Int64(now) * 1000, values: values)
                .map { "\($0.kind) \($0.series)" }
        }
        let sdb = "disk.sdb.util_percent", sdc = "disk.sdc.util_percent"
        #expect(step(0, [sdb: 99]) == ["fired \(sdb)"])
        #expect(step(10, [:]) == ["resolved \(sdb)"])
        #expect(step(11, [:]).isEmpty && engine.levels().isEmpty)
        #expect(step(12, [sdb: 95]) == ["fired \(sdb)"])
        #expect(step(13, [sdb: 95]).isEmpty)
        #expect(step(14, [sdb: 95, sdc: 90]) == ["fired \(sdc)"])
        #expect(engine.levels().map(\.series) == [sdb, sdc])
    }

    /// Each instance reads its own series wherever it sits among the step's names: positions move when a series
    /// appears before it (t=1), when the names are reordered (t=2), and a name given twice counts with its last
    /// value (t=3). `last` aggregates make each step's value the level's input.
    @Test func instancesFollowTheirSeriesWhenTheNamesMove() {
        var engine = AlertEngine(rules: [
            AlertRule(name: "disk", series: "disk.*.util_percent", aggregate: .last, windowSeconds: 0, warning: 80,
                      critical: nil),
            AlertRule(name: "cpu", series: "cpu.busy_percent", aggregate: .last, windowSeconds: 0, warning: 90,
                      critical: nil),
        ])
        let sda = "disk.sda.util_percent", sdb = "disk.sdb.util_percent", cpu = "cpu.busy_percent"
        func step(_ now: Int, _ names: [String], _ values: [Double]) -> [String] {
            engine.step(now: Double(now), unixMilliseconds: Self.origin + Int64(now) * 1000, names: names,
                        values: values).map { "\($0.kind) \($0.series)" }
        }
        #expect(step(0, [cpu, sdb], [95, 10]) == ["fired \(cpu)"])
        #expect(step(1, ["mem.used_percent", sda, cpu, sdb], [99, 85, 95, 10]) == ["fired \(sda)"])
        // Instances step in rule order, then creation order: sdb (found at t=0) before sda (t=1).
        #expect(step(2, [sdb, sda, "mem.used_percent", cpu], [90, 10, 99, 50]) == ["fired \(sdb)", "resolved \(sda)",
                                                                                  "resolved \(cpu)"])
        #expect(step(3, [sdb, sda, cpu, sda], [90, 99, 50, 10]).isEmpty)
        #expect(engine.levels().map { "\($0.series) \($0.level)" } == ["\(sdb) warning", "\(sda) ok", "\(cpu) ok"])
        #expect(engine.levels().map(\.instance) == ["sdb", "sda", nil])
    }

    /// The log keeps the newest `logLimit` entries; an episode still open keeps being updated.
    @Test func logIsBounded() {
        var engine = AlertEngine(rules: [AlertRule(name: "x", series: "s", aggregate: .last, windowSeconds: 0,
                                                   warning: 1, critical: nil)])
        for index in 0..<(2 * AlertEngine.logLimit + 1) {
            _ = engine.step(now: Double(index), unixMilliseconds: Self.origin, values: ["s": index % 2 == 0 ? 5 : 0])
        }
        let log = engine.section().log
        #expect(log.count == AlertEngine.logLimit)
        #expect(log[0].resolved == nil)
        #expect(log.dropFirst().allSatisfy { $0.resolved != nil && $0.durationSeconds == 1 })
    }

    @Test(arguments: [
        ("fs.*.used_percent", "fs./home.used_percent", "/home"),
        ("fs.*.used_percent", "fs./mnt/a.b.used_percent", "/mnt/a.b"),
        ("fs.*.used_percent", "fs.total.used_percent", nil),
        ("fs.*.used_percent", "fs..used_percent", nil),
        ("disk.*.util_percent", "disk.sda.read_iops", nil),
        ("cpu.busy_percent", "cpu.busy_percent", "cpu.busy_percent"),
        ("cpu.busy_percent", "cpu.busy_percentx", nil),
    ] as [(String, String, String?)])
    func patterns(pattern: String, name: String, instance: String?) throws {
        #expect(try #require(SeriesPattern(pattern)).instance(of: name) == instance)
    }

    @Test func patternWithTwoStarsIsRefused() {
        #expect(SeriesPattern("service.*.queue.*.depth") == nil)
    }
}
