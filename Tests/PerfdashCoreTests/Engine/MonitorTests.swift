import Foundation
import Testing
@testable import PerfdashCore

/// The Monitor: host tick → other sources → autoscalers → `autoscaler` section, on fixture trees rewritten in place
/// and a manual clock (no sleeping).
@Suite struct MonitorTests {
    static let wall: Int64 = 1_795_312_940_989

    /// Threshold up 80 / down 30, step 1, cooldown 60 s, window 15 s avg, replicas 3 tracked, ticks every 10 s.
    /// proc/stat is rewritten before each tick so that busy % = Δuser (Δtotal = 100):
    ///   t=10 busy 90: window (−5, 10] = [90], avg 90 > 80 → up 3 → 4, the cooldown starts at 10.
    ///   t=20 busy 95: window (5, 20] = [90, 95], avg 92.5 > 80, cooldown 10 + 60 − 20 = 50 s left → none.
    ///   t=30 busy 20: window (15, 30] = [95, 20], avg 57.5 within 30…80 → none; 10 + 60 − 30 = 40 s left shown.
    ///   t=40 busy 10: window (25, 40] = [20, 10], avg 15 < 30, cooldown 30 s left → none.
    @Test func thresholdAutoscalerOnCPUDrivenByTheLoop() async throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        try HostFixture.writeCPU(user: 0, idle: 0, in: tree)
        let clock = ManualClock()
        let reader = try HostReader(root: tree.path)
        let loop = SamplingLoop(clock: clock, interval: .seconds(10), wallClock: {
            Self.wall + Int64((clock.now.offset / .milliseconds(1)).rounded())
        })
        let spec = AutoscaleTestSupport.thresholdSpec(window: 15)
        let run = Task {
            var monitor = Monitor(sampler: Sampler(reader: reader,
                                                   configuration: SamplerConfiguration(interval: .seconds(10))),
                                  autoscalers: [spec])
            var snapshots: [Snapshot] = []
            try await loop.run(&monitor, count: 4) { snapshots.append($0) }
            return (snapshots, monitor)
        }
        await clock.waitForSleepers(1) // primed at t = 0
        for (user, idle) in [(90, 10), (185, 15), (205, 95), (215, 185)] {
            try HostFixture.writeCPU(user: user, idle: idle, in: tree)
            clock.advance(by: .seconds(10))
            if user != 215 { await clock.waitForSleepers(1) }
        }
        let (snapshots, monitor) = try await run.value
        #expect(snapshots.map(\.host.cpu.total.busyPercent) == [90, 95, 20, 10])

        let statuses = try snapshots.map { try #require($0.autoscaler?.first) }
        let recommendations = statuses.map(\.recommendation)
        #expect(recommendations.map(\.rule) == [.thresholdUp, .cooldown, .withinThresholds, .cooldown])
        #expect(recommendations.map(\.action) == [.up, .none, .none, .none])
        #expect(recommendations.map(\.from) == [3, 4, 4, 4])
        #expect(recommendations.map(\.to) == [4, 4, 4, 4])
        #expect(recommendations.map(\.time) == [10, 20, 30, 40])
        #expect(recommendations.map(\.cooldownSecondsLeft) == [nil, 50, 40, 30])
        #expect(recommendations.map { $0.metrics[0].value } == [90, 92.5, 57.5, 15])

        let last = statuses[3]
        #expect(last.name == "web")
        #expect(last.replicas == 4)
        #expect(last.missingSeries.isEmpty)
        #expect(last.summary == "threshold · cpu avg 15s · up > 80%, down < 30% · step 1 · cooldown 60 s · "
                + "replicas 1…10 (tracked)")
        #expect(last.recommendation.reason == "none (cooldown, 30 s left): cpu avg 15s 15.0% < 30%, stays 4")
        // Window [20, 10]: avg 15; p95 at rank 0.95 between 10 and 20 → 10 + 0.95 · 10 = 19.5.
        let metric = last.recommendation.metrics[0]
        #expect(metric.average == 15)
        #expect(approx(metric.p95, 19.5))
        #expect(metric.samples == 2)

        // Every decision is distinct (the rule changes each tick); wall time = wall + 1000 · t.
        #expect(last.decisions.map(\.timeSeconds) == [10, 20, 30, 40])
        #expect(last.decisions.map(\.timestampUnixMs) == [10_000, 20_000, 30_000, 40_000].map { Self.wall + $0 })
        #expect(last.decisions[0].timestamp == "2026-11-22T02:02:30.989Z")
        #expect(last.decisions.map(\.action) == [.up, .none, .none, .none])
        #expect(last.decisions[0].reason == "cpu avg 15s 90.0% > 80%: 3 → 4")

        // The recommendation as series, with statistics like any other series.
        let series = Dictionary(uniqueKeysWithValues: snapshots[3].flatSeries().map { ($0.name, $0) })
        #expect(series["autoscaler.web.current_replicas"]?.value == 4)
        #expect(series["autoscaler.web.desired_replicas"]?.value == 4)
        #expect(series["autoscaler.web.cooldown_seconds_left"]?.value == 30)
        #expect(series["autoscaler.web.desired_replicas"]?.labels == [SeriesLabel("autoscaler", "web")])
        #expect(series["autoscaler.web.stabilization_seconds_left"] == nil)
        // cooldown left over the 1 m window: [0, 50, 40, 30], sorted [0, 30, 40, 50]: avg 120 / 4 = 30;
        // p50 rank 1.5 → 35; p95 rank 2.85 → 40 + 0.85 · 10 = 48.5; p99 rank 2.97 → 49.7.
        let cooldown = try #require(snapshots[3].stats["autoscaler.web.cooldown_seconds_left"])
        #expect(cooldown.count == 4)
        #expect(cooldown.avg == 30)
        #expect(cooldown.min == 0)
        #expect(cooldown.max == 50)
        #expect(cooldown.p50 == 35)
        #expect(approx(cooldown.p95, 48.5))
        #expect(approx(cooldown.p99, 49.7))
        #expect(snapshots[3].stats.count == snapshots[3].flatSeries().count)
        #expect(monitor.latest == snapshots[3])
        #expect(monitor.autoscalers["web"]?.lastScaleTime == 10)
    }

    /// An input that comes from another source: fed when given, never taken as 0 when missing, `no_data` once the
    /// window has nothing. Threshold up 40 / down 10, cooldown 0, window 15 s, replicas 3.
    @Test func missingInputSeriesSaysNoData() throws {
        let depth = "service.api.queue.high.depth"
        let spec = AutoscalerSpec(
            name: "api",
            policy: .threshold(ThresholdPolicy(metric: MetricInput(series: depth), scaleUpThreshold: 40,
                                               scaleDownThreshold: 10, cooldownUpSeconds: 0, cooldownDownSeconds: 0)),
            windowSeconds: 15, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10)
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: HostFixture.root("ordinary", 1)),
                                               configuration: SamplerConfiguration(interval: .seconds(10))),
                              autoscalers: [spec])
        let queue = [FlatSeries(name: depth, value: 50, unit: .count)]
        func tick(_ seconds: Int64, _ extra: [FlatSeries]) throws -> Snapshot? {
            try monitor.tick(at: SampleTime(monotonic: .seconds(seconds), unixMilliseconds: Self.wall + seconds * 1000),
                             extraSeries: extra) { $0.notes.append("services: \(extra.count) series") }
        }

        // Priming: no snapshot, the autoscaler is not stepped, the extra series is dropped.
        #expect(try tick(0, queue) == nil)
        #expect(monitor.autoscalers["api"]?.latest == nil)
        #expect(monitor.history.summary(depth, window: .oneMinute) == nil)

        // t=10: window [50], avg 50 > 40 → up 3 → 4; the series joins the history and the stats.
        let first = try #require(try tick(10, queue))
        let up = try #require(first.autoscaler?.first)
        #expect(up.recommendation.rule == .thresholdUp)
        #expect(up.recommendation.reason == "\(depth) avg 15s 50.0 > 40: 3 → 4")
        #expect(up.missingSeries.isEmpty)
        #expect(first.stats[depth] == Summary(count: 1, avg: 50, min: 50, max: 50, p50: 50, p95: 50, p99: 50))
        #expect(first.notes.last == "services: 1 series")

        // t=20, the service is down: the window (5, 20] still holds 50 (a 0 would make the avg 25: no action).
        let down = try #require(try tick(20, []).flatMap { $0.autoscaler?.first })
        #expect(down.missingSeries == [depth])
        #expect(down.recommendation.rule == .thresholdUp)
        #expect(down.recommendation.to == 5)
        #expect(down.recommendation.metrics[0].samples == 1)

        // t=30: the window (15, 30] is empty → none, no data.
        let gone = try #require(try tick(30, []))
        let none = try #require(gone.autoscaler?.first)
        #expect(none.recommendation.action == ScaleAction.none)
        #expect(none.recommendation.rule == .noData)
        #expect(none.recommendation.reason == "no data for \(depth) in the last 15s: stays 5")
        #expect(none.recommendation.metrics[0].value == nil)
        #expect(none.missingSeries == [depth])
        #expect(gone.flatSeries().first { $0.name == "autoscaler.api.desired_replicas" }?.value == 5)
    }

    @Test func withoutAutoscalersTheSnapshotHasNoSection() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: tree.path)))
        #expect(try monitor.tick(at: SampleTime(monotonic: .seconds(0), unixMilliseconds: Self.wall)) == nil)
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        let snapshot = try #require(try monitor.tick(at: SampleTime(monotonic: .seconds(2),
                                                                    unixMilliseconds: Self.wall)))
        #expect(snapshot.autoscaler == nil)
        #expect(!(try SnapshotJSON.encode(snapshot, pretty: false)).contains("autoscaler"))
        #expect(snapshot.flatSeries() == snapshot.host.flatSeries())
    }
}
