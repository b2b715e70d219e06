/// One headless snapshot: when, the host over the last interval, and the statistics of every series.
///
/// Encoded in snake case (`schema_version`, `busy_percent`…) by `writeJSON` (Encoding/Snapshot+JSON.swift). Later
/// sections (services, autoscaler) join as optional properties, contribute to `flatSeries()`, which the CSV and
/// Prometheus encoders write, and get one line in `writeJSON`.
public struct Snapshot: Sendable, Equatable, Codable {
    /// The schema version this build writes; bumped on any incompatible change.
    public static let currentSchemaVersion = 1

    /// The schema version of this snapshot.
    public var schemaVersion: Int
    /// Wall-clock time of the reading, RFC 3339 in UTC with milliseconds.
    public var timestamp: String
    /// The same instant in milliseconds since the Unix epoch.
    public var timestampUnixMs: Int64
    /// The configured sampling interval.
    public var intervalSeconds: Double
    /// The measured time between the two readings the rates come from.
    public var elapsedSeconds: Double
    /// The window of `stats`.
    public var window: StatsWindow
    /// The host reading.
    public var host: HostReading {
        didSet { hostSeries = host.flatSeries() }
    }
    /// Statistics over `window` for every series in `flatSeries()`, by series name.
    public var stats: SnapshotStats
    /// Why a section is empty (a missing optional file…).
    public var notes: [String]
    /// The configured autoscalers, in configuration order; nil (absent from the JSON) when none is configured.
    public var autoscaler: [AutoscalerStatus]?
    /// The configured services, in configuration order; nil (absent from the JSON) when none is configured.
    public var services: [ServiceReport]?
    /// Active alerts, the alert log and this tick's changes; nil (absent from the JSON) when no rule is configured.
    public var alerts: AlertsSection?
    /// The advisor's findings over the window (empty: nothing found); nil when the advisor is off.
    public var findings: [Finding]?
    /// The fleet read from a Prometheus server (`--prometheus`); nil (absent from the JSON) without one.
    public var fleet: FleetReport?
    /// Pressure stall information; nil (absent from the JSON) on a kernel without PSI.
    public var pressure: PressureReading?
    /// Mounted filesystems as df shows them; nil when proc/self/mounts is missing.
    public var filesystems: [FilesystemReading]?
    /// Process counts and the top N processes; nil when the process table is off (`--no-processes`).
    public var processes: ProcessesSection?
    /// `host.flatSeries()`, made once (the sampler passes its interned layout with this tick's values).
    public private(set) var hostSeries: [FlatSeries]

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, timestamp, timestampUnixMs, intervalSeconds, elapsedSeconds, window, host, stats, notes
        case autoscaler, services, alerts, findings, fleet, pressure, filesystems, processes
    }

    /// Creates a snapshot; `hostSeries` must be `host.flatSeries()` when given (the sampler's cached layout).
    public init(timestampUnixMs: Int64, intervalSeconds: Double, elapsedSeconds: Double, window: StatsWindow,
                host: HostReading, stats: SnapshotStats, notes: [String], hostSeries: [FlatSeries]? = nil) {
        schemaVersion = Self.currentSchemaVersion
        timestamp = RFC3339.format(unixMilliseconds: timestampUnixMs)
        self.timestampUnixMs = timestampUnixMs
        self.intervalSeconds = intervalSeconds
        self.elapsedSeconds = elapsedSeconds
        self.window = window
        self.host = host
        self.stats = stats
        self.notes = notes
        self.hostSeries = hostSeries ?? host.flatSeries()
    }

    /// Creates a snapshot with statistics given by name.
    public init(timestampUnixMs: Int64, intervalSeconds: Double, elapsedSeconds: Double, window: StatsWindow,
                host: HostReading, stats: [String: Summary], notes: [String]) {
        self.init(timestampUnixMs: timestampUnixMs, intervalSeconds: intervalSeconds, elapsedSeconds: elapsedSeconds,
                  window: window, host: host, stats: SnapshotStats(stats), notes: notes)
    }

    /// Decodes a snapshot (the series follow from the host reading).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        timestamp = try container.decode(String.self, forKey: .timestamp)
        timestampUnixMs = try container.decode(Int64.self, forKey: .timestampUnixMs)
        intervalSeconds = try container.decode(Double.self, forKey: .intervalSeconds)
        elapsedSeconds = try container.decode(Double.self, forKey: .elapsedSeconds)
        window = try container.decode(StatsWindow.self, forKey: .window)
        host = try container.decode(HostReading.self, forKey: .host)
        stats = try container.decode(SnapshotStats.self, forKey: .stats)
        notes = try container.decode([String].self, forKey: .notes)
        autoscaler = try container.decodeIfPresent([AutoscalerStatus].self, forKey: .autoscaler)
        services = try container.decodeIfPresent([ServiceReport].self, forKey: .services)
        alerts = try container.decodeIfPresent(AlertsSection.self, forKey: .alerts)
        findings = try container.decodeIfPresent([Finding].self, forKey: .findings)
        fleet = try container.decodeIfPresent(FleetReport.self, forKey: .fleet)
        pressure = try container.decodeIfPresent(PressureReading.self, forKey: .pressure)
        filesystems = try container.decodeIfPresent([FilesystemReading].self, forKey: .filesystems)
        processes = try container.decodeIfPresent(ProcessesSection.self, forKey: .processes)
        hostSeries = host.flatSeries()
    }

    /// Every numeric value of the snapshot, host first, then pressure, filesystems and processes, then the services,
    /// the autoscalers' recommendations, the alert levels and the fleet, in a stable order.
    public func flatSeries() -> [FlatSeries] {
        guard services != nil || autoscaler != nil || alerts != nil || fleet != nil || hasSections else {
            return hostSeries
        }
        var series = hostSeries
        series += sectionSeries()
        for service in services ?? [] { series += service.flatSeries() }
        for status in autoscaler ?? [] { series += status.flatSeries() }
        if let alerts { series += alerts.flatSeries() }
        if let fleet { series += fleet.flatSeries() }
        return series
    }

    /// Whether any of the pressure, filesystems and processes sections is present.
    private var hasSections: Bool { pressure != nil || filesystems != nil || processes != nil }

    /// The series of the pressure, filesystems and processes sections, in that order.
    public func sectionSeries() -> [FlatSeries] {
        var series: [FlatSeries] = []
        if let pressure { series += pressure.flatSeries() }
        for filesystem in filesystems ?? [] { series += filesystem.flatSeries() }
        if let processes { series += processes.flatSeries() }
        return series
    }
}
