/// Which metric names perfdash reads from an exposition; defaults follow DESIGN.md, each overridable per service.
public struct ServiceMetricNames: Sendable, Equatable {
    /// Suffix (or full name) of cache hit counters, e.g. `cache_hits_total`.
    public var cacheHits: String
    /// Suffix (or full name) of cache miss counters.
    public var cacheMisses: String
    /// Suffix (or full name) of cache eviction counters.
    public var cacheEvictions: String
    /// Label names that split caches, tried in order.
    public var cacheLabels: [String]
    /// Suffixes (or full names) of queue depth gauges.
    public var queueDepth: [String]
    /// Label that names the queue.
    public var queueLabel: String
    /// Suffix (or full name) of latency histograms or summaries.
    public var latency: String
    /// Selectors for RED, pools, limiters (and caches or queues in other shapes): presets and overrides.
    public var selectors: ServiceSelectors = .automatic

    /// The defaults from DESIGN.md.
    public static let defaults = ServiceMetricNames(
        cacheHits: "cache_hits_total", cacheMisses: "cache_misses_total", cacheEvictions: "cache_evictions_total",
        cacheLabels: ["level", "cache"], queueDepth: ["queue_depth", "queue_length"], queueLabel: "queue",
        latency: "_duration_seconds")

    /// Creates a set of names.
    public init(cacheHits: String, cacheMisses: String, cacheEvictions: String, cacheLabels: [String],
                queueDepth: [String], queueLabel: String, latency: String) {
        self.cacheHits = cacheHits
        self.cacheMisses = cacheMisses
        self.cacheEvictions = cacheEvictions
        self.cacheLabels = cacheLabels
        self.queueDepth = queueDepth
        self.queueLabel = queueLabel
        self.latency = latency
    }
}
