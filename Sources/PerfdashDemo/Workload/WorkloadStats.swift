/// Running totals of what the workload did, the same numbers its metrics expose, as plain values.
public struct WorkloadStats: Sendable, Equatable {
    /// Requests processed.
    public var requests = 0
    /// Responses per HTTP status (200 found, 404 no row, 429 rate limited, 503 pool exhausted).
    public var responses: [Int: Int] = [:]
    /// Hits per tier (for L3: the row existed).
    public var hits: [CacheLevel: Int] = [:]
    /// Misses per tier, expirations included.
    public var misses: [CacheLevel: Int] = [:]
    /// Live entries pushed out of a full tier.
    public var evictions: [CacheLevel: Int] = [:]
    /// Entries found stale, on read or when pushed out.
    public var expirations: [CacheLevel: Int] = [:]
    /// Jobs enqueued per queue (scheduled batch dumps included).
    public var enqueued: [JobPriority: Int] = [:]
    /// Jobs a worker has started per queue.
    public var started: [JobPriority: Int] = [:]
    /// Requests refused because every database connection was taken.
    public var poolExhausted = 0
    /// L2 operations that failed (Redis down); each read failure counts as an L2 miss.
    public var l2Errors = 0
    /// The L3 database as PostgreSQL's statistics would count it (synthetic).
    public var database = DatabaseStats()

    /// Creates empty totals.
    public init() {}

    /// hits / (hits + misses) for `level`, nil with no traffic.
    public func hitRate(_ level: CacheLevel) -> Double? {
        let hit = hits[level, default: 0]
        let total = hit + misses[level, default: 0]
        return total == 0 ? nil : Double(hit) / Double(total)
    }
}
