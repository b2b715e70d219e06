import Dispatch
import Foundation
public import PerfdashCore
import Synchronization

/// Runs the sampler on its own thread, one tick per interval, so reading /proc never delays a key press.
///
/// The UI thread asks for a `DashboardModel` when `sequence` moves on; that copy is taken under the lock and the
/// lock is held only for the copy.
public final class SamplerDriver: Sendable {
    private struct Shared: Sendable {
        var sampler: Sampler
        var sequence = 0
        var error: String?
        var stopping = false
    }

    private let shared: Mutex<Shared>
    private let onSnapshot: WakePipe?
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Creates a driver over a sampler; nothing runs until `start()`. `onSnapshot` is signalled after each tick.
    public init(sampler: Sampler, onSnapshot: WakePipe? = nil) {
        shared = Mutex(Shared(sampler: sampler))
        self.onSnapshot = onSnapshot
    }

    /// The number of snapshots produced so far.
    public var sequence: Int { shared.withLock { $0.sequence } }

    /// Starts the sampling thread: one reading at once, then one per interval on a fixed grid.
    public func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "perfdash-sampler"
        thread.start()
    }

    /// Stops the thread and waits for it (at most one tick's work).
    public func stop() {
        shared.withLock { $0.stopping = true }
        wake.signal()
        finished.wait()
    }

    /// Changes the interval; the next tick is rescheduled from the last one.
    public func setInterval(_ interval: Duration) {
        shared.withLock { $0.sampler.configuration.interval = interval }
        wake.signal()
    }

    /// Changes the window of the snapshot's own statistics (what `s` saves).
    public func setWindow(_ window: StatsWindow) {
        shared.withLock { $0.sampler.configuration.window = window }
    }

    /// The model for the panels, with statistics over `window` and up to `graphLength` values per graph.
    public func model(window: StatsWindow, graphLength: Int) -> DashboardModel {
        shared.withLock { s in
            var model = DashboardModel.make(snapshot: s.sampler.latest, history: s.sampler.history,
                                            sequence: s.sequence, window: window, graphLength: graphLength)
            model.error = s.error
            return model
        }
    }

    /// The latest snapshot, for saving.
    public var latest: Snapshot? { shared.withLock { $0.sampler.latest } }

    private func run() {
        let clock = ContinuousClock()
        let origin = clock.now
        var lastTick: ContinuousClock.Instant?
        while true {
            let (stopping, interval) = shared.withLock { ($0.stopping, $0.sampler.configuration.interval) }
            if stopping { return }
            let now = clock.now
            let due = lastTick?.advanced(by: interval) ?? now
            if now < due {
                let wait = now.duration(to: due)
                let nanos = Int(wait.components.seconds) * 1_000_000_000 + Int(wait.components.attoseconds / 1_000_000_000)
                // A signal means "stop" or "interval changed": loop round and look again.
                if wake.wait(timeout: .now() + .nanoseconds(nanos)) == .success { continue }
            }
            // Stay on the grid unless a whole interval was missed (a suspended process): no drift, no bunching.
            let tickTime = clock.now
            lastTick = due.duration(to: tickTime) < interval ? due : tickTime
            let time = SampleTime(monotonic: origin.duration(to: tickTime),
                                  unixMilliseconds: WallClock.unixMilliseconds())
            shared.withLock { s in
                do {
                    if try s.sampler.tick(at: time) != nil { s.sequence += 1 }
                    s.error = nil
                } catch {
                    s.error = String(describing: error)
                }
            }
            onSnapshot?.signal()
        }
    }
}
