/// An L2 tier inside the process: a larger, longer-lived LRU than L1, with the latency of a network hop simulated.
public struct InProcessTier: SecondTier {
    public let kind = "in-process"
    private var cache: LRUCache<Int, String>
    private var random: SeededRandom
    private let medianLatency: Duration

    /// Creates the tier; latencies are log-normal around `medianLatency`, seeded for reproducibility.
    public init(capacity: Int, timeToLive: Duration, medianLatency: Duration, seed: UInt64) {
        cache = LRUCache(capacity: capacity, timeToLive: timeToLive)
        random = SeededRandom(seed: seed)
        self.medianLatency = medianLatency
    }

    public var entries: Int? { cache.count }

    public mutating func read(_ key: Int, now: Duration) async throws -> TierRead {
        let latency = Duration.seconds(random.logNormal(median: medianLatency.seconds, sigma: 0.5))
        switch cache.get(key, now: now) {
        case .hit(let value): return TierRead(value: value, latency: latency)
        case .miss: return TierRead(value: nil, latency: latency)
        case .expired: return TierRead(value: nil, expired: true, latency: latency)
        }
    }

    public mutating func write(_ key: Int, value: String, now: Duration) async throws -> TierWrite {
        TierWrite(removal: cache.set(key, value, now: now))
    }
}
