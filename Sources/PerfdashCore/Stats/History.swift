/// The recent samples of every named series, with a rolling window per statistics window.
///
/// Windows hold ⌈window / interval⌉ samples; they grow as samples arrive, so a short run costs little memory.
public struct History: Sendable {
    /// The sampling interval the window sizes derive from.
    public private(set) var interval: Duration
    private var series: [String: Windows] = [:]

    /// One series' three windows.
    private struct Windows: Sendable {
        var byWindow: [RollingWindow]

        init(interval: Duration) {
            byWindow = StatsWindow.allCases.map { RollingWindow(capacity: $0.capacity(at: interval)) }
        }

        subscript(window: StatsWindow) -> RollingWindow {
            byWindow[StatsWindow.allCases.firstIndex(of: window)!]
        }
    }

    /// Creates an empty history for samples `interval` apart.
    public init(interval: Duration) {
        self.interval = interval
    }

    /// The names of every series recorded so far.
    public var seriesNames: [String] { Array(series.keys) }

    /// Appends one value to the series `name`.
    public mutating func record(_ name: String, _ value: Double) {
        let interval = interval
        series[name, default: Windows(interval: interval)].byWindow.withUnsafeMutableBufferPointer { windows in
            for index in windows.indices { windows[index].append(value) }
        }
    }

    /// Appends every series' current value.
    public mutating func record(_ values: [FlatSeries]) {
        for entry in values { record(entry.name, entry.value) }
    }

    /// The statistics of `name` over `window`; nil for an unknown series.
    public func summary(_ name: String, window: StatsWindow) -> Summary? {
        series[name]?[window].summary
    }

    /// The values of `name` in `window`, oldest first; empty for an unknown series.
    public func values(_ name: String, window: StatsWindow) -> [Double] {
        series[name]?[window].values ?? []
    }

    /// The rolling window of `name` for `window`.
    public func window(_ name: String, _ window: StatsWindow) -> RollingWindow? {
        series[name]?[window]
    }

    /// Changes the interval, resizing every window and keeping its newest samples.
    public mutating func setInterval(_ newInterval: Duration) {
        guard newInterval != interval else { return }
        interval = newInterval
        for name in series.keys {
            series[name]!.byWindow = zip(StatsWindow.allCases, series[name]!.byWindow).map { window, rolling in
                rolling.resized(to: window.capacity(at: newInterval))
            }
        }
    }
}
