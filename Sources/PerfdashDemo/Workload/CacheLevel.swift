/// The three tiers a read goes through; the raw value is the `level` label perfdash splits caches by.
public enum CacheLevel: String, Sendable, CaseIterable {
    case l1, l2, l3
}
