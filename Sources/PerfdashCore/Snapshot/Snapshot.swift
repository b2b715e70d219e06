/// One headless snapshot: when, the host over the last interval, and the statistics of every series.
///
/// Encoded in snake case (`schema_version`, `busy_percent`…). Later sections (services, autoscaler) join as optional
/// properties and contribute to `flatSeries()`, which the CSV and Prometheus encoders write.
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
    public var host: HostReading
    /// Statistics over `window` for every series in `flatSeries()`, by series name.
    public var stats: [String: Summary]
    /// Why a section is empty (a missing optional file…).
    public var notes: [String]
    /// The configured autoscalers, in configuration order; nil (absent from the JSON) when none is configured.
    public var autoscaler: [AutoscalerStatus]?
    /// The configured services, in configuration order; nil (absent from the JSON) when none is configured.
    public var services: [ServiceReport]?
    /// Pressure stall information; nil (absent from the JSON) on a kernel without PSI.
    public var pressure: PressureReading?
    /// Mounted filesystems as df shows them; nil when proc/self/mounts is missing.
    public var filesystems: [FilesystemReading]?
    /// Process counts and the top N processes; nil when the process table is off (`--top-processes 0`).
    public var processes: ProcessesSection?

    /// Creates a snapshot.
    public init(timestampUnixMs: Int64, intervalSeconds: Double, elapsedSeconds: Double, window: StatsWindow,
                host: HostReading, stats: [String: Summary], notes: [String]) {
        schemaVersion = Self.currentSchemaVersion
        timestamp = RFC3339.format(unixMilliseconds: timestampUnixMs)
        self.timestampUnixMs = timestampUnixMs
        self.intervalSeconds = intervalSeconds
        self.elapsedSeconds = elapsedSeconds
        self.window = window
        self.host = host
        self.stats = stats
        self.notes = notes
    }

    /// Every numeric value of the snapshot, host first, then the services, then the autoscalers' recommendations,
    /// in a stable order.
    public func flatSeries() -> [FlatSeries] {
        var series = host.flatSeries()
        if let pressure { series += pressure.flatSeries() }
        for filesystem in filesystems ?? [] { series += filesystem.flatSeries() }
        if let processes { series += processes.flatSeries() }
        for service in services ?? [] { series += service.flatSeries() }
        for status in autoscaler ?? [] { series += status.flatSeries() }
        return series
    }
}
