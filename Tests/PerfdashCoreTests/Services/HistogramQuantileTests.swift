import Testing
@testable import PerfdashCore

/// `histogram_quantile` against Prometheus' own expectations (promql/promqltest/testdata/histograms.test,
/// evaluated at 50m where each `0+Nx10` series has reached 10·N).
@Suite("histogram_quantile")
struct HistogramQuantileTests {
    static func buckets(_ pairs: [(Double, Double)]) -> [HistogramBucket] {
        pairs.map { HistogramBucket(upperBound: $0.0, count: $0.1) }
    }

    /// testhistogram{start="positive"}: le 0.1 / .2 / 1e0 / +Inf → 50 / 70 / 110 / 120.
    static let positive = buckets([(0.1, 50), (0.2, 70), (1, 110), (.infinity, 120)])
    /// testhistogram{start="negative"}: le -.2 / -0.1 / 0.3 / +Inf → 10 / 20 / 20 / 30.
    static let negative = buckets([(-0.2, 10), (-0.1, 20), (0.3, 20), (.infinity, 30)])
    /// testhistogram3{start="positive"}: le 0 / 0.1 / .2 / 1e0 / +Inf → 0 / 50 / 70 / 110 / 110.
    static let positive3 = buckets([(0, 0), (0.1, 50), (0.2, 70), (1, 110), (.infinity, 110)])
    /// testhistogram3{start="negative"}: le -.25 / -.2 / -0.1 / 0.3 / +Inf → 0 / 10 / 20 / 20 / 20.
    static let negative3 = buckets([(-0.25, 0), (-0.2, 10), (-0.1, 20), (0.3, 20), (.infinity, 20)])
    /// testhistogram2 at 7m: le 0 / 2 / 4 / 6 / +Inf → 0 / 1 / 2 / 3 / 3.
    static let middles = buckets([(0, 0), (2, 1), (4, 2), (6, 3), (.infinity, 3)])
    /// nonmonotonic_bucket: le 0.1 / 1 / 10 / 100 / 1000 / +Inf → 20 / 10 / 50 / 40 / 90 / 80.
    static let nonmonotonic = buckets([(0.1, 20), (1, 10), (10, 50), (100, 40), (1000, 90), (.infinity, 80)])
    /// mixed_bucket{instance="ins1"}: le 0.1, 0.2, 2e-1, 2.0e-1 each 10, +Inf 40: equal bounds merge.
    static let mixed = buckets([(0.1, 10), (0.2, 10), (0.2, 10), (0.2, 10), (.infinity, 40)])
    /// sum by (le) (rate(request_duration_seconds_bucket[10m])), in counts per 5m: 10 / 19 / 25.
    static let aggregated = buckets([(0.1, 1 + 2 + 3 + 4), (0.2, 3 + 5 + 4 + 7), (.infinity, 4 + 6 + 6 + 9)])
    /// The same by job: job1 = ins1 + ins2, job2 likewise.
    static let job1 = buckets([(0.1, 3), (0.2, 8), (.infinity, 10)])
    static let job2 = buckets([(0.1, 7), (0.2, 11), (.infinity, 15)])

    @Test(arguments: [
        (0.0, positive, 0.0), (0.2, positive, 0.048), (0.5, positive, 0.15), (0.8, positive, 0.72), (1, positive, 1),
        (0.0, negative, -0.2), (0.2, negative, -0.2), (0.5, negative, -0.15), (0.8, negative, 0.3), (1, negative, 0.3),
        (0, positive3, 0), (0.25, positive3, 0.055), (0.5, positive3, 0.125), (0.75, positive3, 0.45),
        (1, positive3, 1),
        (0, negative3, -0.25), (0.25, negative3, -0.225), (0.5, negative3, -0.2), (0.75, negative3, -0.15),
        (1, negative3, -0.1),
        (1.0 / 6.0, middles, 1), (0.5, middles, 3), (5.0 / 6.0, middles, 5),
        (0.01, nonmonotonic, 0.0045), (0.5, nonmonotonic, 8.5), (0.99, nonmonotonic, 979.75),
        (0.5, mixed, 0.15), (0.75, mixed, 0.2), (1, mixed, 0.2),
        (0.3, aggregated, 0.075), (0.5, aggregated, 0.1277777777777778),
        (0.3, job1, 0.1), (0.5, job1, 0.14), (0.3, job2, 0.0642857142857143), (0.5, job2, 0.1125),
    ] as [(Double, [HistogramBucket], Double)])
    func matchesPrometheus(q: Double, buckets: [HistogramBucket], expected: Double) {
        let value = HistogramQuantile.quantile(q, buckets: buckets)
        #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "q=\(q) gave \(value)")
    }

    @Test func outOfRangeQuantilesAreInfinite() {
        #expect(HistogramQuantile.quantile(-0.1, buckets: Self.positive) == -.infinity)
        #expect(HistogramQuantile.quantile(1.01, buckets: Self.positive) == .infinity)
        #expect(HistogramQuantile.quantile(.nan, buckets: Self.positive).isNaN)
    }

    @Test func degenerateHistogramsGiveNaN() {
        // No +Inf bucket; a single bucket; no observations (empty_bucket, const_histogram rates).
        #expect(HistogramQuantile.quantile(0.5, buckets: Self.buckets([(0.1, 1), (0.2, 2)])).isNaN)
        #expect(HistogramQuantile.quantile(0.5, buckets: Self.buckets([(.infinity, 5)])).isNaN)
        #expect(HistogramQuantile.quantile(0.2, buckets: Self.buckets([(0.1, 0), (0.2, 0), (.infinity, 0)])).isNaN)
        #expect(HistogramQuantile.quantile(0.5, buckets: []).isNaN)
    }

    @Test func bucketOrderDoesNotMatter() {
        let shuffled = [Self.positive[2], Self.positive[3], Self.positive[0], Self.positive[1]]
        #expect(HistogramQuantile.quantile(0.8, buckets: shuffled) == HistogramQuantile.quantile(0.8, buckets: Self.positive))
    }
}
