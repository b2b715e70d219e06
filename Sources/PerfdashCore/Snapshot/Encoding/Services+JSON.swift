// The `services` section, written by hand: keys in UTF-8 byte order (JSONEncoder's `.sortedKeys` of the
// snake-case names), optionals left out when nil. SectionsJSONTests compare these bytes with JSONEncoder's.

extension ServiceReport: JSONWritable {
    /// One service: state, scrape figures and, while up, its metrics over the window.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("address"); w.value(address)
            w.member("down_for_seconds", ifPresent: downForSeconds)
            w.member("error_kind", ifPresent: errorKind)
            w.key("kind"); w.value(kind)
            w.member("last_error", ifPresent: lastError)
            w.member("metrics", ifPresent: metrics)
            w.key("name"); w.value(name)
            w.key("scrape_duration_seconds"); w.value(scrapeDurationSeconds)
            w.key("series_count"); w.value(seriesCount)
            w.key("state"); w.value(state)
        }
    }
}

extension ServiceWindowReport: JSONWritable {
    /// Caches, queues, latencies, RED and the server's own figures over the window.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("caches"); w.value(caches)
            w.key("latencies"); w.value(latencies)
            w.member("limiters", ifPresent: limiters)
            w.member("pools", ifPresent: pools)
            w.member("presets", ifPresent: presets)
            w.key("queues"); w.value(queues)
            w.member("red", ifPresent: red)
            w.member("routes", ifPresent: routes)
            w.key("scrapes"); w.value(scrapes)
            w.member("server", ifPresent: server)
            w.key("span_seconds"); w.value(spanSeconds)
            w.key("window"); w.value(window)
        }
    }
}

extension CacheReport: JSONWritable {
    /// One cache level; the hit rate is `"n/a"` without traffic (see `encode(to:)`).
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("evictions", ifPresent: evictions)
            w.member("expirations", ifPresent: expirations)
            w.key("hit_rate_percent")
            if let hitRatePercent { w.value(hitRatePercent) } else { w.value(Self.notAvailable) }
            w.key("hits"); w.value(hits)
            w.key("level"); w.value(level)
            w.key("misses"); w.value(misses)
        }
    }
}

extension QueueReport: JSONWritable {
    /// One queue's depth now, on average, at p95 and at most.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("avg"); w.value(avg)
            w.key("max"); w.value(max)
            w.key("now"); w.value(now)
            w.key("p95"); w.value(p95)
            w.key("queue"); w.value(queue)
        }
    }
}

extension LatencyReport: JSONWritable {
    /// One latency family's observations and quantiles.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("family"); w.value(family)
            w.member("mean_seconds", ifPresent: meanSeconds)
            w.key("observations"); w.value(observations)
            w.member("p50_seconds", ifPresent: p50Seconds)
            w.member("p95_seconds", ifPresent: p95Seconds)
            w.member("p99_seconds", ifPresent: p99Seconds)
            w.key("source"); w.value(source)
        }
    }
}

extension RouteReport: JSONWritable {
    /// RED of one route (or of the whole service).
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("error_percent", ifPresent: errorPercent)
            w.member("errors", ifPresent: errors)
            w.member("mean_seconds", ifPresent: meanSeconds)
            w.member("p50_seconds", ifPresent: p50Seconds)
            w.member("p95_seconds", ifPresent: p95Seconds)
            w.member("p99_seconds", ifPresent: p99Seconds)
            w.key("requests"); w.value(requests)
            w.member("requests_per_second", ifPresent: requestsPerSecond)
            w.key("route"); w.value(route)
        }
    }
}

extension PoolReport: JSONWritable {
    /// One connection pool.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("acquire_p50_seconds", ifPresent: acquireP50Seconds)
            w.member("acquire_p95_seconds", ifPresent: acquireP95Seconds)
            w.member("acquire_p99_seconds", ifPresent: acquireP99Seconds)
            w.member("avg_utilization_percent", ifPresent: avgUtilizationPercent)
            w.member("idle", ifPresent: idle)
            w.member("in_use", ifPresent: inUse)
            w.member("max", ifPresent: max)
            w.member("max_pending", ifPresent: maxPending)
            w.member("pending", ifPresent: pending)
            w.key("pool"); w.value(pool)
            w.member("utilization_percent", ifPresent: utilizationPercent)
        }
    }
}

extension LimiterReport: JSONWritable {
    /// One rate limiter's rejections.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("limiter"); w.value(limiter)
            w.key("rejections"); w.value(rejections)
            w.member("rejections_per_second", ifPresent: rejectionsPerSecond)
        }
    }
}
