/// Exact quantiles of a sample set: linear interpolation between closest ranks, rank = q·(n−1)
/// (numpy's default and Prometheus' `quantile_over_time`).
enum ExactQuantile {
    /// The q-quantile of `values` (unsorted), or nil when there are none.
    static func quantile(_ q: Double, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = min(max(q, 0), 1) * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = rank - Double(lower)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }
}
