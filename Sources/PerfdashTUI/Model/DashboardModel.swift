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
    /// The services panel's input (empty until services are configured).
    public var services: ServicesInput
    /// The autoscaler panel's input (empty until an autoscaler is configured).
    public var autoscaler: AutoscalerInput
    /// The last sampling error, shown instead of stale numbers.
    public var error: String?

    /// Creates a model.
    public init(snapshot: Snapshot?, sequence: Int, series: [String: Series] = [:], stats: [String: Summary] = [:],
                window: StatsWindow, services: ServicesInput = ServicesInput(),
                autoscaler: AutoscalerInput = AutoscalerInput(), error: String? = nil) {
        self.snapshot = snapshot
        self.sequence = sequence
        self.series = series
        self.stats = stats
        self.window = window
        self.services = services
        self.autoscaler = autoscaler
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
                            graphLength: Int) -> DashboardModel {
        var series: [String: Series] = [:]
        var stats: [String: Summary] = [:]
        for name in history.seriesNames {
            if let summary = history.summary(name, window: window) { stats[name] = summary }
            guard isGraphed(name) else { continue }
            // The 15-minute window holds the most samples; the graph needs only its tail.
            let values = history.values(name, window: .fifteenMinutes).suffix(graphLength)
            series[name] = Series(Array(values), lastIndex: sequence - 1)
        }
        return DashboardModel(snapshot: snapshot, sequence: sequence, series: series, stats: stats, window: window)
    }

    /// Series drawn as graphs: per-core series are shown as bars only, so they are not copied every tick.
    static func isGraphed(_ name: String) -> Bool {
        if name.hasPrefix("cpu.core") { return false }
        return name.hasPrefix("cpu.") || name.hasPrefix("memory.used_percent") || name.hasPrefix("swap.")
            || name.hasSuffix("_bytes_per_second") || name.hasSuffix("util_percent")
    }
}

/// What the Services panel shows: one line per scraped service. Filled in by the services feature.
public struct ServicesInput: Sendable, Equatable {
    /// One service's status line.
    public struct Row: Sendable, Equatable {
        /// The service name.
        public var name: String
        /// Whether the last scrape succeeded.
        public var up: Bool
        /// A short summary: hit rate, queue depth, latency, or the error when down.
        public var detail: String

        /// Creates a row.
        public init(name: String, up: Bool, detail: String) {
            self.name = name
            self.up = up
            self.detail = detail
        }
    }

    /// One row per service.
    public var rows: [Row]

    /// Creates the input; no rows means no services are configured.
    public init(rows: [Row] = []) { self.rows = rows }
}

/// What the Autoscaler panel shows: the current recommendation and recent decisions. Filled in by the autoscaler.
public struct AutoscalerInput: Sendable, Equatable {
    /// The current recommendation in one line ("up 3 → 4: cpu avg 5m 83.2 % > 80 %"); nil when none is configured.
    public var recommendation: String?
    /// Further lines: policy parameters, cooldown left, recent decisions.
    public var details: [String]

    /// Creates the input.
    public init(recommendation: String? = nil, details: [String] = []) {
        self.recommendation = recommendation
        self.details = details
    }
}
