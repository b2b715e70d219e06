/// A `Monitor` fed by a `ServiceCollector`: every tick puts the services' latest results into the snapshot.
///
/// Each tick reads the collector's reports over the monitor's stats window (a copy taken under its lock: a tick
/// never waits for a scrape), records their series (`service.<name>.…`) into the shared history with the host's,
/// and attaches them as the snapshot's `services` section, so autoscalers can read service series too. Without a
/// collector, or with one that has no services, it is the plain monitor and the snapshot has no `services` section.
public struct LiveMonitor: Sendable, SnapshotTicking {
    /// The host sampler, the history and the autoscalers.
    public var monitor: Monitor
    /// Where the service results come from; nil: host only.
    public let services: ServiceCollector?

    /// Creates a live monitor.
    public init(monitor: Monitor, services: ServiceCollector?) {
        self.monitor = monitor
        self.services = services.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One tick at `time` (nil while priming, as `Monitor.tick`).
    public mutating func tick(at time: SampleTime) throws(HostReadError) -> Snapshot? {
        guard let services else { return try monitor.tick(at: time) }
        let reports = services.reports(window: monitor.configuration.window, now: time.unixMilliseconds)
        return try monitor.tick(at: time, extraSeries: reports.flatMap { $0.flatSeries() }) { snapshot in
            snapshot.services = reports
        }
    }
}
