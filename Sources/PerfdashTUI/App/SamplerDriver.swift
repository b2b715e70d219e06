import Dispatch
import Foundation
public import PerfdashCore
import Synchronization

/// Runs the live monitor (host sampler, services, autoscalers) on its own thread, one tick per interval, so reading
/// /proc never delays a key press; the services are scraped by their own `ServiceCollector` tasks in the background,
/// so a slow service never delays a tick, a frame or a key.
///
/// The UI thread asks for a `DashboardModel` when `sequence` moves on; that copy is taken under the lock and the
/// lock is held only for the copy. The collector keeps the interval it was created with (see `setInterval`).
public final class SamplerDriver: Sendable {
    private struct Shared: Sendable {
        var monitor: LiveMonitor
        var scraping: Task<Void, Never>?
        var querying: Task<Void, Never>?
        var sequence = 0
        var error: String?
        var stopping = false
    }

    private let shared: Mutex<Shared>
    private let onSnapshot: WakePipe?
    private let servicesNote: String?
    private let alertCommand: AlertCommandRunner?
    /// The alert command's last failure, for the status line.
    private let alertCommandFailure = LastLine()
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Creates a driver over a live monitor; nothing runs until `start()`. `onSnapshot` is signalled after each
    /// tick; `servicesNote` is passed to the Services panel.
    /// `alertCommand` (split into arguments, never run by a shell) runs on every alert change, off this thread;
    /// an unusable command is ignored here (the command line refuses it first).
    public init(monitor: LiveMonitor, servicesNote: String? = nil, alertCommand: String? = nil,
                onSnapshot: WakePipe? = nil) {
        shared = Mutex(Shared(monitor: monitor))
        self.servicesNote = servicesNote
        self.onSnapshot = onSnapshot
        let failure = alertCommandFailure
        self.alertCommand = alertCommand.flatMap { command in
            try? AlertCommandRunner(command: command) { line in failure.set(line) }
        }
    }

    /// Creates a driver over a plain host sampler (no services, no autoscalers).
    public convenience init(sampler: Sampler, onSnapshot: WakePipe? = nil) {
        self.init(monitor: LiveMonitor(monitor: Monitor(sampler: sampler), services: nil), onSnapshot: onSnapshot)
    }

    /// The number of snapshots produced so far.
    public var sequence: Int { shared.withLock { $0.sequence } }

    /// Starts the service scrapes and the sampling thread: one reading at once, then one per interval on a fixed grid.
    public func start() {
        shared.withLock {
            $0.scraping = $0.monitor.services?.start()
            $0.querying = $0.monitor.fleet?.start()
        }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "perfdash-sampler"
        thread.start()
    }

    /// Stops the scrapes and the thread, and waits for the thread (at most one tick's work).
    public func stop() {
        shared.withLock {
            $0.stopping = true
            $0.scraping?.cancel()
            $0.querying?.cancel()
        }
        wake.signal()
        finished.wait()
    }

    /// Changes the host interval; the next tick is rescheduled from the last one. The services keep being scraped at
    /// the interval they started with: their windows of scrapes were sized for it, and recreating the collector would
    /// drop every window (hit rates and quantiles would read n/a for a while).
    public func setInterval(_ interval: Duration) {
        shared.withLock { $0.monitor.monitor.configuration.interval = interval }
        wake.signal()
    }

    /// Changes the window of the snapshot's own statistics and of the services' reports (what `s` saves).
    public func setWindow(_ window: StatsWindow) {
        shared.withLock { $0.monitor.monitor.configuration.window = window }
    }

    /// The model for the panels, with statistics and the services' reports over `window` and up to `graphLength`
    /// values per graph. The services are read from the collector (a copy, derived outside any lock), so a window
    /// change and a finished scrape show without waiting for the next tick.
    public func model(window: StatsWindow, graphLength: Int, perCore: Bool = false) -> DashboardModel {
        var model = shared.withLock { s in
            var model = DashboardModel.make(snapshot: s.monitor.monitor.latest, history: s.monitor.monitor.history,
                                            sequence: s.sequence, window: window, graphLength: graphLength,
                                            perCore: perCore)
            model.error = s.error
            model.processes = s.monitor.monitor.sampler.processes
            model.processesEnabled = s.monitor.monitor.configuration.processes.enabled
            return model
        }
        model.alertCommandFailure = alertCommandFailure.get()
        if let services = shared.withLock({ $0.monitor.services }) {
            model.services = services.reports(window: window, now: WallClock.unixMilliseconds())
            model.servicesNote = servicesNote
        }
        model.fleet = shared.withLock { $0.monitor.fleet }?.report
        return model
    }

    /// Opens the fleet drill-down on `focus` (nil closes it): the collector fetches its history from the next round.
    public func setFleetFocus(_ focus: FleetFocus?) {
        shared.withLock { $0.monitor.fleet }?.setFocus(focus)
    }

    /// The latest snapshot, for saving.
    public var latest: Snapshot? { shared.withLock { $0.monitor.monitor.latest } }

    private func run() {
        let clock = ContinuousClock()
        let origin = clock.now
        var lastTick: ContinuousClock.Instant?
        while true {
            let (stopping, interval) = shared.withLock { ($0.stopping, $0.monitor.monitor.configuration.interval) }
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
            let changes = shared.withLock { s -> [AlertEvent] in
                do {
                    guard let snapshot = try s.monitor.tick(at: time) else { return [] }
                    s.sequence += 1
                    s.error = nil
                    return snapshot.alerts?.changes ?? []
                } catch {
                    s.error = String(describing: error)
                    return []
                }
            }
            alertCommand?.submit(changes)
            onSnapshot?.signal()
        }
    }
}

/// The last line a background job reported, shared between it and the UI thread.
private final class LastLine: Sendable {
    private let line = Mutex<String?>(nil)

    func set(_ text: String) { line.withLock { $0 = text } }

    func get() -> String? { line.withLock { $0 } }
}
