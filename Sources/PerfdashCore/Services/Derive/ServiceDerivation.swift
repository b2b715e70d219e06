/// Turns consecutive scrapes into `ServiceMetrics`: counter increases, hit rates, queue statistics and quantiles.
enum ServiceDerivation {
    /// Metrics over `samples` (oldest first). Deltas are taken between consecutive pairs of `baseline + samples`;
    /// queue statistics use `samples` only. Names come from the latest sample. `scrapes` is how many scrapes the
    /// samples stand for (a thinned window keeps fewer than it took); nil counts the samples.
    static func metrics(samples: [ServiceSample], baseline: ServiceSample?, span: Double,
                        queueRows: [QueueRow]? = nil, scrapes: Int? = nil) -> ServiceMetrics? {
        guard let latest = samples.last else { return nil }
        let sequence = (baseline.map { [$0] } ?? []) + samples
        let pairs = zip(sequence, sequence.dropFirst()).map { ($0, $1) }
        var metrics = ServiceMetrics(
            seriesCount: latest.seriesCount, scrapes: scrapes ?? samples.count, span: span,
            caches: latest.caches.keys.sorted().map { cache($0, pairs: pairs, latest: latest) },
            queues: queues(samples: samples, rows: queueRows),
            latencies: latest.latencies.keys.sorted().compactMap { latency($0, pairs: pairs, latest: latest) },
            red: REDDerivation.metrics(pairs: pairs, samples: samples, span: span))
        metrics.server = ServerReport.derive(samples: samples, span: span)
        metrics.backendDown = latest.backendDown
        return metrics
    }

    /// A sample with every counter at zero and the same names and bucket bounds: the baseline for totals.
    static func zeroed(_ sample: ServiceSample) -> ServiceSample {
        var zero = sample
        zero.caches = sample.caches.mapValues {
            CacheCounters(hits: 0, misses: 0, evictions: $0.evictions.map { _ in 0 },
                          expirations: $0.expirations.map { _ in 0 })
        }
        zero.latencies = sample.latencies.mapValues(zeroed)
        zero.routes = sample.routes.mapValues {
            RouteCounters(requests: $0.requests.map { _ in 0 }, errors: $0.errors.map { _ in 0 },
                          latency: $0.latency.map(zeroed))
        }
        zero.pools = sample.pools.mapValues { pool in
            var gauges = pool
            gauges.acquire = pool.acquire.map(zeroed)
            return gauges
        }
        zero.limiters = sample.limiters.mapValues { _ in 0 }
        return zero
    }

    private static func zeroed(_ distribution: LatencyDistribution) -> LatencyDistribution {
        switch distribution {
        case .histogram(let buckets, _, _):
            .histogram(buckets: buckets.map { HistogramBucket(upperBound: $0.upperBound, count: 0) }, sum: 0, count: 0)
        case .summary(let quantiles, _, _):
            .summary(quantiles: quantiles, sum: 0, count: 0)
        }
    }

    /// Prometheus' `increase` without extrapolation: a value below the previous one means the counter restarted
    /// from zero, so the whole new value counts.
    static func increase(_ previous: Double, _ current: Double) -> Double {
        current >= previous ? current - previous : current
    }

    private static func cache(_ name: String, pairs: [(ServiceSample, ServiceSample)], latest: ServiceSample)
        -> CacheMetrics {
        var hits = 0.0, misses = 0.0
        var evictions: Double?, expirations: Double?
        for (previous, current) in pairs {
            guard let before = previous.caches[name], let after = current.caches[name] else { continue }
            hits += increase(before.hits, after.hits)
            misses += increase(before.misses, after.misses)
            if let old = before.evictions, let new = after.evictions { evictions = (evictions ?? 0) + increase(old, new) }
            if let old = before.expirations, let new = after.expirations {
                expirations = (expirations ?? 0) + increase(old, new)
            }
        }
        let traffic = hits + misses
        return CacheMetrics(name: name, hits: hits, misses: misses, hitRate: traffic > 0 ? hits / traffic : nil,
                            evictions: evictions, expirations: expirations)
    }

    /// Every queue of the latest sample, by name. With `rows` (the samples' queues as sorted columns), a scrape
    /// that lists the same queues as the latest is read by index; the others are looked up by name.
    private static func queues(samples: [ServiceSample], rows: [QueueRow]?) -> [QueueMetrics] {
        guard let latest = samples.last else { return [] }
        guard let rows, rows.count == samples.count, let last = rows.last else {
            return latest.queues.keys.sorted().compactMap { name in queue(name, depths: samples.compactMap { $0.queues[name] }) }
        }
        let aligned = rows.map { $0.sameNames(as: last) }
        var depths: [Double] = []
        depths.reserveCapacity(samples.count)
        return last.names.indices.compactMap { index in
            let name = last.names[index]
            depths.removeAll(keepingCapacity: true)
            for (row, sample) in zip(rows.indices, samples) {
                if aligned[row] {
                    depths.append(rows[row].depths[index])
                } else if let depth = sample.queues[name] {
                    depths.append(depth)
                }
            }
            return queue(name, depths: depths)
        }
    }

    private static func queue(_ name: String, depths: [Double]) -> QueueMetrics? {
        guard let current = depths.last, let p95 = ExactQuantile.quantile(0.95, of: depths) else { return nil }
        return QueueMetrics(name: name, current: current, average: depths.reduce(0, +) / Double(depths.count),
                            p95: p95, maximum: depths.max() ?? current)
    }

    private static func latency(_ name: String, pairs: [(ServiceSample, ServiceSample)], latest: ServiceSample)
        -> LatencyMetrics? {
        distribution(name, pairs: pairs, latest: latest) { $0.latencies[name] }
    }

    /// Latency metrics of the distribution `read` picks out of each sample, over consecutive pairs.
    static func distribution(_ name: String, pairs: [(ServiceSample, ServiceSample)], latest: ServiceSample,
                             read: (ServiceSample) -> LatencyDistribution?) -> LatencyMetrics? {
        var window = DistributionWindow()
        for (previous, current) in pairs { window.add(read(previous), read(current)) }
        guard let last = read(latest) else { return nil }
        return window.metrics(name: name, latest: last)
    }

    /// Adds each bucket's increase between two scrapes. Layouts are almost always identical, so bounds are
    /// matched by position first; a bucket missing from the earlier scrape is a new series with no increase yet.
    static func addIncreases(from old: [HistogramBucket], to new: [HistogramBucket],
                                     into increases: inout [Double: Double]) {
        if old.count == new.count, zip(old, new).allSatisfy({ $0.upperBound == $1.upperBound }) {
            for (before, after) in zip(old, new) {
                increases[after.upperBound, default: 0] += increase(before.count, after.count)
            }
            return
        }
        let earlier = Dictionary(old.map { ($0.upperBound, $0.count) }, uniquingKeysWith: +)
        for bucket in new {
            guard let previous = earlier[bucket.upperBound] else { continue }
            increases[bucket.upperBound, default: 0] += increase(previous, bucket.count)
        }
    }
}
