/// The outcome of looking a key up in a cache tier.
public enum CacheLookup<Value: Sendable>: Sendable {
    /// The key was present and fresh.
    case hit(Value)
    /// The key was not present.
    case miss
    /// The key was present but its time to live had passed; it has been removed (a miss to the caller).
    case expired

    /// The value on a hit, nil otherwise.
    public var value: Value? {
        if case .hit(let value) = self { return value }
        return nil
    }
}

extension CacheLookup: Equatable where Value: Equatable {}

/// An entry that left a full cache to make room for a new one.
public enum CacheRemoval<Key: Sendable>: Sendable {
    /// A live entry pushed out because it was the least recently used.
    case evicted(Key)
    /// An entry whose time to live had already passed.
    case expired(Key)
}

extension CacheRemoval: Equatable where Key: Equatable {}
