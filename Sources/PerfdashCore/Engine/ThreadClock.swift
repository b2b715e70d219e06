#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CWait
import Synchronization

/// A clock a loop can block its own thread on, instead of suspending a task: `SamplingLoop.runBlocking` waits on it.
public protocol BlockingClock: Clock where Duration == Swift.Duration {
    /// Blocks the calling thread until `deadline`; false when the clock was cancelled, before or during the wait.
    func wait(until deadline: Instant) -> Bool
}

/// CLOCK_MONOTONIC, with waits a thread blocks in and a cancellation that ends them at once.
///
/// A headless run ticks on its own thread: one `ppoll(2)` per tick, where a task's sleep costs a timer on
/// libdispatch's manager thread and a hand-off to a worker thread, five context switches per tick (docs/benchmarks.md).
/// `cancel` writes to a pipe the wait polls, so a signal ends the wait without a timeout to run out.
public final class ThreadClock: BlockingClock, Sendable {
    /// A point on CLOCK_MONOTONIC.
    public struct Instant: InstantProtocol, Sendable {
        /// Time since the monotonic clock's origin (boot, on Linux).
        public var offset: Swift.Duration

        /// Creates an instant `offset` after the origin.
        public init(offset: Swift.Duration) {
            self.offset = offset
        }

        /// The instant `duration` later.
        public func advanced(by duration: Swift.Duration) -> Instant { Instant(offset: offset + duration) }
        /// The time from this instant to `other`.
        public func duration(to other: Instant) -> Swift.Duration { other.offset - offset }
        /// Earlier-than.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// The pipe `cancel` makes readable; -1 when none could be made (then waits look at `cancelled` in slices).
    private let wakeup: (read: Int32, write: Int32)
    private let cancelled = Atomic<Bool>(false)
    /// The longest a wait blocks before it looks at `cancelled` when there is no pipe.
    static let fallbackSlice: Swift.Duration = .milliseconds(50)

    /// Creates a clock; it is not cancelled.
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        }
        wakeup = (fds[0], fds[1])
    }

    deinit {
        if wakeup.read >= 0 {
            close(wakeup.read)
            close(wakeup.write)
        }
    }

    /// Now.
    public var now: Instant {
        var (seconds, nanoseconds): (Int64, Int64) = (0, 0)
        pd_wait_now(&seconds, &nanoseconds)
        return Instant(offset: .seconds(seconds) + .nanoseconds(nanoseconds))
    }

    /// One nanosecond: the unit of the waits.
    public var minimumResolution: Swift.Duration { .nanoseconds(1) }

    /// Sleeps a task until `deadline`, for code that drives the same loop asynchronously.
    public func sleep(until deadline: Instant, tolerance: Swift.Duration?) async throws {
        try await Task.sleep(for: max(.zero, now.duration(to: deadline)), tolerance: tolerance)
    }

    /// Ends every wait, now and later: they return false. Safe from any thread, any number of times.
    public func cancel() {
        cancelled.store(true, ordering: .sequentiallyConsistent)
        guard wakeup.write >= 0 else { return }
        var one: UInt8 = 1
        // The byte is never read back: the pipe stays readable, so every later wait returns at once.
        _ = write(wakeup.write, &one, 1)
    }

    /// Whether `cancel` was called.
    public var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

    /// Blocks until `deadline` (at once if it has passed) or until `cancel`; false when cancelled.
    public func wait(until deadline: Instant) -> Bool {
        while !isCancelled {
            let start = now
            if deadline <= start { return true }
            let end = wakeup.read >= 0 ? deadline : min(deadline, start.advanced(by: Self.fallbackSlice))
            let (seconds, attoseconds) = end.offset.components
            // A deadline past what ppoll can take is as good as never: the cancel is what ends that wait.
            let readable = pd_wait_until(min(seconds, Int64(Int32.max)), attoseconds / 1_000_000_000, wakeup.read)
            if readable == 1 { return false }
            if readable < 0 {
                // poll(2) refused (out of memory): wait out the slice without it rather than spin.
                var slice = timespec(tv_sec: 0, tv_nsec: 1_000_000)
                _ = nanosleep(&slice, nil)
            }
        }
        return false
    }
}
