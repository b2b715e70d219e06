/// One service as a snapshot shows it: where it is, whether it answers, and its metrics over the stats window.
///
/// The `services` section of a snapshot is an array of these, in configuration order. Field names carry units;
/// `metrics` is absent while the service is down or not scraped yet (old numbers would read as current ones).
public struct ServiceReport: Sendable, Equatable, Codable {
    /// The configured name.
    public var name: String
    /// `prometheus` or `redis`.
    public var kind: String
    /// The URL (`http://host:port/path`) or the Redis address (`host:port`, `/db` when one is selected).
    public var address: String
    /// Up, down or pending (not scraped yet).
    public var state: ServiceStatus.State
    /// The last scrape's error line, while down.
    public var lastError: String?
    /// The class of that error (`timeout`, `refused`…), while down.
    public var errorKind: SourceError.Kind?
    /// Seconds since the outage began, while down.
    public var downForSeconds: Double?
    /// Duration of the last scrape (up to the timeout when it timed out); 0 while pending.
    public var scrapeDurationSeconds: Double
    /// Series in the last successful scrape.
    public var seriesCount: Int
    /// Caches, queues and latencies over the window; nil unless up.
    public var metrics: ServiceWindowReport?

    /// Creates a report.
    public init(name: String, kind: String, address: String, state: ServiceStatus.State, lastError: String?,
                errorKind: SourceError.Kind?, downForSeconds: Double?, scrapeDurationSeconds: Double, seriesCount: Int,
                metrics: ServiceWindowReport?) {
        self.name = name
        self.kind = kind
        self.address = address
        self.state = state
        self.lastError = lastError
        self.errorKind = errorKind
        self.downForSeconds = downForSeconds
        self.scrapeDurationSeconds = scrapeDurationSeconds
        self.seriesCount = seriesCount
        self.metrics = metrics
    }

    /// The report as History series (see `SeriesName.service`), each labelled `service="<name>"` plus `level`,
    /// `queue` or `family`, so the Prometheus encoder groups every service's values into one family:
    /// `up` (1/0), `scrape_duration_seconds` and, while up, `series_count`, `cache.<level>.hit_rate_percent`
    /// (left out without traffic: no value is not 0 %), `cache.<level>.evictions` (in the window),
    /// `queue.<queue>.depth` (now) and `latency.<family>.p50_seconds`/`p95_seconds`/`p99_seconds` (when known).
    /// Nothing while pending.
    public func flatSeries() -> [FlatSeries] {
        guard state != .pending else { return [] }
        var out: [FlatSeries] = []
        let service = SeriesLabel("service", name)
        func append(_ metric: String, family: String, _ labels: [SeriesLabel], _ value: Double?, _ unit: SeriesUnit) {
            guard let value else { return }
            out.append(FlatSeries(name: SeriesName.service(name, metric), family: "service.\(family)",
                                  labels: [service] + labels, value: value, unit: unit))
        }
        append("up", family: "up", [], state == .up ? 1 : 0, .count)
        append("scrape_duration_seconds", family: "scrape_duration_seconds", [], scrapeDurationSeconds, .seconds)
        guard state == .up else { return out }
        append("series_count", family: "series_count", [], Double(seriesCount), .count)
        guard let metrics else { return out }
        for cache in metrics.caches {
            let level = [SeriesLabel("level", cache.level)]
            append("cache.\(cache.level).hit_rate_percent", family: "cache.hit_rate_percent", level,
                   cache.hitRatePercent, .percent)
            append("cache.\(cache.level).evictions", family: "cache.evictions", level, cache.evictions, .count)
        }
        for queue in metrics.queues {
            append("queue.\(queue.queue).depth", family: "queue.depth", [SeriesLabel("queue", queue.queue)],
                   queue.now, .count)
        }
        for latency in metrics.latencies {
            let family = [SeriesLabel("family", latency.family)]
            for (suffix, value) in [("p50_seconds", latency.p50Seconds), ("p95_seconds", latency.p95Seconds),
                                    ("p99_seconds", latency.p99Seconds)] {
                append("latency.\(latency.family).\(suffix)", family: "latency.\(suffix)", family, value, .seconds)
            }
        }
        out += metrics.redFlatSeries(service: name)
        out += metrics.server?.flatSeries(service: name, span: metrics.spanSeconds) ?? []
        return out
    }
}

/// A service's metrics over the stats window, with units in the field names.
public struct ServiceWindowReport: Sendable, Equatable, Codable {
    /// The window the numbers cover.
    public var window: StatsWindow
    /// Scrapes in the window (rates and quantiles need two).
    public var scrapes: Int
    /// Seconds between the window's first and last scrape.
    public var spanSeconds: Double
    /// Per cache level, by name.
    public var caches: [CacheReport]
    /// Per queue, by name.
    public var queues: [QueueReport]
    /// Per latency family, by name.
    public var latencies: [LatencyReport]
    /// RED of the whole service (all routes); nil without request or latency selectors that matched.
    public var red: RouteReport?
    /// RED per route, by name; nil when none.
    public var routes: [RouteReport]?
    /// Connection pools, by name; nil when none.
    public var pools: [PoolReport]?
    /// Rate limiters, by name; nil when none.
    public var limiters: [LimiterReport]?
    /// Presets the service was recognised as (`micrometer`, `redis_exporter`…); nil when none.
    public var presets: [String]?
    /// A database or cache server's own figures (PostgreSQL, memcached, Redis); absent for HTTP expositions.
    public var server: ServerReport?

    /// The report of `metrics`, computed over `window`.
    public init(_ metrics: ServiceMetrics, window: StatsWindow) {
        self.window = window
        scrapes = metrics.scrapes
        spanSeconds = metrics.span
        caches = metrics.caches.map(CacheReport.init)
        queues = metrics.queues.map(QueueReport.init)
        latencies = metrics.latencies.map(LatencyReport.init)
        red = metrics.red.service.map(RouteReport.init)
        routes = metrics.red.routes.isEmpty ? nil : metrics.red.routes.map(RouteReport.init)
        pools = metrics.red.pools.isEmpty ? nil : metrics.red.pools.map(PoolReport.init)
        limiters = metrics.red.limiters.isEmpty ? nil : metrics.red.limiters.map(LimiterReport.init)
        presets = metrics.red.presets.isEmpty ? nil : metrics.red.presets
        server = metrics.server
    }
}

/// One cache level over the window.
public struct CacheReport: Sendable, Equatable, Codable {
    /// The `level` / `cache` label value.
    public var level: String
    /// Hits in the window.
    public var hits: Double
    /// Misses in the window.
    public var misses: Double
    /// 100 · hits / (hits + misses); nil without traffic, written as the string `"n/a"` in JSON.
    public var hitRatePercent: Double?
    /// Evictions in the window, when exposed.
    public var evictions: Double?
    /// Expirations in the window, when exposed (Redis).
    public var expirations: Double?

    /// The report of one cache's metrics.
    public init(_ cache: CacheMetrics) {
        level = cache.name
        hits = cache.hits
        misses = cache.misses
        hitRatePercent = cache.hitRate.map { $0 * 100 }
        evictions = cache.evictions
        expirations = cache.expirations
    }

    /// The hit rate as shown: `"92.5%"` (``PercentText``), or `"n/a"` without traffic.
    public var hitRateText: String { PercentText.measured(hitRatePercent) }

    /// What a number that cannot be known reads as.
    public static let notAvailable = "n/a"

    private enum CodingKeys: String, CodingKey {
        case level, hits, misses, hitRatePercent, evictions, expirations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        level = try container.decode(String.self, forKey: .level)
        hits = try container.decode(Double.self, forKey: .hits)
        misses = try container.decode(Double.self, forKey: .misses)
        hitRatePercent = try? container.decode(Double.self, forKey: .hitRatePercent)
        evictions = try container.decodeIfPresent(Double.self, forKey: .evictions)
        expirations = try container.decodeIfPresent(Double.self, forKey: .expirations)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(hits, forKey: .hits)
        try container.encode(misses, forKey: .misses)
        // "n/a" rather than null or 0: no traffic is not a hit rate of zero.
        if let hitRatePercent {
            try container.encode(hitRatePercent, forKey: .hitRatePercent)
        } else {
            try container.encode(Self.notAvailable, forKey: .hitRatePercent)
        }
        try container.encodeIfPresent(evictions, forKey: .evictions)
        try container.encodeIfPresent(expirations, forKey: .expirations)
    }
}

/// One queue's depth over the window.
public struct QueueReport: Sendable, Equatable, Codable {
    /// The `queue` label value, or the Redis list's name.
    public var queue: String
    /// Depth at the latest scrape.
    public var now: Double
    /// Mean depth over the window's scrapes.
    public var avg: Double
    /// 95th percentile of the depths (exact, rank q·(n−1)).
    public var p95: Double
    /// Highest depth in the window.
    public var max: Double

    /// The report of one queue's metrics.
    public init(_ queue: QueueMetrics) {
        self.queue = queue.name
        now = queue.current
        avg = queue.average
        p95 = queue.p95
        max = queue.maximum
    }
}

/// One latency family over the window, in seconds.
public struct LatencyReport: Sendable, Equatable, Codable {
    /// The family name, e.g. `http_request_duration_seconds`.
    public var family: String
    /// Histogram (`histogram_quantile` over the window) or summary (the service's own quantiles).
    public var source: LatencyMetrics.Source
    /// Observations in the window.
    public var observations: Double
    /// Mean latency in the window; nil without observations.
    public var meanSeconds: Double?
    /// Median; nil when unknown.
    public var p50Seconds: Double?
    /// 95th percentile; nil when unknown.
    public var p95Seconds: Double?
    /// 99th percentile; nil when unknown.
    public var p99Seconds: Double?

    /// The report of one family's metrics.
    public init(_ latency: LatencyMetrics) {
        family = latency.name
        source = latency.source
        observations = latency.observations
        // JSON has no NaN: a quantile that cannot be computed is unknown.
        func known(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        meanSeconds = known(latency.mean)
        p50Seconds = known(latency.p50)
        p95Seconds = known(latency.p95)
        p99Seconds = known(latency.p99)
    }
}
