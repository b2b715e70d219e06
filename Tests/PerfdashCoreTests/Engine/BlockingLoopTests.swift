import Foundation
import Synchronization
import Testing
@testable import PerfdashCore

/// A blocking clock that never blocks: each wait jumps to its deadline plus a scripted lateness, and the clock
/// cancels itself after a set number of waits.
private final class SteppingClock: BlockingClock, Sendable {
    typealias Instant = ManualClock.Instant
    private struct State {
        var now = Instant(offset: .zero)
        var waits = 0
        var deadlines: [Duration] = []
    }
    private let state = Mutex(State())
    /// Extra time each wait takes, in order (the rest take none).
    let lateness: [Duration]
    /// Waits after which the clock is cancelled (nil: never).
    let cancelAfter: Int?

    init(lateness: [Duration] = [], cancelAfter: Int? = nil) {
        (self.lateness, self.cancelAfter) = (lateness, cancelAfter)
    }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var deadlines: [Duration] { state.withLock { $0.deadlines } }
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        _ = wait(until: deadline)
    }

    func wait(until deadline: Instant) -> Bool {
        state.withLock { state in
            if let cancelAfter, state.waits >= cancelAfter { return false }
            let late = state.waits < lateness.count ? lateness[state.waits] : .zero
            state.waits += 1
            state.deadlines.append(deadline.offset)
            state.now = max(state.now, deadline).advanced(by: late)
            return true
        }
    }
}

/// `SamplingLoop.runBlocking` and the real `ThreadClock` it runs on.
@Suite struct BlockingLoopTests {
    static let wall: Int64 = 1_795_312_940_989

    @Test func ticksOnTheGridLikeTheAsyncLoop() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        let clock = SteppingClock()
        let loop = SamplingLoop(clock: clock, interval: .seconds(2), wallClock: { Self.wall })
        var sampler = Sampler(reader: try HostReader(root: tree.path),
                              configuration: SamplerConfiguration(interval: .seconds(2)))
        var snapshots: [Snapshot] = []
        let delivered = try loop.runBlocking(&sampler, count: 2) { snapshot in
            snapshots.append(snapshot)
            if snapshots.count == 1 { try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary") }
        }
        // Primed at 0 on reading 1; reading 1 again at 2 s (all rates 0), reading 2 at 4 s (busy 40 %, as in
        // SamplerTests): the same figures the async loop gives on the same fixture.
        #expect(delivered == 2)
        #expect(clock.deadlines == [.seconds(2), .seconds(4)])
        #expect(snapshots.map(\.elapsedSeconds) == [2, 2])
        #expect(snapshots.map(\.host.cpu.total.busyPercent) == [0, 40])
        #expect(snapshots[1].stats[SeriesName.cpuBusy] == Summary(count: 2, avg: 20, min: 0, max: 40, p50: 20, p95: 38,
                                                                  p99: 39.6))
    }

    @Test func aLateTickSkipsTheGridPointsItMissed() throws {
        // The first wait comes back 2.5 intervals late (at 3.5 s): the next deadline is the grid's 4 s, not 2 s.
        let clock = SteppingClock(lateness: [.milliseconds(2500)])
        let loop = SamplingLoop(clock: clock, interval: .seconds(1), wallClock: { Self.wall })
        var sampler = Sampler(reader: try HostReader(root: HostFixture.root("ordinary", 1)))
        var elapsed: [Double] = []
        try loop.runBlocking(&sampler, count: 2) { elapsed.append($0.elapsedSeconds) }
        #expect(clock.deadlines == [.seconds(1), .seconds(4)])
        #expect(elapsed == [3.5, 0.5])
    }

    @Test(arguments: [0, 1, 3])
    func cancellingEndsTheRunBetweenTicks(after waits: Int) throws {
        let clock = SteppingClock(cancelAfter: waits)
        let loop = SamplingLoop(clock: clock, interval: .seconds(1), wallClock: { Self.wall })
        var sampler = Sampler(reader: try HostReader(root: HostFixture.root("ordinary", 1)))
        var delivered = 0
        let count = try loop.runBlocking(&sampler, count: nil) { _ in delivered += 1 }
        #expect(count == waits && delivered == waits)
    }

    @Test func theRealClockWaitsOutADeadline() {
        let clock = ThreadClock()
        let deadline = clock.now.advanced(by: .milliseconds(20))
        #expect(clock.wait(until: deadline))
        #expect(clock.now >= deadline)
        // A deadline already passed returns at once, still not cancelled.
        #expect(clock.wait(until: deadline))
        #expect(!clock.isCancelled)
    }

    @Test func cancellingTheRealClockEndsAWaitOfAnHour() async {
        let clock = ThreadClock()
        let deadline = clock.now.advanced(by: .seconds(3600))
        let waited = Thread.detachedResult { clock.wait(until: deadline) }
        clock.cancel()
        // Whether the cancel came before the wait began or during it, the wait ends without its deadline.
        #expect(await waited.value == false)
        #expect(clock.now < deadline)
        // Cancelled for good: every later wait returns false at once, and cancelling again is harmless.
        clock.cancel()
        #expect(clock.wait(until: clock.now.advanced(by: .seconds(3600))) == false)
    }
}

private extension Thread {
    /// Runs `body` on a new thread; the task's value is its result.
    static func detachedResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> Task<T, Never> {
        let (stream, continuation) = AsyncStream.makeStream(of: T.self)
        Thread { continuation.yield(body()); continuation.finish() }.start()
        return Task {
            for await value in stream { return value }
            fatalError("the thread finished without a result")
        }
    }
}
