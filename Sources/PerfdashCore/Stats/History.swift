/// The recent samples of every series, with a window per statistics window, indexed by interned series ids.
///
/// A series name is hashed once, when first seen (`id(for:)`); a tick then records and reads by id. The 1 m window
/// is exact at the sampling interval (⌈60 s / interval⌉ raw samples, a `RollingWindow`); the 5 m and 15 m windows
/// are per-second aggregates below an interval of 1 s (`BucketWindow`), so memory per series is bounded whatever the
/// interval, and the raw samples from 1 s on, where a second holds one sample anyway (`LongWindow`). Windows grow
/// as samples arrive, so a short run costs little memory.
public struct History: Sendable {
    /// An interned series: an index into the history's tables.
    public typealias SeriesID = Int

    /// The sampling interval the window sizes derive from.
    public private(set) var interval: Duration
    private var ids: [String: SeriesID] = [:]
    private var names: [String] = []
    private var windows: [SeriesWindows] = []

    /// One series' three windows.
    private struct SeriesWindows: Sendable {
        private(set) var oneMinute: RollingWindow
        var fiveMinutes: LongWindow
        var fifteenMinutes: LongWindow

        init(interval: Duration) {
            oneMinute = RollingWindow(capacity: StatsWindow.oneMinute.capacity(at: interval))
            fiveMinutes = LongWindow(seconds: 300, interval: interval)
            fifteenMinutes = LongWindow(seconds: 900, interval: interval)
        }

        /// The 1 m summary as last computed, while `append` left the window's values as they were (a steady
        /// series: an idle disk's rates, a total that does not move).
        private var oneMinuteSummary: Summary??

        mutating func append(_ value: Double) {
            if oneMinute.append(value) { oneMinuteSummary = nil }
            fiveMinutes.append(value)
            fifteenMinutes.append(value)
        }

        /// Keeps the newest values of the 1 m window in a window of `capacity`.
        mutating func resizeOneMinute(to capacity: Int) {
            oneMinute = oneMinute.resized(to: capacity)
            oneMinuteSummary = nil
        }

        /// `summary(window)`, from the cache for an unchanged 1 m window.
        mutating func cachedSummary(_ window: StatsWindow) -> Summary? {
            guard window == .oneMinute else { return summary(window) }
            if let known = oneMinuteSummary { return known }
            let computed = oneMinute.summary
            oneMinuteSummary = .some(computed)
            return computed
        }

        func summary(_ window: StatsWindow) -> Summary? {
            switch window {
            case .oneMinute: oneMinute.summary
            case .fiveMinutes: fiveMinutes.summary
            case .fifteenMinutes: fifteenMinutes.summary
            }
        }
    }

    /// Creates an empty history for samples `interval` apart.
    public init(interval: Duration) {
        self.interval = interval
    }

    /// The names of every series recorded so far, in the order they were first seen.
    public var seriesNames: [String] { names }

    /// The id of `name`, interning it (with empty windows) when new.
    public mutating func id(for name: String) -> SeriesID {
        if let id = ids[name] { return id }
        let id = names.count
        ids[name] = id
        names.append(name)
        windows.append(SeriesWindows(interval: interval))
        return id
    }

    /// The id of `name` if it was ever recorded.
    public func existingID(for name: String) -> SeriesID? { ids[name] }

    /// The name of an interned series.
    public func name(of id: SeriesID) -> String { names[id] }

    /// Appends one value to the series `id`.
    public mutating func record(_ id: SeriesID, _ value: Double) {
        windows[id].append(value)
    }

    /// Appends one value to the series `name`.
    public mutating func record(_ name: String, _ value: Double) {
        record(id(for: name), value)
    }

    /// Appends every series' current value.
    public mutating func record(_ values: [FlatSeries]) {
        for entry in values { record(entry.name, entry.value) }
    }

    /// The statistics of series `id` over `window`; nil while it has no sample.
    public func summary(_ id: SeriesID, window: StatsWindow) -> Summary? {
        windows[id].summary(window)
    }

    /// The same statistics, kept from the last call while the series' 1 m window did not change: the tick asks
    /// for every series' summary every time.
    mutating func cachedSummary(_ id: SeriesID, window: StatsWindow) -> Summary? {
        windows[id].cachedSummary(window)
    }

    /// The statistics of `name` over `window`; nil for an unknown series.
    public func summary(_ name: String, window: StatsWindow) -> Summary? {
        ids[name].flatMap { summary($0, window: window) }
    }

    /// The values of `name` in `window`, oldest first: raw samples for 1 m, and for 5 m and 15 m at an interval of
    /// 1 s or more, per-second means below it; empty for an unknown series.
    public func values(_ name: String, window: StatsWindow) -> [Double] {
        guard let id = ids[name] else { return [] }
        switch window {
        case .oneMinute: return windows[id].oneMinute.values
        case .fiveMinutes: return windows[id].fiveMinutes.values
        case .fifteenMinutes: return windows[id].fifteenMinutes.values
        }
    }

    /// The newest `limit` raw samples of `name`, one per tick, for a graph: from the 15 m window at intervals of
    /// 1 s or more (where it holds the samples), else from the exact 1 m window.
    public func recentValues(_ name: String, limit: Int) -> [Double] {
        guard let id = ids[name] else { return [] }
        if interval < .seconds(1) { return windows[id].oneMinute.suffix(limit) }
        return windows[id].fifteenMinutes.suffix(limit)
    }

    /// The exact 1 m window of `name`.
    public func oneMinuteWindow(_ name: String) -> RollingWindow? {
        ids[name].map { windows[$0].oneMinute }
    }

    /// Changes the interval: the 1 m window is resized keeping its newest samples; the 5 m and 15 m windows carry
    /// their values over (`LongWindow.setInterval`).
    public mutating func setInterval(_ newInterval: Duration) {
        guard newInterval != interval else { return }
        let old = interval
        interval = newInterval
        let capacity = StatsWindow.oneMinute.capacity(at: newInterval)
        for index in windows.indices {
            windows[index].resizeOneMinute(to: capacity)
            windows[index].fiveMinutes.setInterval(newInterval, seconds: 300, from: old)
            windows[index].fifteenMinutes.setInterval(newInterval, seconds: 900, from: old)
        }
    }
}
