/// Statistics of one series over one window.
public struct Summary: Sendable, Equatable, Codable {
    /// Number of samples in the window (always ≥ 1).
    public var count: Int
    /// Arithmetic mean.
    public var avg: Double
    /// Smallest value.
    public var min: Double
    /// Largest value.
    public var max: Double
    /// Percentiles: linear interpolation between closest ranks, rank = q·(n−1) (numpy's default).
    public var p50: Double
    /// 95th percentile.
    public var p95: Double
    /// 99th percentile.
    public var p99: Double

    /// Creates a summary.
    public init(count: Int, avg: Double, min: Double, max: Double, p50: Double, p95: Double, p99: Double) {
        self.count = count
        self.avg = avg
        self.min = min
        self.max = max
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}
