/// Sums one latency family's histogram buckets (by `le`) or collects its summary quantiles during a parse.
struct LatencyAccumulator {
    let name: String
    private var bounds: [Double] = []
    private var counts: [Double] = []
    private var last = -1
    var sum = 0.0
    var count = 0.0
    var hasTotals = false
    var quantiles: [Double: Double] = [:]

    init(name: String) {
        self.name = name
    }

    /// Adds a bucket sample; series of a family repeat the same bounds in order, so the next bound is tried first.
    @inline(__always)
    mutating func add(bucket bound: Double, count value: Double) {
        let guess = last + 1 < bounds.count ? last + 1 : 0
        if guess < bounds.count, bounds[guess] == bound {
            counts[guess] += value
            last = guess
            return
        }
        if let index = bounds.firstIndex(of: bound) {
            counts[index] += value
            last = index
            return
        }
        bounds.append(bound)
        counts.append(value)
        last = bounds.count - 1
    }

    /// The buckets seen so far, in the order first seen.
    var buckets: [HistogramBucket] {
        zip(bounds, counts).map { HistogramBucket(upperBound: $0, count: $1) }
    }

    /// The distribution: a histogram when buckets were seen, else a summary when quantiles, sum or count were.
    var distribution: LatencyDistribution? {
        if !bounds.isEmpty {
            let buckets = zip(bounds, counts).map { HistogramBucket(upperBound: $0, count: $1) }
                .sorted { $0.upperBound < $1.upperBound }
            return .histogram(buckets: buckets, sum: sum, count: count)
        }
        guard !quantiles.isEmpty || hasTotals else { return nil }
        return .summary(quantiles: quantiles, sum: sum, count: count)
    }
}

extension LatencyAccumulator {
    /// Both accumulators' observations together (two selectors feeding one figure).
    func merged(with other: LatencyAccumulator) -> LatencyAccumulator {
        var result = self
        for bucket in other.buckets { result.add(bucket: bucket.upperBound, count: bucket.count) }
        result.sum += other.sum
        result.count += other.count
        result.hasTotals = result.hasTotals || other.hasTotals
        for (q, value) in other.quantiles { result.quantiles[q] = max(result.quantiles[q] ?? -.infinity, value) }
        return result
    }
}
