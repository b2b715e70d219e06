import Foundation
import Testing
@testable import PerfdashCore

/// Alerts and the advisor inside the Monitor tick, on a fixture tree whose proc/stat is rewritten in place: the
/// `alerts` and `findings` sections, `alert.<name>.level` in the history, the stats and every encoder.
@Suite struct MonitorAlertsTests {
    static let wall: Int64 = 1_795_312_940_000

    static func time(_ seconds: Int) -> SampleTime {
        SampleTime(monotonic: .seconds(seconds), unixMilliseconds: wall + Int64(seconds) * 1000)
    }

    /// busy % = Δuser with Δtotal = 100 per tick: 90 at t=10 and t=20, 20 at t=30. Rule: last > 80 for 10 s,
    /// recover 50 → pending at 10, firing at 20 (held 10 s), resolved at 30 (20 ≤ 50). The built-in cpu-busy
    /// rule (avg 1m > 80 for 2m) stays pending, and the absent PSI rules are inactive.
    @Test func alertsAndFindingsInTheSnapshot() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        try HostFixture.writeCPU(user: 0, idle: 0, in: tree)
        let rule = AlertRule(name: "cpu-hot", series: SeriesName.cpuBusy, aggregate: .last, windowSeconds: 0,
                             warning: 80, critical: nil, forSeconds: 10, recover: 50)
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: tree.path),
                                               configuration: SamplerConfiguration(interval: .seconds(10))),
                              alerts: BuiltinAlerts.rules + [rule], advisor: AdvisorSettings())
        #expect(try monitor.tick(at: Self.time(0)) == nil)
        var snapshots: [Snapshot] = []
        for (index, (user, idle)) in [(90, 10), (180, 20), (200, 100)].enumerated() {
            try HostFixture.writeCPU(user: user, idle: idle, in: tree)
            snapshots.append(try #require(try monitor.tick(at: Self.time(10 * (index + 1)))))
        }
        let sections = try snapshots.map { try #require($0.alerts) }
        #expect(sections.map { $0.active.first { $0.name == "cpu-hot" }?.state } == [.pending, .firing, nil])
        #expect(sections.map { $0.changes.map(\.kind) } == [[], ["fired"], ["resolved"]])
        #expect(sections[2].log.first?.name == "cpu-hot" && sections[2].log.first?.durationSeconds == 10)
        #expect(sections[2].inactiveRules.contains("psi-cpu"))
        #expect(sections[1].active.first { $0.name == "cpu-busy" }?.state == .pending)
        #expect(snapshots.map { $0.stats["alert.cpu-hot.level"]?.max } == [0, 1, 1])
        #expect(snapshots[2].stats["alert.cpu-hot.level"]?.avg == 1.0 / 3)
        #expect(snapshots.allSatisfy { $0.findings != nil })

        let json = try SnapshotJSON.encode(snapshots[1], pretty: false)
        #expect(json.contains("\"alerts\":{\"active\":["))
        #expect(try SnapshotJSON.decode(json) == snapshots[1])
        #expect(SnapshotCSV.rows(snapshots[1]).contains("alert.cpu-hot.level"))
        #expect(SnapshotPrometheus.exposition(snapshots[1])
            .contains("perfdash_alert_level{alert=\"cpu-hot\",series=\"cpu.busy_percent\"} 1\n"))
    }

    /// At a 250 ms interval the advisor reads its rules on the first snapshot (0.25 s) and again one second later
    /// (1.25 s); the ticks in between carry the findings it made. CPU busy per tick: 91, 93, 95, 97, 99, 99 %, with
    /// 3 runnable tasks on 1 CPU, so `cpu_bound` holds throughout; its busy average is 91 % at 0.25 s and
    /// (91 + 93 + 95 + 97 + 99) / 5 = 95 % at 1.25 s.
    @Test func advisorReadsAtMostOncePerSecond() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        try HostFixture.write(Data("4.00 3.00 2.00 3/200 999\n".utf8), to: "proc/loadavg", in: tree)
        try HostFixture.writeCPU(user: 0, idle: 0, in: tree)
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: tree.path),
                                               configuration: SamplerConfiguration(interval: .milliseconds(250))),
                              advisor: AdvisorSettings())
        func at(_ quarter: Int) -> SampleTime {
            SampleTime(monotonic: .milliseconds(250 * quarter), unixMilliseconds: Self.wall + Int64(250 * quarter))
        }
        #expect(try monitor.tick(at: at(0)) == nil)
        var user = 0, idle = 0
        var busyEvidence: [String?] = []
        for (quarter, busy) in zip(1...6, [91, 93, 95, 97, 99, 99]) {
            user += busy
            idle += 100 - busy
            try HostFixture.writeCPU(user: user, idle: idle, in: tree)
            let snapshot = try #require(try monitor.tick(at: at(quarter)))
            busyEvidence.append(snapshot.findings?.first { $0.rule == "cpu_bound" }?.evidence.first)
        }
        let first = "CPU busy avg 91.0% (≥ 90%)", second = "CPU busy avg 95.0% (≥ 90%)"
        #expect(busyEvidence == [first, first, first, first, second, second])
    }

    /// Without rules and advisor the snapshot has neither section (absent from the JSON).
    @Test func plainMonitorHasNoSections() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: tree.path)))
        _ = try monitor.tick(at: Self.time(0))
        try HostFixture.writeCPU(user: 50, idle: 50, in: tree)
        let snapshot = try #require(try monitor.tick(at: Self.time(1)))
        #expect(snapshot.alerts == nil && snapshot.findings == nil)
        let json = try SnapshotJSON.encode(snapshot, pretty: false)
        #expect(!json.contains("\"alerts\"") && !json.contains("\"findings\""))
    }
}

/// The hand-written `alerts` and `findings` writers give JSONEncoder's bytes, compact and pretty, with every
/// optional member both present and absent.
@Suite struct AlertsJSONTests {
    @Test(arguments: [false, true])
    func handWrittenMatchesJSONEncoder(pretty: Bool) throws {
        var engine = AlertEngine(rules: [
            AlertRule(name: "fs", series: "fs.*.used_percent", aggregate: .last, windowSeconds: 0, warning: 85,
                      critical: 95, recover: 83),
            AlertRule(name: "cpu", series: "cpu.busy_percent", warning: 80, critical: nil, forSeconds: 60),
        ])
        _ = engine.step(now: 0, unixMilliseconds: 1_795_000_000_000,
                        values: ["fs./home.used_percent": 96.25, "cpu.busy_percent": 99.5])
        let changes = engine.step(now: 10, unixMilliseconds: 1_795_000_010_000,
                                  values: ["fs./home.used_percent": 50, "cpu.busy_percent": 99.5])
        _ = engine.step(now: 20, unixMilliseconds: 1_795_000_020_000, values: ["fs./home.used_percent": 90.125])
        let section = engine.section(changes: changes)
        #expect(section.log.contains { $0.resolved == nil } && section.log.contains { $0.resolved != nil })
        let findings = [Finding(rule: "cpu_bound", severity: .critical, subject: "host", bottleneck: "CPU bound",
                                evidence: ["a \"quoted\" line", "ünïcode ≥ 90%"], suggestion: "add CPUs / replicas")]
        for value in [AnyWritable(section), AnyWritable(findings)] {
            var hand = JSONWriter(pretty: pretty)
            value.write(&hand)
            #expect(hand.out.text == (try value.reference(pretty)))
        }
    }

    struct AnyWritable {
        let write: (inout JSONWriter) -> Void
        let reference: (Bool) throws -> String

        init(_ section: AlertsSection) {
            write = { section.writeJSON(to: &$0) }
            reference = { try SectionsJSONTests.reference(section, pretty: $0) }
        }

        init(_ findings: [Finding]) {
            write = { w in w.array(findings) { $1.writeJSON(to: &$0) } }
            reference = { try SectionsJSONTests.reference(findings, pretty: $0) }
        }
    }
}
