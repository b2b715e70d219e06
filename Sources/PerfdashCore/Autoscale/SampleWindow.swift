/// The samples of one series over the last `seconds`, aggregated on demand.
///
/// A sample at time `t` belongs to the window at `now` while `t > now − seconds`; a window of 0 s keeps only the
/// newest sample. Non-finite values are dropped: one NaN must not poison an average.
struct SampleWindow: Sendable {
    let seconds: Double
    private var times: [Double] = []
    private var values: [Double] = []
    private var start = 0

    init(seconds: Double) {
        self.seconds = seconds
    }

    /// Adds a sample and forgets those that left the window at `time`.
    mutating func add(time: Double, value: Double) {
        guard value.isFinite else { return }
        times.append(time)
        values.append(value)
        evict(now: time)
    }

    /// Forgets samples outside the window at `now`.
    mutating func evict(now: Double) {
        if seconds <= 0 {
            start = max(start, times.count - 1)
        } else {
            while start < times.count, times[start] <= now - seconds { start += 1 }
        }
        // Compact now and then so the arrays stay about one window long.
        if start > 64, start * 2 > times.count {
            times.removeFirst(start)
            values.removeFirst(start)
            start = 0
        }
    }

    /// How many samples are in the window.
    var count: Int { times.count - start }

    /// The window's samples, oldest first.
    var samples: ArraySlice<Double> { values[start...] }

    /// The aggregate over the window, nil when empty.
    func value(_ aggregate: Aggregate) -> Double? {
        let window = samples
        guard let newest = window.last else { return nil }
        switch aggregate {
        case .avg: return window.reduce(0, +) / Double(window.count)
        case .min: return window.min()
        case .max: return window.max()
        case .last: return newest
        case .p50: return Self.percentile(0.50, of: window)
        case .p95: return Self.percentile(0.95, of: window)
        case .p99: return Self.percentile(0.99, of: window)
        }
    }

    /// Exact percentile with linear interpolation between closest ranks (numpy's default): rank = q·(n−1).
    static func percentile(_ q: Double, of samples: ArraySlice<Double>) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = q * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
