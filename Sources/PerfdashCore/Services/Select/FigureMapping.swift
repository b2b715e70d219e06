/// Puts resolved figures into a `ServiceSample`: caches and queues read through selectors replace the ones found
/// by perfdash's default names; routes, pools and limiters come only from here.
enum FigureMapping {
    static func apply(_ resolved: [ServiceFigure: FigureCollector.Resolved], detected: [String],
                      to sample: inout ServiceSample) {
        for (figure, found) in resolved {
            let selectors = found.selectors.map { $0.selector.description }.joined(separator: " + ")
            sample.figureSources[figure.rawValue] = "\(found.source): \(selectors)"
        }
        // A preset that supplied a figure counts as detected even without a signature (perfdash's own names).
        let used = Set(resolved.values.map(\.source))
        sample.presets = detected + ServicePreset.all.map(\.name).filter { used.contains($0) && !detected.contains($0) }

        let hits = resolved[.cacheHits], misses = resolved[.cacheMisses], evictions = resolved[.cacheEvictions]
        if hits != nil || misses != nil {
            var caches: [String: CacheCounters] = [:]
            let names = Set(hits?.values.keys.map { $0 } ?? []).union(misses?.values.keys.map { $0 } ?? [])
            for name in names {
                caches[name] = CacheCounters(hits: hits?.values[name] ?? 0, misses: misses?.values[name] ?? 0,
                                             evictions: evictions?.values[name])
            }
            sample.caches = caches
        }
        if let queues = resolved[.queueDepth] { sample.queues = queues.values }

        let requests = resolved[.requests], errors = resolved[.errors], latency = resolved[.latency]
        var routes: [String: RouteCounters] = [:]
        for (name, value) in requests?.values ?? [:] { routes[name, default: RouteCounters()].requests = value }
        for (name, value) in errors?.values ?? [:] { routes[name, default: RouteCounters()].errors = value }
        for (name, value) in latency?.distributions ?? [:] { routes[name, default: RouteCounters()].latency = value }
        // A route with requests but no 5xx series had no server errors (when errors are read at all).
        if errors != nil {
            for name in routes.keys where routes[name]?.requests != nil && routes[name]?.errors == nil {
                routes[name]?.errors = 0
            }
        }
        sample.routes = routes

        var pools: [String: PoolGauges] = [:]
        for (figure, path) in [(ServiceFigure.poolInUse, \PoolGauges.inUse), (.poolIdle, \.idle), (.poolMax, \.max),
                               (.poolPending, \.pending)] {
            for (name, value) in resolved[figure]?.values ?? [:] {
                pools[name, default: PoolGauges()][keyPath: path] = value
            }
        }
        for (name, value) in resolved[.poolAcquire]?.distributions ?? [:] {
            pools[name, default: PoolGauges()].acquire = value
        }
        sample.pools = pools
        sample.limiters = resolved[.limiterRejections]?.values ?? [:]
    }
}
