/// Increases of one latency distribution over a window's consecutive scrapes: `_sum`, `_count` and each bucket.
///
/// Windows add up (`merge`): the sum of several routes' bucket increases is what PromQL's
/// `histogram_quantile(q, sum by (le) (rate(x_bucket[w])))` reads.
struct DistributionWindow {
    var sum = 0.0
    var count = 0.0
    var bucketIncrease: [Double: Double] = [:]
    var isHistogram = false

    /// Adds the increase between two scrapes of the distribution (skipped unless both have it, of one kind).
    mutating func add(_ before: LatencyDistribution?, _ after: LatencyDistribution?) {
        switch (before, after) {
        case let (.histogram(oldBuckets, oldSum, oldCount)?, .histogram(newBuckets, newSum, newCount)?):
            sum += ServiceDerivation.increase(oldSum, newSum)
            count += ServiceDerivation.increase(oldCount, newCount)
            ServiceDerivation.addIncreases(from: oldBuckets, to: newBuckets, into: &bucketIncrease)
            isHistogram = true
        case let (.summary(_, oldSum, oldCount)?, .summary(_, newSum, newCount)?):
            sum += ServiceDerivation.increase(oldSum, newSum)
            count += ServiceDerivation.increase(oldCount, newCount)
        default:
            return
        }
    }

    /// Adds another window's increases (another route of the same service).
    mutating func merge(_ other: DistributionWindow) {
        sum += other.sum
        count += other.count
        isHistogram = isHistogram || other.isHistogram
        bucketIncrease.merge(other.bucketIncrease, uniquingKeysWith: +)
    }

    /// Quantiles from the bucket increases (`histogram_quantile`), or a summary's exposed quantiles from `latest`.
    func metrics(name: String, latest: LatencyDistribution?) -> LatencyMetrics {
        let mean = count > 0 ? sum / count : nil
        switch latest {
        case .summary(let quantiles, _, let total)?:
            // A summary that never observed anything still exposes its quantiles (Go's go_gc_duration_seconds
            // says 0 before the first collection): they describe nothing.
            func exposed(_ q: Double) -> Double? {
                guard total > 0 else { return nil }
                return quantiles.first { abs($0.key - q) < 1e-9 && !$0.value.isNaN }?.value
            }
            return LatencyMetrics(name: name, source: .summary, observations: count, mean: mean,
                                  p50: exposed(0.5), p95: exposed(0.95), p99: exposed(0.99))
        default:
            let bounds: [Double]
            if case .histogram(let buckets, _, _)? = latest {
                bounds = buckets.map(\.upperBound)
            } else {
                bounds = bucketIncrease.keys.sorted()
            }
            let deltas = bounds.map { HistogramBucket(upperBound: $0, count: bucketIncrease[$0] ?? 0) }
            func quantile(_ q: Double) -> Double? {
                let value = HistogramQuantile.quantile(q, buckets: deltas)
                return value.isNaN ? nil : value
            }
            return LatencyMetrics(name: name, source: .histogram, observations: count, mean: mean,
                                  p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99))
        }
    }
}
