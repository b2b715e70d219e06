public import PerfdashCore

/// What the panels draw: the latest snapshot, recent values of the graphed series and their window statistics.
///
/// Built from the sampler under its lock and then owned by the UI thread, so drawing never holds the sampler.
public struct DashboardModel: Sendable {
    /// The latest snapshot; nil until the second reading (rates need two).
    public var snapshot: Snapshot?
    /// Snapshots produced so far; the newest has absolute index `sequence - 1`, which fixes graph columns.
    public var sequence: Int
    /// Recent values of the graphed series, by `SeriesName`.
    public var series: [String: Series]
    /// Statistics over `window`, by `SeriesName`.
    public var stats: [String: Summary]
    /// The window of `stats`.
    public var window: StatsWindow
    /// Every configured service as last scraped, over `window` (empty: none configured).
    public var services: [ServiceReport]
    /// A line the Services panel shows under its table (e.g. that `demo` is a synthetic workload).
    public var servicesNote: String?
    /// Every configured autoscaler's status at the latest tick (empty: none configured).
    public var autoscalers: [AutoscalerStatus]
    /// The fleet from the Prometheus server; nil without `--prometheus`.
    public var fleet: FleetReport?
    /// The last sampling error, shown instead of stale numbers.
    public var error: String?
    /// Active alerts and the alert log (nil: no rule configured).
    public var alerts: AlertsSection?
    /// The advisor's findings (nil: the advisor is off).
    public var findings: [Finding]?
    /// The alert command's last failure (`--alert-command`), shown on the Alerts panel.
    public var alertCommandFailure: String?
    /// Every process at the latest tick (empty before the first or with the process table off).
    public var processes: [ProcessReading] = []
    /// Whether processes are read at all (`--no-processes` turns them off).
    public var processesEnabled = true

    /// Creates a model.
    public init(snapshot: Snapshot?, sequence: Int, series: [String: Series] = [:], stats: [String: Summary] = [:],
                window: StatsWindow, services: [ServiceReport] = [], servicesNote: String? = nil,
                autoscalers: [AutoscalerStatus] = [], error: String? = nil) {
        self.snapshot = snapshot
        self.sequence = sequence
        self.series = series
        self.stats = stats
        self.window = window
        self.services = services
        self.servicesNote = servicesNote
        self.autoscalers = autoscalers
        self.error = error
    }

    /// The recent values of `name` (empty when unknown).
    public func series(_ name: String) -> Series {
        series[name] ?? Series([], lastIndex: sequence - 1)
    }

    /// The statistics of `name` over the window.
    public func summary(_ name: String) -> Summary? { stats[name] }

    /// Extracts a model from `history`: the last `graphLength` values of every graphed series and the statistics
    /// of every series of the snapshot over `window`.
    public static func make(snapshot: Snapshot?, history: History, sequence: Int, window: StatsWindow,
                            graphLength: Int, perCore: Bool = false) -> DashboardModel {
        var series: [String: Series] = [:]
        var stats: [String: Summary] = [:]
        // The autoscalers' inputs are graphed against their thresholds, whatever series they are.
        let inputs = Set((snapshot?.autoscaler ?? []).flatMap(\.spec.inputSeries))
        for name in history.seriesNames {
            if let summary = history.summary(name, window: window) { stats[name] = summary }
            guard isGraphed(name) || name.hasPrefix("cpu.core") && perCore || inputs.contains(name) else { continue }
            series[name] = Series(history.recentValues(name, limit: graphLength), lastIndex: sequence - 1)
        }
        var model = DashboardModel(snapshot: snapshot, sequence: sequence, series: series, stats: stats,
                                   window: window, autoscalers: snapshot?.autoscaler ?? [])
        model.alerts = snapshot?.alerts
        model.findings = snapshot?.findings
        return model
    }

    /// Series drawn as graphs: per-core series are shown as bars only, so they are not copied every tick.
    static func isGraphed(_ name: String) -> Bool {
        if name.hasPrefix("cpu.core") { return false }
        if name.hasPrefix("service.") {
            return name.hasSuffix(".hit_rate_percent") || name.hasSuffix(".depth") || name.hasSuffix(".p95_seconds")
        }
        return name.hasPrefix("cpu.") || name.hasPrefix("memory.used_percent") || name.hasPrefix("swap.")
            || name.hasSuffix("_bytes_per_second") || name.hasSuffix("util_percent")
            || name.hasSuffix(".desired_replicas")
    }
}
