/// The advisor's service rules: caches that miss, queues that grow, pools that are full.
enum ServiceFindings {
    /// Hit rate under target with evictions: the cache throws away entries it is asked for again.
    static func cacheTooSmall(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        caches(s, t).compactMap { cache in
            guard let evictions = cache.evictions, evictions > 0 else { return nil }
            return Finding(
                rule: "cache_too_small", severity: cache.hitRate < t.hitRateTargetPercent / 2 ? .critical : .warning,
                subject: "\(cache.service) cache \(cache.level)", bottleneck: "cache too small",
                evidence: [cache.hitLine, "\(Evidence.number(evictions)) evictions in the window"],
                suggestion: "give cache \(cache.level) more memory (maxmemory, max entries) or a longer TTL for hot "
                    + "keys; evictions mean entries leave before they are asked for again")
        }
    }

    /// Hit rate under target without evictions: the cache has room, the keys are cold or not reused.
    static func coldKeys(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        caches(s, t).compactMap { cache in
            guard let evictions = cache.evictions, evictions == 0 else { return nil }
            return Finding(
                rule: "cold_keys", severity: .warning, subject: "\(cache.service) cache \(cache.level)",
                bottleneck: "cold or unsuited keys",
                evidence: [cache.hitLine, "no evictions in the window: size is not the limit"],
                suggestion: "check what is cached: keys that are rarely read twice, TTLs shorter than the reuse "
                    + "interval, or keys that include per-request parts (timestamps, ids); warm the cache after "
                    + "deploys")
        }
    }

    /// A queue whose depth grows over the window while its workers are busy: more work arrives than is done.
    static func queueGrowing(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        var findings: [Finding] = []
        for queue in s.matching("service.*.depth") {
            guard let parts = ServiceName.split(queue.instance, kind: "queue"),
                  let trend = s.trend(queue.name), trend.slope > 0, trend.change >= t.queueGrowthItems,
                  let first = s.series[queue.name]?.first, let last = s.last(queue.name), last > first else { continue }
            var evidence = ["queue \(parts.item) depth \(Evidence.number(first)) → \(Evidence.number(last)) over the "
                + "window (trend +\(Evidence.number(trend.change)))"]
            let pools = s.matching("service.\(parts.service).pool.*.utilization_percent")
                .compactMap { pool in s.avg(pool.name).map { (pool.instance, $0) } }
                .filter { $0.1 >= t.workersBusyPercent }
            if let pool = pools.max(by: { $0.1 < $1.1 }) {
                evidence.append("workers busy: pool \(pool.0) \(Evidence.percent(pool.1)) used")
            } else if let busy = s.avg(SeriesName.cpuBusy), busy >= t.workersBusyPercent {
                evidence.append("workers busy: host CPU \(Evidence.percent(busy))")
            } else {
                continue
            }
            var suggestion = "add workers (or replicas) for queue \(parts.item), or make each job cheaper"
            let scalers = s.autoscalers(reading: queue.name)
            if scalers.isEmpty {
                suggestion += "; no autoscaler reads this queue: one with policy target on its depth would say how many"
            }
            for name in scalers {
                guard let desired = s.last(SeriesName.autoscaler(name, .desiredReplicas)),
                      let current = s.last(SeriesName.autoscaler(name, .currentReplicas)) else { continue }
                evidence.append(desired > current
                    ? "autoscaler \(name) agrees: \(Evidence.number(current)) → \(Evidence.number(desired)) replicas"
                    : "autoscaler \(name) does not agree (stays \(Evidence.number(current))): check its target")
            }
            findings.append(Finding(rule: "queue_growing", severity: last >= first * 4 && last - first >= 100
                                        ? .critical : .warning,
                                    subject: "\(parts.service) queue \(parts.item)",
                                    bottleneck: "workers cannot keep up", evidence: evidence, suggestion: suggestion))
        }
        return findings
    }

    /// A pool near full with requests waiting for it: the pool, not the work, limits throughput.
    static func poolSaturated(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        s.matching("service.*.utilization_percent").compactMap { pool in
            guard let parts = ServiceName.split(pool.instance, kind: "pool"),
                  let used = s.avg(pool.name), used >= t.poolSaturationPercent,
                  let pending = s.avg(SeriesName.service(parts.service, "pool.\(parts.item).pending")), pending > 0
            else { return nil }
            return Finding(
                rule: "pool_saturated", severity: used >= 99.5 ? .critical : .warning,
                subject: "\(parts.service) pool \(parts.item)", bottleneck: "pool limits throughput",
                evidence: ["pool \(parts.item) utilization avg \(Evidence.percent(used))",
                           "avg \(Evidence.number(pending)) waiting for a connection"],
                suggestion: "raise the pool size (if the server behind it has room), or hold connections for less "
                    + "time (shorter transactions, no I/O while holding one)")
        }
    }

    private struct Cache {
        var service: String
        var level: String
        var hitRate: Double
        var evictions: Double?
        var hitLine: String
    }

    /// Caches under the hit-rate target over the window that have an evictions series.
    private static func caches(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Cache] {
        s.matching("service.*.hit_rate_percent").compactMap { entry in
            guard let parts = ServiceName.split(entry.instance, kind: "cache"),
                  let hit = s.avg(entry.name), hit < t.hitRateTargetPercent else { return nil }
            let evictions = s.series[SeriesName.service(parts.service, "cache.\(parts.item).evictions")]
            return Cache(service: parts.service, level: parts.item, hitRate: hit, evictions: evictions?.max(),
                         hitLine: "hit rate avg \(Evidence.percent(hit)) (target ≥ "
                            + "\(Evidence.limit(t.hitRateTargetPercent)))")
        }
    }
}

/// Splits what follows `service.` in a series name.
enum ServiceName {
    /// `api.cache.l2` with kind `cache` → (`api`, `l2`); nil when the kind is not there or a side is empty.
    static func split(_ text: String, kind: String) -> (service: String, item: String)? {
        guard let range = text.range(of: ".\(kind).") else { return nil }
        let service = String(text[..<range.lowerBound]), item = String(text[range.upperBound...])
        guard !service.isEmpty, !item.isEmpty else { return nil }
        return (service, item)
    }
}
