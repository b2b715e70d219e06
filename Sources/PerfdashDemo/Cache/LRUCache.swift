/// A least-recently-used cache with a fixed capacity and a time to live per entry.
///
/// Time is passed in (`now`, an offset from the workload's start) rather than read from a clock, so the cache is a
/// pure value: tests drive expiry exactly and the simulated workload runs in virtual time. Every operation is O(1):
/// entries live in parallel arrays linked into a recency list, with a dictionary from key to slot.
public struct LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The most entries the cache holds; inserting into a full cache evicts the least recently used one.
    public let capacity: Int
    /// How long an entry lives after it was last written.
    public let timeToLive: Duration

    private var slots: [Key: Int] = [:]
    private var keys: [Key] = []
    private var values: [Value] = []
    private var expiries: [Duration] = []
    private var newer: [Int] = []
    private var older: [Int] = []
    private var freeSlots: [Int] = []
    /// Most recently used slot, or -1 when empty.
    private var head = -1
    /// Least recently used slot, or -1 when empty.
    private var tail = -1

    /// Creates an empty cache; `capacity` must be at least 1.
    public init(capacity: Int, timeToLive: Duration) {
        precondition(capacity >= 1, "LRUCache capacity must be at least 1")
        self.capacity = capacity
        self.timeToLive = timeToLive
        slots.reserveCapacity(capacity)
    }

    /// Number of entries held, expired ones included until they are looked up or pushed out.
    public var count: Int { slots.count }

    /// Keys from most to least recently used (for inspection and tests; O(n)).
    public var keysByRecency: [Key] {
        var result: [Key] = []
        var slot = head
        while slot >= 0 {
            result.append(keys[slot])
            slot = older[slot]
        }
        return result
    }

    /// Looks `key` up at time `now`; a hit makes it the most recently used entry, an expired entry is removed.
    public mutating func get(_ key: Key, now: Duration) -> CacheLookup<Value> {
        guard let slot = slots[key] else { return .miss }
        if expiries[slot] <= now {
            unlink(slot)
            release(slot)
            return .expired
        }
        moveToFront(slot)
        return .hit(values[slot])
    }

    /// Stores `value` under `key` at time `now`, replacing any older value and restarting its time to live.
    ///
    /// Returns what had to leave to make room: nothing, an expired entry, or a live entry evicted by recency.
    @discardableResult
    public mutating func set(_ key: Key, _ value: Value, now: Duration) -> CacheRemoval<Key>? {
        let expiry = now + timeToLive
        if let slot = slots[key] {
            values[slot] = value
            expiries[slot] = expiry
            moveToFront(slot)
            return nil
        }
        var removal: CacheRemoval<Key>?
        if slots.count >= capacity {
            let victim = tail
            let victimKey = keys[victim]
            removal = expiries[victim] <= now ? .expired(victimKey) : .evicted(victimKey)
            unlink(victim)
            release(victim)
        }
        let slot = allocate(key: key, value: value, expiry: expiry)
        slots[key] = slot
        linkAtFront(slot)
        return removal
    }

    private mutating func allocate(key: Key, value: Value, expiry: Duration) -> Int {
        if let slot = freeSlots.popLast() {
            keys[slot] = key
            values[slot] = value
            expiries[slot] = expiry
            return slot
        }
        keys.append(key)
        values.append(value)
        expiries.append(expiry)
        newer.append(-1)
        older.append(-1)
        return keys.count - 1
    }

    private mutating func release(_ slot: Int) {
        slots[keys[slot]] = nil
        freeSlots.append(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private mutating func linkAtFront(_ slot: Int) {
        newer[slot] = -1
        older[slot] = head
        if head >= 0 { newer[head] = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let previous = newer[slot]
        let next = older[slot]
        if previous >= 0 { older[previous] = next } else { head = next }
        if next >= 0 { newer[next] = previous } else { tail = previous }
        newer[slot] = -1
        older[slot] = -1
    }
}
