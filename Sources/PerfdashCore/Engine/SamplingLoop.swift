#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the sampling loop ticks: the bare `Sampler`, or a `Monitor` that adds other sources and the autoscalers.
public protocol SnapshotTicking {
    /// Reads at `time`; nil while priming (the first tick: rates need two readings).
    mutating func tick(at time: SampleTime) throws(HostReadError) -> Snapshot?
}

extension Sampler: SnapshotTicking {}

/// Drives a `Sampler` (or a `Monitor`) on a clock: primes at once, then ticks every interval on a fixed grid (no drift).
///
/// The clock is injected: `ContinuousClock` in the program, `ManualClock` in tests.
public struct SamplingLoop<C: Clock>: Sendable where C.Duration == Duration {
    /// The clock ticks are scheduled on.
    public let clock: C
    /// Time between ticks.
    public let interval: Duration
    /// Wall-clock milliseconds since the Unix epoch, for timestamps.
    public let wallClock: @Sendable () -> Int64

    /// Creates a loop.
    public init(clock: C, interval: Duration, wallClock: @escaping @Sendable () -> Int64 = WallClock.unixMilliseconds) {
        self.clock = clock
        self.interval = interval
        self.wallClock = wallClock
    }

    /// Ticks until `count` snapshots were handed to `onSnapshot` (nil: no limit) or the task is cancelled, and
    /// returns how many were handed over. Cancellation ends the wait for the next tick, never a snapshot half-way.
    @discardableResult
    public func run(_ ticker: inout some SnapshotTicking, count: Int?,
                    onSnapshot: (Snapshot) throws -> Void) async throws -> Int {
        let origin = try prime(&ticker)
        var (delivered, tickIndex): (Int, Int64) = (0, 0)
        while count.map({ delivered < $0 }) ?? true {
            tickIndex = nextTick(after: tickIndex, origin: origin)
            do {
                try await clock.sleep(until: origin.advanced(by: interval * tickIndex), tolerance: nil)
            } catch is CancellationError {
                return delivered
            }
            delivered += try deliver(&ticker, origin: origin, to: onSnapshot)
        }
        return delivered
    }

    /// Primes `ticker` and returns the grid's origin. The first tick is stamped at the origin itself: the grid starts
    /// there, so the time between two stamps is never below the interval (a stamp taken a few µs later could make
    /// the first one 9.99 ms at 10 ms).
    private func prime(_ ticker: inout some SnapshotTicking) throws -> C.Instant {
        let origin = clock.now
        _ = try ticker.tick(at: SampleTime(monotonic: .zero, unixMilliseconds: wallClock()))
        return origin
    }

    /// Ticks now and hands the snapshot over; returns how many were handed over (0 or 1).
    private func deliver(_ ticker: inout some SnapshotTicking, origin: C.Instant,
                         to onSnapshot: (Snapshot) throws -> Void) throws -> Int {
        guard let snapshot = try ticker.tick(at: time(since: origin)) else { return 0 }
        try onSnapshot(snapshot)
        return 1
    }

    /// The grid point after `tickIndex`; a tick that ran late skips the points already passed instead of bunching up.
    private func nextTick(after tickIndex: Int64, origin: C.Instant) -> Int64 {
        let next = tickIndex + 1
        let behind = origin.duration(to: clock.now)
        if behind > interval * next, let passed = Int64(exactly: (behind / interval).rounded(.down)) {
            return passed + 1
        }
        return next
    }

    private func time(since origin: C.Instant) -> SampleTime {
        SampleTime(monotonic: origin.duration(to: clock.now), unixMilliseconds: wallClock())
    }
}

extension SamplingLoop where C: BlockingClock {
    /// Ticks like `run`, on the same grid, but blocks the calling thread between ticks instead of suspending a task;
    /// ends when `count` snapshots were handed over or the clock was cancelled, never a snapshot half-way.
    @discardableResult
    public func runBlocking(_ ticker: inout some SnapshotTicking, count: Int?,
                            onSnapshot: (Snapshot) throws -> Void) throws -> Int {
        let origin = try prime(&ticker)
        var (delivered, tickIndex): (Int, Int64) = (0, 0)
        while count.map({ delivered < $0 }) ?? true {
            tickIndex = nextTick(after: tickIndex, origin: origin)
            guard clock.wait(until: origin.advanced(by: interval * tickIndex)) else { return delivered }
            delivered += try deliver(&ticker, origin: origin, to: onSnapshot)
        }
        return delivered
    }
}

/// The real wall clock.
public enum WallClock {
    /// Milliseconds since the Unix epoch, from CLOCK_REALTIME.
    @Sendable public static func unixMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
