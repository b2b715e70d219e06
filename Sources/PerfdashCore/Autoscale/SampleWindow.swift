/// The samples of one series over the last `seconds`, aggregated on demand.
///
/// A sample at time `t` belongs to the window at `now` while `t > now − seconds`; a window of 0 s keeps only the
/// newest sample. Non-finite values are dropped: one NaN must not poison an average. A sorted copy is kept up to
/// date on every add and eviction (binary search, one move), so percentiles, min and max need no sort per step.
struct SampleWindow: Sendable {
    let seconds: Double
    private var times: [Double] = []
    private var values: [Double] = []
    private var start = 0
    private var sorted: [Double] = []

    init(seconds: Double) {
        self.seconds = seconds
    }

    /// Adds a sample and forgets those that left the window at `time`.
    mutating func add(time: Double, value: Double) {
        guard value.isFinite else { return }
        times.append(time)
        values.append(value)
        sorted.insert(value, at: Self.insertionIndex(of: value, in: sorted))
        evict(now: time)
    }

    /// Forgets samples outside the window at `now`.
    mutating func evict(now: Double) {
        while start < times.count, seconds <= 0 ? start < times.count - 1 : times[start] <= now - seconds {
            sorted.remove(at: Self.insertionIndex(of: values[start], in: sorted))
            start += 1
        }
        // Compact now and then so the arrays stay about one window long.
        if start > 64, start * 2 > times.count {
            times.removeFirst(start)
            values.removeFirst(start)
            start = 0
        }
    }

    /// How many samples are in the window.
    var count: Int { sorted.count }

    /// The aggregate over the window, nil when empty.
    func value(_ aggregate: Aggregate) -> Double? {
        guard let newest = values.last, !sorted.isEmpty else { return nil }
        switch aggregate {
        case .avg: return values[start...].reduce(0, +) / Double(sorted.count)
        case .min: return sorted.first
        case .max: return sorted.last
        case .last: return newest
        case .p50: return Self.percentile(0.50, ofSorted: sorted)
        case .p95: return Self.percentile(0.95, ofSorted: sorted)
        case .p99: return Self.percentile(0.99, ofSorted: sorted)
        }
    }

    /// Exact percentile with linear interpolation between closest ranks (numpy's default): rank = q·(n−1).
    static func percentile(_ q: Double, ofSorted sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = q * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - Double(lower))
    }

    /// The first index whose element is not less than `value` (an index of `value` itself when present).
    private static func insertionIndex(of value: Double, in sorted: [Double]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
