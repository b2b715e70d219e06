/// One successful scrape of one service: the raw counter totals and gauges perfdash derives its numbers from.
///
/// Sources (HTTP exposition, Redis) produce it; the service window turns consecutive samples into hit rates,
/// queue statistics and latency quantiles. Counters are totals as exposed, not deltas.
public struct ServiceSample: Sendable, Equatable {
    /// Number of series (sample lines) the scrape returned.
    public var seriesCount: Int
    /// Cache counters per cache level or name (`l1`, `l2`, `redis`…).
    public var caches: [String: CacheCounters]
    /// Queue depth per queue name, as read at scrape time.
    public var queues: [String: Double]
    /// Latency distributions per metric family name (e.g. `http_request_duration_seconds`).
    public var latencies: [String: LatencyDistribution]
    /// RED counters per route (the `route_by` label's value), read through the requests / errors / latency
    /// selectors; empty when none matched.
    public var routes: [String: RouteCounters] = [:]
    /// Connection (or worker) pools by name.
    public var pools: [String: PoolGauges] = [:]
    /// Rejection counter totals per limiter.
    public var limiters: [String: Double] = [:]
    /// Presets whose signature series the scrape exposed, most specific first.
    public var presets: [String] = []
    /// Where each figure came from: figure name (`requests`) → `preset: selector` or `config: selector`.
    public var figureSources: [String: String] = [:]

    /// A database or cache server's own figures (PostgreSQL, memcached, Redis); nil for HTTP expositions.
    public var server: ServerSample?
    /// Label-less `*_up` gauges at 0 (`redis_up 0`): the exporter answered, but says it cannot reach what it
    /// watches. Names in the order seen, at most `ServiceSample.backendDownLimit`.
    public var backendDown: [String] = []

    /// Creates a sample.
    public init(seriesCount: Int = 0, caches: [String: CacheCounters] = [:], queues: [String: Double] = [:],
                latencies: [String: LatencyDistribution] = [:], routes: [String: RouteCounters] = [:],
                pools: [String: PoolGauges] = [:], limiters: [String: Double] = [:], server: ServerSample? = nil) {
        self.seriesCount = seriesCount
        self.caches = caches
        self.queues = queues
        self.latencies = latencies
        self.routes = routes
        self.pools = pools
        self.limiters = limiters
        self.server = server
    }

    /// The most `*_up 0` names a sample keeps (an exposition could hold any number).
    public static let backendDownLimit = 8

    /// The error a scrape that succeeded still means when the exporter reports its backend down.
    public static func backendDownError(_ names: [String]) -> SourceError? {
        guard !names.isEmpty else { return nil }
        return SourceError(.backendDown, "the exporter is up but reports \(names.map { "\($0) 0" }.joined(separator: ", ")): "
            + "what it watches is down")
    }
}

/// Counter totals of one cache.
public struct CacheCounters: Sendable, Equatable {
    /// Total hits since the service started.
    public var hits: Double
    /// Total misses since the service started.
    public var misses: Double
    /// Total evictions, when the service exposes them.
    public var evictions: Double?
    /// Total expirations, when the service exposes them (Redis `expired_keys`).
    public var expirations: Double?

    /// Creates cache counters.
    public init(hits: Double, misses: Double, evictions: Double? = nil, expirations: Double? = nil) {
        self.hits = hits
        self.misses = misses
        self.evictions = evictions
        self.expirations = expirations
    }
}

/// A latency distribution: cumulative histogram buckets, or a summary's precomputed quantiles.
public enum LatencyDistribution: Sendable, Equatable {
    /// Cumulative buckets sorted by upper bound, the last one `+Inf`; counts are totals.
    case histogram(buckets: [HistogramBucket], sum: Double, count: Double)
    /// Quantile → value as the service exposed it, with the summary's totals.
    case summary(quantiles: [Double: Double], sum: Double, count: Double)
}

/// One cumulative histogram bucket: the number of observations ≤ `upperBound`.
public struct HistogramBucket: Sendable, Equatable {
    /// The bucket's `le` bound (`.infinity` for `+Inf`).
    public var upperBound: Double
    /// Cumulative count of observations ≤ upperBound.
    public var count: Double

    /// Creates a bucket.
    public init(upperBound: Double, count: Double) {
        self.upperBound = upperBound
        self.count = count
    }
}
