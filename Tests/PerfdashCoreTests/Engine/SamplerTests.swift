import Foundation
import Testing
@testable import PerfdashCore

/// The sampler and its loop on a fixture tree rewritten in place, driven by a manual clock: no sleeping.
@Suite struct SamplerTests {
    static let wall: Int64 = 1_795_312_940_989

    @Test func firstTickPrimesSecondGivesASnapshot() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        var sampler = Sampler(reader: try HostReader(root: tree.path),
                              configuration: SamplerConfiguration(interval: .seconds(2), window: .fiveMinutes))
        #expect(try sampler.tick(at: SampleTime(monotonic: .seconds(10), unixMilliseconds: Self.wall)) == nil)
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        let snapshot = try #require(
            try sampler.tick(at: SampleTime(monotonic: .seconds(12), unixMilliseconds: Self.wall + 2000)))
        // python: datetime.fromtimestamp(1795312942.989, timezone.utc) → 2026-11-22T02:02:22.989
        #expect(snapshot.timestamp == "2026-11-22T02:02:22.989Z")
        #expect(snapshot.timestampUnixMs == Self.wall + 2000)
        #expect(snapshot.schemaVersion == 1)
        #expect(snapshot.elapsedSeconds == 2)
        #expect(snapshot.intervalSeconds == 2)
        #expect(snapshot.window == .fiveMinutes)
        #expect(snapshot.host.cpu.total.busyPercent == 40) // as in OrdinaryMachineTests
        #expect(snapshot.stats[SeriesName.cpuBusy] == Summary(count: 1, avg: 40, min: 40, max: 40, p50: 40, p95: 40,
                                                              p99: 40))
        #expect(snapshot.stats[SeriesName.disk("sda", .utilPercent)]?.max == 25)
        #expect(snapshot.stats.count == snapshot.flatSeries().count)
        #expect(sampler.latest == snapshot)
    }

    /// Without window statistics (the wide CSV) the snapshot has none, and the history records every value all the
    /// same: the statistics asked of it afterwards are those a snapshot would have carried.
    @Test func withoutWindowStatisticsTheHistoryStillRecords() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        var configuration = SamplerConfiguration(interval: .seconds(2), window: .fiveMinutes)
        configuration.windowStatistics = false
        var sampler = Sampler(reader: try HostReader(root: tree.path), configuration: configuration)
        #expect(try sampler.tick(at: SampleTime(monotonic: .seconds(10), unixMilliseconds: Self.wall)) == nil)
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        let snapshot = try #require(
            try sampler.tick(at: SampleTime(monotonic: .seconds(12), unixMilliseconds: Self.wall + 2000)))
        #expect(snapshot.stats.count == 0 && snapshot.host.cpu.total.busyPercent == 40)
        #expect(sampler.history.summary(SeriesName.cpuBusy, window: .fiveMinutes)
                == Summary(count: 1, avg: 40, min: 40, max: 40, p50: 40, p95: 40, p99: 40))
        #expect(sampler.history.seriesNames.count == snapshot.flatSeries().count)
    }

    @Test func loopTicksOnTheClockAndAccumulatesStatistics() async throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        let clock = ManualClock()
        let reader = try HostReader(root: tree.path)
        let loop = SamplingLoop(clock: clock, interval: .seconds(2), wallClock: { Self.wall })
        let run = Task {
            var sampler = Sampler(reader: reader, configuration: SamplerConfiguration(interval: .seconds(2)))
            var snapshots: [Snapshot] = []
            try await loop.run(&sampler, count: 2) { snapshots.append($0) }
            return snapshots
        }
        await clock.waitForSleepers(1) // primed on reading 1
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        clock.advance(by: .seconds(2))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(2)) // same counters again: every rate and share is 0
        let snapshots = try await run.value
        #expect(snapshots.count == 2)
        #expect(snapshots.map(\.elapsedSeconds) == [2, 2])
        #expect(snapshots.map(\.host.cpu.total.busyPercent) == [40, 0])
        // 1 m window over sorted [0, 40]: avg 20; p50 rank 0.5 → 20; p95 rank 0.95 → 40 − 40·(1 − 0.95) = 38;
        // p99 → 40 − 40·0.01 = 39.6.
        let stats = try #require(snapshots[1].stats[SeriesName.cpuBusy])
        #expect(stats == Summary(count: 2, avg: 20, min: 0, max: 40, p50: 20, p95: 38, p99: 39.6))
    }

    @Test func cancellingTheLoopStopsBetweenTicks() async throws {
        let clock = ManualClock()
        let reader = try HostReader(root: HostFixture.root("ordinary", 1))
        let loop = SamplingLoop(clock: clock, interval: .seconds(1), wallClock: { Self.wall })
        let run = Task {
            var sampler = Sampler(reader: reader)
            var delivered = 0
            let count = try await loop.run(&sampler, count: nil) { _ in delivered += 1 }
            return (count, delivered)
        }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await clock.waitForSleepers(1)
        run.cancel()
        let (count, delivered) = try await run.value
        #expect(count == 1)
        #expect(delivered == 1)
    }

    @Test func lateTicksSkipMissedGridPoints() async throws {
        // The clock jumps 3.5 intervals at once: one tick runs (at 3.5 s), the next is scheduled on the grid at 4 s.
        let clock = ManualClock()
        let reader = try HostReader(root: HostFixture.root("ordinary", 1))
        let loop = SamplingLoop(clock: clock, interval: .seconds(1), wallClock: { Self.wall })
        let run = Task {
            var sampler = Sampler(reader: reader)
            var elapsed: [Double] = []
            try await loop.run(&sampler, count: 2) { elapsed.append($0.elapsedSeconds) }
            return elapsed
        }
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(3500))
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(500))
        #expect(try await run.value == [3.5, 0.5])
    }
}

@Suite struct SamplerRecordTests {
    @Test func seriesFromOtherSourcesShareTheHistory() throws {
        // Two service samples 10 and 30: avg 20, p50 20.
        var sampler = Sampler(reader: try HostReader(root: HostFixture.root("ordinary", 1)))
        let name = SeriesName.service("api", "queue.depth")
        sampler.record([FlatSeries(name: name, value: 10, unit: .count)])
        sampler.record([FlatSeries(name: name, value: 30, unit: .count)])
        #expect(sampler.history.summary(name, window: .oneMinute)?.avg == 20)
        #expect(sampler.history.summary(name, window: .oneMinute)?.p50 == 20)
    }
}
