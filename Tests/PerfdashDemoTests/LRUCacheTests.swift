import PerfdashDemo
import Testing

@Suite struct LRUCacheTests {
    @Test func fullCacheEvictsTheLeastRecentlyUsedEntry() {
        var cache = LRUCache<String, Int>(capacity: 3, timeToLive: .seconds(60))
        let result1 = cache.set("a", 1, now: .zero)
        #expect(result1 == nil)
        let result2 = cache.set("b", 2, now: .zero)
        #expect(result2 == nil)
        let result3 = cache.set("c", 3, now: .zero)
        #expect(result3 == nil)
        // Reading "a" makes it the most recent, so "b" is now the oldest.
        let result4 = cache.get("a", now: .seconds(1))
        #expect(result4 == .hit(1))
        #expect(cache.keysByRecency == ["a", "c", "b"])
        let result5 = cache.set("d", 4, now: .seconds(2))
        #expect(result5 == .evicted("b"))
        #expect(cache.keysByRecency == ["d", "a", "c"])
        let result6 = cache.set("e", 5, now: .seconds(3))
        #expect(result6 == .evicted("c"))
        let result7 = cache.get("b", now: .seconds(4))
        #expect(result7 == .miss)
        let result8 = cache.get("c", now: .seconds(4))
        #expect(result8 == .miss)
        #expect(cache.keysByRecency == ["e", "d", "a"])
        #expect(cache.count == 3)
    }

    @Test func overwritingUpdatesTheValueWithoutEvicting() {
        var cache = LRUCache<String, Int>(capacity: 2, timeToLive: .seconds(60))
        cache.set("a", 1, now: .zero)
        cache.set("b", 2, now: .zero)
        let result9 = cache.set("a", 10, now: .zero)
        #expect(result9 == nil)
        #expect(cache.keysByRecency == ["a", "b"])
        let result10 = cache.get("a", now: .zero)
        #expect(result10 == .hit(10))
        #expect(cache.count == 2)
    }

    @Test func entriesExpireExactlyAtTheirTimeToLive() {
        var cache = LRUCache<String, Int>(capacity: 4, timeToLive: .seconds(10))
        cache.set("a", 1, now: .seconds(5))
        // Written at 5 s with a 10 s TTL: fresh before 15 s, gone at 15 s.
        let result11 = cache.get("a", now: .milliseconds(14_999))
        #expect(result11 == .hit(1))
        let result12 = cache.get("a", now: .seconds(15))
        #expect(result12 == .expired)
        #expect(cache.count == 0)
        let result13 = cache.get("a", now: .seconds(15))
        #expect(result13 == .miss)
    }

    @Test func readingDoesNotExtendTheTimeToLiveButWritingDoes() {
        var cache = LRUCache<String, Int>(capacity: 4, timeToLive: .seconds(10))
        cache.set("a", 1, now: .zero)
        cache.set("b", 2, now: .zero)
        let result14 = cache.get("a", now: .seconds(9))
        #expect(result14 == .hit(1))
        cache.set("b", 3, now: .seconds(9)) // b now lives until 19 s
        let result15 = cache.get("a", now: .seconds(10))
        #expect(result15 == .expired)
        let result16 = cache.get("b", now: .seconds(18))
        #expect(result16 == .hit(3))
        let result17 = cache.get("b", now: .seconds(19))
        #expect(result17 == .expired)
    }

    @Test func aStaleLeastRecentEntryLeavesAsExpiredNotEvicted() {
        var cache = LRUCache<String, Int>(capacity: 2, timeToLive: .seconds(10))
        cache.set("old", 1, now: .zero)
        cache.set("new", 2, now: .seconds(8))
        let result18 = cache.set("x", 3, now: .seconds(10))
        #expect(result18 == .expired("old"))
        let result19 = cache.set("y", 4, now: .seconds(11))
        #expect(result19 == .evicted("new"))
        #expect(cache.keysByRecency == ["y", "x"])
    }

    @Test func capacityOneKeepsOnlyTheLastKey() {
        var cache = LRUCache<Int, Int>(capacity: 1, timeToLive: .seconds(1))
        cache.set(1, 1, now: .zero)
        let result20 = cache.set(2, 2, now: .zero)
        #expect(result20 == .evicted(1))
        let result21 = cache.get(2, now: .zero)
        #expect(result21 == .hit(2))
        #expect(cache.keysByRecency == [2])
    }

    /// 20,000 random operations against a plainly written O(n) reference LRU give identical results.
    @Test(arguments: [(1, 5), (3, 10), (16, 40), (64, 50)])
    func matchesAReferenceImplementation(capacity: Int, keys: Int) {
        var cache = LRUCache<Int, Int>(capacity: capacity, timeToLive: .milliseconds(700))
        var reference = ReferenceLRU(capacity: capacity, timeToLive: .milliseconds(700))
        var random = SeededRandom(seed: UInt64(capacity * 1000 + keys))
        var now = Duration.zero
        for step in 0..<20_000 {
            now += .milliseconds(random.index(below: 20))
            let key = random.index(below: keys)
            if random.chance(0.5) {
                let actual = cache.get(key, now: now)
                let expected = reference.get(key, now: now)
                #expect(actual == expected, "step \(step)")
            } else {
                let actual = cache.set(key, step, now: now)
                let expected = reference.set(key, step, now: now)
                #expect(actual == expected, "step \(step)")
            }
            #expect(cache.keysByRecency == reference.keysByRecency, "step \(step)")
        }
    }
}

/// The obvious LRU: an array ordered from most to least recent, scanned linearly.
private struct ReferenceLRU {
    let capacity: Int
    let timeToLive: Duration
    var entries: [(key: Int, value: Int, expiry: Duration)] = []

    var keysByRecency: [Int] { entries.map(\.key) }

    mutating func get(_ key: Int, now: Duration) -> CacheLookup<Int> {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return .miss }
        let entry = entries.remove(at: index)
        if entry.expiry <= now { return .expired }
        entries.insert(entry, at: 0)
        return .hit(entry.value)
    }

    mutating func set(_ key: Int, _ value: Int, now: Duration) -> CacheRemoval<Int>? {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries.remove(at: index)
            entries.insert((key, value, now + timeToLive), at: 0)
            return nil
        }
        var removal: CacheRemoval<Int>?
        if entries.count == capacity, let last = entries.popLast() {
            removal = last.expiry <= now ? .expired(last.key) : .evicted(last.key)
        }
        entries.insert((key, value, now + timeToLive), at: 0)
        return removal
    }
}
