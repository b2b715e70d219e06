/// What perfdash shows for one service over a window: hit rates, queue statistics, latency quantiles.
///
/// Optional numbers are nil when they cannot be known (no traffic, no observations): show them as "n/a".
/// Arrays are sorted by name so snapshots are stable.
public struct ServiceMetrics: Sendable, Equatable, Codable {
    /// The hit rate the seeds call good (85 %).
    public static let hitRateTarget = 0.85

    /// Series in the latest scrape.
    public var seriesCount: Int
    /// Scrapes taken over the window's span (a window thinned to one per second holds fewer).
    public var scrapes: Int
    /// Seconds between the first and the last scrape of the window (0 for a single scrape's totals).
    public var span: Double
    /// Per cache level or name.
    public var caches: [CacheMetrics]
    /// Per queue.
    public var queues: [QueueMetrics]
    /// Per latency family.
    public var latencies: [LatencyMetrics]
    /// RED per service and per route, pools, limiters and where each figure came from.
    public var red: REDMetrics
    /// A database or cache server's own figures (PostgreSQL, memcached, Redis); nil for HTTP expositions.
    public var server: ServerReport?
    /// The latest scrape's label-less `*_up` gauges at 0: the exporter is up, what it watches is not.
    public var backendDown: [String] = []

    /// Creates metrics.
    public init(seriesCount: Int, scrapes: Int, span: Double, caches: [CacheMetrics], queues: [QueueMetrics],
                latencies: [LatencyMetrics], red: REDMetrics = REDMetrics()) {
        self.seriesCount = seriesCount
        self.scrapes = scrapes
        self.span = span
        self.caches = caches
        self.queues = queues
        self.latencies = latencies
        self.red = red
    }
}

/// One cache over the window.
public struct CacheMetrics: Sendable, Equatable, Codable {
    /// The `level` / `cache` label value (`default` when the series had none).
    public var name: String
    /// Hits in the window (counter increase, resets handled as in Prometheus' `increase`).
    public var hits: Double
    /// Misses in the window.
    public var misses: Double
    /// hits / (hits + misses); nil when there was no traffic.
    public var hitRate: Double?
    /// Evictions in the window, when the service exposes them.
    public var evictions: Double?
    /// Expirations in the window, when the source reports them (Redis `expired_keys`).
    public var expirations: Double?

    /// Creates cache metrics.
    public init(name: String, hits: Double, misses: Double, hitRate: Double?, evictions: Double?,
                expirations: Double?) {
        self.name = name
        self.hits = hits
        self.misses = misses
        self.hitRate = hitRate
        self.evictions = evictions
        self.expirations = expirations
    }
}

/// One queue's depth over the window.
public struct QueueMetrics: Sendable, Equatable, Codable {
    /// The `queue` label value (`default` when the series had none).
    public var name: String
    /// Depth at the latest scrape.
    public var current: Double
    /// Mean depth over the window's scrapes.
    public var average: Double
    /// 95th percentile of the depths (exact, rank q·(n−1)).
    public var p95: Double
    /// Highest depth seen in the window.
    public var maximum: Double

    /// Creates queue metrics.
    public init(name: String, current: Double, average: Double, p95: Double, maximum: Double) {
        self.name = name
        self.current = current
        self.average = average
        self.p95 = p95
        self.maximum = maximum
    }
}

/// One latency family over the window.
public struct LatencyMetrics: Sendable, Equatable, Codable {
    /// Where the quantiles come from.
    public enum Source: String, Sendable, Codable {
        /// `histogram_quantile` over bucket increases.
        case histogram
        /// The quantiles a summary exposes (its own sliding window, not ours).
        case summary
    }

    /// The family name, e.g. `http_request_duration_seconds`.
    public var name: String
    /// Histogram or summary.
    public var source: Source
    /// Observations in the window (increase of `_count`).
    public var observations: Double
    /// Mean latency in the window: increase of `_sum` / increase of `_count`; nil without observations.
    public var mean: Double?
    /// Median; nil when unknown.
    public var p50: Double?
    /// 95th percentile; nil when unknown.
    public var p95: Double?
    /// 99th percentile; nil when unknown.
    public var p99: Double?

    /// Creates latency metrics.
    public init(name: String, source: Source, observations: Double, mean: Double?, p50: Double?, p95: Double?,
                p99: Double?) {
        self.name = name
        self.source = source
        self.observations = observations
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}
