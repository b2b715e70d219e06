/// Every knob of the demo workload; the defaults give a few hundred requests per second with an L1 hit rate that
/// moves around the 85 % target.
public struct WorkloadConfiguration: Sendable, Equatable {
    /// Seed of every random draw: equal seeds give equal runs.
    public var seed: UInt64 = 42
    /// Rates, bursts, dumps and hot-set drift.
    public var schedule: LoadSchedule = .standard()
    /// Number of distinct keys.
    public var keySpace = 20_000
    /// Skew of key popularity (Zipf exponent).
    public var zipfExponent = 1.25
    /// L1 entries.
    public var l1Capacity = 2_000
    /// L1 time to live.
    public var l1TimeToLive: Duration = .seconds(60)
    /// In-process L2 entries.
    public var l2Capacity = 8_000
    /// L2 time to live (also the Redis SETEX time).
    public var l2TimeToLive: Duration = .seconds(120)
    /// Median latency of the in-process L2.
    public var l2MedianLatency: Duration = .microseconds(400)
    /// Median L3 query time on an idle pool.
    public var databaseMedianLatency: Duration = .milliseconds(4)
    /// One key in this many has no row in L3 (0 = all keys exist).
    public var missingEvery = 50
    /// Database connections, shared by request-path queries and busy workers.
    public var poolSize = 8
    /// Workers serving the four queues.
    public var workers = 4
    /// Fraction of requests that enqueue a job.
    public var jobFraction = 0.25
    /// Mean job run time per queue.
    public var meanServiceTime: [JobPriority: Duration] = [
        .high: .milliseconds(5), .normal: .milliseconds(20), .low: .milliseconds(40), .batch: .milliseconds(120),
    ]
    /// Rate limiter: sustained requests per second.
    public var rateLimit = 500.0
    /// Rate limiter: bucket size.
    public var rateBurst = 120.0

    /// The defaults.
    public init() {}

    /// The defaults with the base rate set to `rate` requests per second and the rate limiter scaled with it
    /// (the defaults admit 5/3 of the base rate, bursting to 0.4 s of it), so a faster demo is not mostly 429s.
    public init(baseRate rate: Double) {
        schedule = .standard(baseRate: rate)
        rateLimit = rate * 5 / 3
        rateBurst = max(1, rate * 0.4)
    }
}
