/// The L2 cache tier: in-process with simulated latency, or a real Redis.
///
/// The workload reads L2 on an L1 miss and writes it after an L3 read. Latency is the tier's own business:
/// the in-process tier draws it from a seeded distribution, the Redis tier measures the round trip.
public protocol SecondTier: Sendable {
    /// What the tier is, for the banner and the info metric (`in-process`, `redis`).
    var kind: String { get }
    /// Entries held, when the tier can tell cheaply.
    var entries: Int? { get }
    /// Reads `key` at virtual time `now`.
    mutating func read(_ key: Int, now: Duration) async throws -> TierRead
    /// Writes `value` under `key` at virtual time `now`, with the tier's time to live.
    mutating func write(_ key: Int, value: String, now: Duration) async throws -> TierWrite
}

/// The result of an L2 read.
public struct TierRead: Sendable, Equatable {
    /// The value on a hit.
    public var value: String?
    /// Whether the entry was present but stale (counted as an expiration and a miss).
    public var expired: Bool
    /// How long the read took.
    public var latency: Duration

    /// Creates a read result.
    public init(value: String?, expired: Bool = false, latency: Duration) {
        self.value = value
        self.expired = expired
        self.latency = latency
    }
}

/// The result of an L2 write.
public struct TierWrite: Sendable, Equatable {
    /// The entry pushed out to make room, when the tier knows.
    public var removal: CacheRemoval<Int>?

    /// Creates a write result.
    public init(removal: CacheRemoval<Int>? = nil) {
        self.removal = removal
    }
}
