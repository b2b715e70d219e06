/// RED (rate, errors, duration) per service and per route, pools and limiters over a window.
public struct REDMetrics: Sendable, Equatable, Codable {
    /// The whole service: every route's requests, errors and latency buckets added up; nil without RED series.
    public var service: RouteMetrics?
    /// Per route (the `route_by` label's value), sorted by name.
    public var routes: [RouteMetrics]
    /// Per pool, sorted by name.
    public var pools: [PoolMetrics]
    /// Per limiter, sorted by name.
    public var limiters: [LimiterMetrics]
    /// Presets the service was recognised as, most specific first.
    public var presets: [String]
    /// Figure → where it was read from (`micrometer: cache_gets_total{result="hit"}`).
    public var figureSources: [String: String]

    /// Creates RED metrics (empty by default).
    public init(service: RouteMetrics? = nil, routes: [RouteMetrics] = [], pools: [PoolMetrics] = [],
                limiters: [LimiterMetrics] = [], presets: [String] = [], figureSources: [String: String] = [:]) {
        self.service = service
        self.routes = routes
        self.pools = pools
        self.limiters = limiters
        self.presets = presets
        self.figureSources = figureSources
    }
}

/// Requests, errors and latency of one route (or the whole service) over the window.
public struct RouteMetrics: Sendable, Equatable, Codable {
    /// The route (`/api/users`), or the service's name for the total.
    public var name: String
    /// Requests in the window (counter increase, resets handled).
    public var requests: Double
    /// Failed requests in the window; nil when no error series is read.
    public var errors: Double?
    /// requests / span: PromQL `rate()` over the same scrapes; nil for a single scrape's totals.
    public var requestsPerSecond: Double?
    /// 100 · errors / requests; nil without requests or without error series.
    public var errorPercent: Double?
    /// Latency quantiles from the route's bucket increases; nil without a latency family.
    public var latency: LatencyMetrics?

    /// Creates route metrics.
    public init(name: String, requests: Double, errors: Double?, requestsPerSecond: Double?, errorPercent: Double?,
                latency: LatencyMetrics?) {
        self.name = name
        self.requests = requests
        self.errors = errors
        self.requestsPerSecond = requestsPerSecond
        self.errorPercent = errorPercent
        self.latency = latency
    }
}

/// One pool over the window: gauges now, utilization now and on average, and time to acquire.
public struct PoolMetrics: Sendable, Equatable, Codable {
    /// The pool's name.
    public var name: String
    /// In use at the latest scrape.
    public var inUse: Double?
    /// Idle at the latest scrape.
    public var idle: Double?
    /// The pool's limit at the latest scrape.
    public var max: Double?
    /// Waiters at the latest scrape.
    public var pending: Double?
    /// 100 · in-use / max at the latest scrape; nil without both or with max ≤ 0.
    public var utilizationPercent: Double?
    /// Mean of each scrape's utilization over the window.
    public var averageUtilizationPercent: Double?
    /// Most waiters seen in one scrape of the window.
    public var maxPending: Double?
    /// Time-to-acquire quantiles, when the pool exposes them.
    public var acquire: LatencyMetrics?

    /// Creates pool metrics.
    public init(name: String, inUse: Double?, idle: Double?, max: Double?, pending: Double?,
                utilizationPercent: Double?, averageUtilizationPercent: Double?, maxPending: Double?,
                acquire: LatencyMetrics?) {
        self.name = name
        self.inUse = inUse
        self.idle = idle
        self.max = max
        self.pending = pending
        self.utilizationPercent = utilizationPercent
        self.averageUtilizationPercent = averageUtilizationPercent
        self.maxPending = maxPending
        self.acquire = acquire
    }
}

/// One limiter's rejections over the window.
public struct LimiterMetrics: Sendable, Equatable, Codable {
    /// The limiter's name.
    public var name: String
    /// Rejections in the window.
    public var rejections: Double
    /// rejections / span; nil for a single scrape's totals.
    public var rejectionsPerSecond: Double?

    /// Creates limiter metrics.
    public init(name: String, rejections: Double, rejectionsPerSecond: Double?) {
        self.name = name
        self.rejections = rejections
        self.rejectionsPerSecond = rejectionsPerSecond
    }
}
