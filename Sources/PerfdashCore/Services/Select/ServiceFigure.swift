/// A figure perfdash derives from a service's series, each read through selectors (configured or from a preset).
public enum ServiceFigure: String, CaseIterable, Sendable, Hashable {
    /// Cache hit counter.
    case cacheHits = "cache_hits"
    /// Cache miss counter.
    case cacheMisses = "cache_misses"
    /// Cache eviction counter.
    case cacheEvictions = "cache_evictions"
    /// Request counter (RED: rate).
    case requests
    /// Failed request counter (RED: errors).
    case errors
    /// Request latency histogram family (RED: duration).
    case latency
    /// Queue depth gauge.
    case queueDepth = "queue_depth"
    /// Connections (or workers) in use.
    case poolInUse = "pool_in_use"
    /// Idle connections.
    case poolIdle = "pool_idle"
    /// Pool size limit.
    case poolMax = "pool_max"
    /// Callers waiting for a connection.
    case poolPending = "pool_pending"
    /// Time to acquire a connection (histogram or summary family).
    case poolAcquire = "pool_acquire"
    /// Limiter rejection counter.
    case limiterRejections = "limiter_rejections"

    /// The group whose `by` label splits this figure.
    public var group: FigureGroup {
        switch self {
        case .cacheHits, .cacheMisses, .cacheEvictions: .cache
        case .requests, .errors, .latency: .route
        case .queueDepth: .queue
        case .poolInUse, .poolIdle, .poolMax, .poolPending, .poolAcquire: .pool
        case .limiterRejections: .limiter
        }
    }

    /// Whether the selector names a histogram or summary family (`_bucket`, `_sum`, `_count`, quantiles).
    public var isDistribution: Bool { self == .latency || self == .poolAcquire }
}

/// Figures split by the same label: caches by cache, RED by route, pools by pool…
public enum FigureGroup: String, CaseIterable, Sendable, Hashable {
    /// Caches (`cache_by`).
    case cache
    /// Requests, errors and latency (`route_by`).
    case route
    /// Queues (`queue_by`).
    case queue
    /// Pools (`pool_by`).
    case pool
    /// Limiters (`limiter_by`).
    case limiter

    /// Labels tried in order when nothing is configured: the first one a series has names its part.
    public var defaultLabels: [String] {
        switch self {
        case .cache: ["cache", "level", "cache_name", "backend"]
        case .route: ["route", "http_route", "handler", "uri", "path", "endpoint", "view", "name"]
        case .queue: ["queue", "queue_name", "name"]
        case .pool: ["pool", "pool_name", "db_client_connection_pool_name", "name", "db_name"]
        case .limiter: ["limiter", "name"]
        }
    }
}

/// One selector for a figure, with the labels whose first present value names the part it belongs to.
public struct FigureSelector: Sendable, Equatable {
    /// Which series.
    public var selector: MetricSelector
    /// Labels tried in order for the part's name; none present (or none given) → `default`.
    public var by: [String]
    /// Keep only server errors: the first status label present (`code`, `status`, `status_code`,
    /// `http_status`, `http_response_status_code`) starts with 5, or `outcome="SERVER_ERROR"` (Micrometer).
    public var serverErrorsOnly: Bool
    /// The part's name when the series has none of the `by` labels.
    public var fallback: String
    /// A label whose value, when present and not `qualifierDefault`, prefixes the part's name (`db1/jobs`):
    /// redis_exporter's `db` tells apart two keys of one name in two databases.
    public var qualifier: String?
    /// The qualifier's value that names nothing (`db0`, where nearly every key lives).
    public var qualifierDefault = ""

    /// Labels read as an HTTP status, in order.
    public static let statusLabels = ["code", "status", "status_code", "http_status", "http_response_status_code"]

    /// Creates a figure selector.
    public init(_ selector: MetricSelector, by: [String], serverErrorsOnly: Bool = false,
                fallback: String = "default") {
        self.selector = selector
        self.by = by
        self.serverErrorsOnly = serverErrorsOnly
        self.fallback = fallback
    }
}

/// What a `[[service]]` says about selectors: a preset choice, per-figure overrides and per-group `by` labels.
public struct ServiceSelectors: Sendable, Equatable {
    /// How presets are chosen.
    public enum PresetChoice: Sendable, Equatable {
        /// Every preset whose signature the service exposes (the default).
        case auto
        /// Only this preset.
        case named(String)
        /// No preset: only overrides and perfdash's default names.
        case none
    }

    /// Which presets apply.
    public var preset: PresetChoice
    /// Figures given in the config; each replaces whatever a preset says for that figure.
    public var overrides: [ServiceFigure: [MetricSelector]]
    /// Labels configured per group (`route_by = "handler"`), replacing presets' and defaults' labels.
    public var by: [FigureGroup: [String]]

    /// Auto-detection, no overrides.
    public static let automatic = ServiceSelectors(preset: .auto, overrides: [:], by: [:])

    /// Creates selectors.
    public init(preset: PresetChoice, overrides: [ServiceFigure: [MetricSelector]], by: [FigureGroup: [String]]) {
        self.preset = preset
        self.overrides = overrides
        self.by = by
    }
}
