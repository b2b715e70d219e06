/// Prometheus' `histogram_quantile` for classic (bucketed) histograms, as `bucketQuantile` in promql/quantile.go.
public enum HistogramQuantile {
    /// The φ-quantile `q` of cumulative `buckets` (any order), interpolated linearly inside the bucket it falls in.
    ///
    /// Special cases, all as in Prometheus: q NaN → NaN; q < 0 → -Inf; q > 1 → +Inf; no `+Inf` bucket, fewer than
    /// two buckets after merging equal bounds, or zero observations → NaN. The lowest bucket starts at 0 when its
    /// upper bound is positive (else its upper bound is returned); a quantile in the `+Inf` bucket gives the
    /// second-highest bound. Counts within 1e-12 relative of the previous one are treated as equal, and counts
    /// that decrease are raised to the running maximum, so rate noise cannot break the binary search.
    public static func quantile(_ q: Double, buckets input: [HistogramBucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        guard !input.isEmpty else { return .nan }
        var buckets = input.sorted { $0.upperBound < $1.upperBound }
        guard buckets[buckets.count - 1].upperBound == .infinity else { return .nan }
        buckets = coalesced(buckets)
        correctPrecisionErrors(&buckets, tolerance: 1e-12)
        ensureMonotonic(&buckets)
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        guard observations != 0 else { return .nan }
        var rank = q * observations
        // First bucket among all but the last whose cumulative count reaches the rank.
        var low = 0, high = buckets.count - 1
        while low < high {
            let mid = (low + high) / 2
            if buckets[mid].count >= rank { high = mid } else { low = mid + 1 }
        }
        let b = low
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0, buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// Merges buckets with the same upper bound by adding their counts (input sorted).
    private static func coalesced(_ buckets: [HistogramBucket]) -> [HistogramBucket] {
        var result: [HistogramBucket] = []
        result.reserveCapacity(buckets.count)
        for bucket in buckets {
            if let last = result.last, last.upperBound == bucket.upperBound {
                result[result.count - 1].count += bucket.count
            } else {
                result.append(bucket)
            }
        }
        return result
    }

    private static func correctPrecisionErrors(_ buckets: inout [HistogramBucket], tolerance: Double) {
        var previous = buckets[0].count
        for index in 1..<buckets.count {
            let current = buckets[index].count
            let delta = abs(current - previous)
            if delta == 0 { continue }
            if delta / current <= tolerance {
                buckets[index].count = previous
            } else {
                previous = current
            }
        }
    }

    private static func ensureMonotonic(_ buckets: inout [HistogramBucket]) {
        var maximum = buckets[0].count
        for index in 1..<buckets.count {
            if buckets[index].count > maximum {
                maximum = buckets[index].count
            } else if buckets[index].count < maximum {
                buckets[index].count = maximum
            }
        }
    }
}
