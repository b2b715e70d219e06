/// One route's RED counters in one scrape: totals as exposed, not deltas.
public struct RouteCounters: Sendable, Equatable {
    /// Requests served (counter total); nil when no requests series matched this route.
    public var requests: Double?
    /// Failed requests (counter total); nil when no errors series matched.
    public var errors: Double?
    /// The route's latency distribution, when a latency family matched.
    public var latency: LatencyDistribution?

    /// Creates counters.
    public init(requests: Double? = nil, errors: Double? = nil, latency: LatencyDistribution? = nil) {
        self.requests = requests
        self.errors = errors
        self.latency = latency
    }
}

/// One pool's gauges in one scrape, and its acquire-time distribution when exposed.
public struct PoolGauges: Sendable, Equatable {
    /// Connections (or workers) in use.
    public var inUse: Double?
    /// Idle connections.
    public var idle: Double?
    /// The pool's limit.
    public var max: Double?
    /// Callers waiting for a connection.
    public var pending: Double?
    /// Time to acquire a connection.
    public var acquire: LatencyDistribution?

    /// Creates gauges.
    public init(inUse: Double? = nil, idle: Double? = nil, max: Double? = nil, pending: Double? = nil,
                acquire: LatencyDistribution? = nil) {
        self.inUse = inUse
        self.idle = idle
        self.max = max
        self.pending = pending
        self.acquire = acquire
    }
}
