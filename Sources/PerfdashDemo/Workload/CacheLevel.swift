/// The three tiers a read goes through; the raw value is the `level` label perfdash splits caches by.
public enum CacheLevel: String, Sendable, CaseIterable {
    /// The in-process LRU cache.
    case l1
    /// The second tier: in-process or Redis.
    case l2
    /// The simulated database.
    case l3
}
