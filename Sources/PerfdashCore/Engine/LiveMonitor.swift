/// A `Monitor` fed by a `ServiceCollector` and a `FleetCollector`: every tick puts their latest results into the
/// snapshot.
///
/// Each tick reads the collector's reports over the monitor's stats window (a copy taken under its lock: a tick
/// never waits for a scrape), records their series (`service.<name>.…`) into the shared history with the host's,
/// and attaches them as the snapshot's `services` section, so autoscalers can read service series too. Without a
/// collector, or with one that has no services, it is the plain monitor and the snapshot has no `services` section.
/// The fleet collector's autoscaler inputs (`promql.<autoscaler>…`, from the last round) are recorded the same way,
/// its report becomes the `fleet` section (unless `attachFleetReport` is false: `perfdash serve` feeds autoscalers
/// from it without re-exporting the fleet), and a PromQL input that failed adds a note naming the query.
public struct LiveMonitor: Sendable, SnapshotTicking {
    /// The host sampler, the history and the autoscalers.
    public var monitor: Monitor
    /// Where the service results come from; nil: host only.
    public let services: ServiceCollector?
    /// Where the fleet and the PromQL inputs come from; nil: no Prometheus server.
    public let fleet: FleetCollector?
    /// Whether the fleet report joins the snapshot.
    public let attachFleetReport: Bool

    /// Creates a live monitor.
    public init(monitor: Monitor, services: ServiceCollector?, fleet: FleetCollector? = nil,
                attachFleetReport: Bool = true) {
        self.monitor = monitor
        self.services = services.flatMap { $0.isEmpty ? nil : $0 }
        self.fleet = fleet
        self.attachFleetReport = attachFleetReport
    }

    /// One tick at `time` (nil while priming, as `Monitor.tick`).
    public mutating func tick(at time: SampleTime) throws(HostReadError) -> Snapshot? {
        guard services != nil || fleet != nil else { return try monitor.tick(at: time) }
        let reports = services?.reports(window: monitor.configuration.window, now: time.unixMilliseconds)
        var extra = reports?.flatMap { $0.flatSeries() } ?? []
        extra += fleet?.inputSeries() ?? []
        let fleetReport = attachFleetReport ? fleet?.report : nil
        let inputFailures = fleet?.inputFailures ?? []
        return try monitor.tick(at: time, extraSeries: extra) { snapshot in
            if let reports { snapshot.services = reports }
            if let fleetReport { snapshot.fleet = fleetReport }
            for failure in inputFailures { snapshot.notes.append("autoscaler input \(failure.id): \(failure.line)") }
        }
    }
}
