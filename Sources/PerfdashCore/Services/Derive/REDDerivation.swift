/// Derives RED per route and per service, pools and limiters from consecutive scrapes.
///
/// Rates are counter increases (resets handled as in PromQL) divided by the span between the window's first and
/// last scrape: what `rate()` gives over a range whose ends are those two scrapes. A window without a span (one
/// scrape's totals) has no rate.
enum REDDerivation {
    static func metrics(pairs: [(ServiceSample, ServiceSample)], samples: [ServiceSample], span: Double) -> REDMetrics {
        guard let latest = samples.last else { return REDMetrics() }
        func perSecond(_ value: Double) -> Double? { span > 0 ? value / span : nil }

        var routes: [RouteMetrics] = []
        var totalRequests = 0.0, totalErrors: Double?
        var totalLatency = DistributionWindow()
        var anyLatency = false, anyRequests = false
        var latestKinds: [LatencyDistribution] = []
        for name in latest.routes.keys.sorted() {
            var requests = 0.0, errors: Double?
            var window = DistributionWindow()
            for (previous, current) in pairs {
                let before = previous.routes[name], after = current.routes[name]
                if let old = before?.requests, let new = after?.requests {
                    requests += ServiceDerivation.increase(old, new)
                }
                if let old = before?.errors, let new = after?.errors {
                    errors = (errors ?? 0) + ServiceDerivation.increase(old, new)
                }
                window.add(before?.latency, after?.latency)
            }
            let counters = latest.routes[name]
            // Without a requests counter, a histogram's _count is the request count.
            if counters?.requests == nil, counters?.latency != nil { requests = window.count }
            let latency = counters?.latency.map { window.metrics(name: name, latest: $0) }
            if let distribution = counters?.latency {
                anyLatency = true
                latestKinds.append(distribution)
                totalLatency.merge(window)
            }
            if counters?.requests != nil || counters?.latency != nil { anyRequests = true }
            totalRequests += requests
            if let errors { totalErrors = (totalErrors ?? 0) + errors }
            routes.append(route(name, requests: requests, errors: errors, latency: latency, perSecond: perSecond))
        }
        var service: RouteMetrics?
        if anyRequests {
            // Summaries cannot be added up across routes: the service total keeps a summary's quantiles only
            // when there is one route.
            let kind: LatencyDistribution? = latestKinds.count == 1 ? latestKinds[0] : nil
            let latency = anyLatency ? totalLatency.metrics(name: "service", latest: kind) : nil
            service = route("service", requests: totalRequests, errors: totalErrors, latency: latency,
                            perSecond: perSecond)
        }
        return REDMetrics(service: service, routes: routes, pools: pools(pairs: pairs, samples: samples),
                          limiters: limiters(pairs: pairs, latest: latest, perSecond: perSecond),
                          presets: latest.presets, figureSources: latest.figureSources)
    }

    private static func route(_ name: String, requests: Double, errors: Double?, latency: LatencyMetrics?,
                              perSecond: (Double) -> Double?) -> RouteMetrics {
        RouteMetrics(name: name, requests: requests, errors: errors, requestsPerSecond: perSecond(requests),
                     errorPercent: errors.flatMap { requests > 0 ? min(100, 100 * $0 / requests) : nil },
                     latency: latency)
    }

    private static func pools(pairs: [(ServiceSample, ServiceSample)], samples: [ServiceSample]) -> [PoolMetrics] {
        guard let latest = samples.last else { return [] }
        return latest.pools.keys.sorted().map { name in
            let now = latest.pools[name] ?? PoolGauges()
            let utilizations = samples.compactMap { $0.pools[name].flatMap(utilization) }
            let pendings = samples.compactMap { $0.pools[name]?.pending }
            let acquire = now.acquire.flatMap { _ in
                ServiceDerivation.distribution(name, pairs: pairs, latest: latest) { $0.pools[name]?.acquire }
            }
            return PoolMetrics(
                name: name, inUse: now.inUse, idle: now.idle, max: now.max, pending: now.pending,
                utilizationPercent: utilization(now),
                averageUtilizationPercent: utilizations.isEmpty ? nil
                    : utilizations.reduce(0, +) / Double(utilizations.count),
                maxPending: pendings.max(), acquire: acquire)
        }
    }

    /// 100 · in-use / max (idle alone says nothing: a pool may not have grown to its max).
    private static func utilization(_ pool: PoolGauges) -> Double? {
        guard let max = pool.max, max > 0, max.isFinite else { return nil }
        guard let inUse = pool.inUse, inUse.isFinite else { return nil }
        let percent = Swift.max(0, 100 * inUse / max)
        return percent.isFinite ? percent : nil
    }

    private static func limiters(pairs: [(ServiceSample, ServiceSample)], latest: ServiceSample,
                                 perSecond: (Double) -> Double?) -> [LimiterMetrics] {
        latest.limiters.keys.sorted().map { name in
            var rejections = 0.0
            for (previous, current) in pairs {
                if let old = previous.limiters[name], let new = current.limiters[name] {
                    rejections += ServiceDerivation.increase(old, new)
                }
            }
            return LimiterMetrics(name: name, rejections: rejections, rejectionsPerSecond: perSecond(rejections))
        }
    }
}
