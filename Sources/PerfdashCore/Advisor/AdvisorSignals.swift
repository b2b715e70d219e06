/// What the advisor's rules read: every series' values over the window (oldest first), the CPU count, and which
/// series each autoscaler reads.
///
/// Built from the History at a tick (``Monitor``), or from a recorded sequence of snapshots (the tests' fixtures):
/// the rules see the same thing either way.
public struct AdvisorSignals: Sendable, Equatable {
    /// Values over the window by series name, oldest first; series with no samples are absent.
    public var series: [String: [Double]]
    /// Online CPUs (nil: unknown).
    public var cores: Int?
    /// Each autoscaler's input series, by autoscaler name.
    public var autoscalerInputs: [String: [String]]

    /// Creates signals.
    public init(series: [String: [Double]], cores: Int?, autoscalerInputs: [String: [String]] = [:]) {
        self.series = series
        self.cores = cores
        self.autoscalerInputs = autoscalerInputs
    }

    /// Signals from a sequence of flat values per tick (oldest first): each series' values in tick order.
    public init(ticks: [[String: Double]], cores: Int?, autoscalerInputs: [String: [String]] = [:]) {
        var series: [String: [Double]] = [:]
        for tick in ticks {
            for (name, value) in tick where value.isFinite { series[name, default: []].append(value) }
        }
        self.init(series: series, cores: cores, autoscalerInputs: autoscalerInputs)
    }

    /// The average over the window; nil when the series is absent.
    public func avg(_ name: String) -> Double? {
        guard let values = series[name], !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The newest value.
    public func last(_ name: String) -> Double? { series[name]?.last }

    /// The largest value in the window.
    public func max(_ name: String) -> Double? { series[name]?.max() }

    /// The least-squares slope of the series per sample, and its change over the window (slope × (n − 1));
    /// nil with fewer than 3 samples, which cannot tell a trend from noise.
    public func trend(_ name: String) -> (slope: Double, change: Double)? {
        guard let values = series[name], values.count >= 3 else { return nil }
        let n = Double(values.count)
        let meanX = (n - 1) / 2
        let meanY = values.reduce(0, +) / n
        var num = 0.0, den = 0.0
        for (index, value) in values.enumerated() {
            let dx = Double(index) - meanX
            num += dx * (value - meanY)
            den += dx * dx
        }
        guard den > 0 else { return nil }
        let slope = num / den
        return (slope, slope * (n - 1))
    }

    /// Every series matching `pattern` (one `*`), with what `*` stood for, sorted by name.
    public func matching(_ pattern: String) -> [(name: String, instance: String)] {
        guard let compiled = SeriesPattern(pattern) else { return [] }
        return series.keys.sorted().compactMap { name in compiled.instance(of: name).map { (name, $0) } }
    }

    /// Autoscalers that read `series`, by name.
    public func autoscalers(reading series: String) -> [String] {
        autoscalerInputs.filter { $0.value.contains(series) }.map(\.key).sorted()
    }
}
