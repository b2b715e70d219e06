/// The last `capacity` values of a series, with exact order statistics.
///
/// Values sit in the slots of an `OrderStatisticTree` used as a ring (slot = arrival position modulo capacity), so
/// an update is one O(log n) replacement and a percentile two O(log n) selections: the cost does not grow with the
/// window. Memory is 20 bytes per value held, allocated as values arrive.
public struct RollingWindow: Sendable, Equatable {
    /// The most values kept.
    public let capacity: Int
    private var tree: OrderStatisticTree
    /// Slot of the oldest value once the ring is full.
    private var head = 0
    private var filled = 0
    private var sum = 0.0
    /// Replacements since `sum` was last recomputed; bounds the drift of adding and subtracting.
    private var replacementsSinceResum = 0

    /// Creates an empty window; storage grows as values arrive, up to `capacity`.
    public init(capacity: Int) {
        precondition(capacity > 0, "a window holds at least one value")
        self.capacity = capacity
        tree = OrderStatisticTree(capacity: capacity)
    }

    /// Number of values held.
    public var count: Int { filled }

    /// True when no value has arrived.
    public var isEmpty: Bool { filled == 0 }

    /// The most recent value.
    public var latest: Double? {
        guard filled > 0 else { return nil }
        return tree.value(inSlot: filled < capacity ? filled - 1 : (head + capacity - 1) % capacity)
    }

    /// The values in arrival order, oldest first (for sparklines and graphs).
    public var values: [Double] {
        suffix(filled)
    }

    /// The newest `limit` values in arrival order, oldest first.
    public func suffix(_ limit: Int) -> [Double] {
        let n = Swift.min(Swift.max(limit, 0), filled)
        let start = filled < capacity ? filled - n : (head + capacity - n) % capacity
        return (0..<n).map { tree.value(inSlot: (start + $0) % capacity) }
    }

    /// Adds `value`, dropping the oldest when full. Non-finite values are ignored: they have no rank. Returns
    /// whether the summary may have changed: false when the value was ignored, or replaced the same value (bit for
    /// bit) in a full window without the sum being recomputed.
    @discardableResult
    public mutating func append(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if filled < capacity {
            tree.insert(value, slot: filled)
            filled += 1
            sum += value
            return true
        }
        let old = tree.value(inSlot: head)
        tree.replace(slot: head, with: value)
        head = head + 1 == capacity ? 0 : head + 1
        replacementsSinceResum += 1
        if replacementsSinceResum >= capacity {
            sum = (0..<capacity).reduce(0) { $0 + tree.value(inSlot: $1) }
            replacementsSinceResum = 0
            return true
        }
        sum += value - old
        return old.bitPattern != value.bitPattern
    }

    /// The q-quantile (0…1): linear interpolation at rank q·(n−1), as numpy's default method computes it.
    public func percentile(_ q: Double) -> Double? {
        tree.percentile(q)
    }

    /// count, avg, min, max, p50, p95, p99; nil when empty.
    public var summary: Summary? {
        guard filled > 0, let extremes = tree.extremes else { return nil }
        return Summary(count: filled, avg: sum / Double(filled), min: extremes.min, max: extremes.max,
                       p50: tree.percentile(0.5)!, p95: tree.percentile(0.95)!, p99: tree.percentile(0.99)!)
    }

    /// A window of another capacity holding the newest values of this one.
    public func resized(to newCapacity: Int) -> RollingWindow {
        var window = RollingWindow(capacity: newCapacity)
        for value in suffix(newCapacity) { window.append(value) }
        return window
    }

    /// Linear interpolation between closest ranks over sorted values; nil when empty.
    public static func percentile(_ q: Double, ofSorted values: [Double]) -> Double? {
        guard let (lower, fraction) = rank(q, count: values.count) else { return nil }
        let upper = Swift.min(lower + 1, values.count - 1)
        return lerp(values[lower], values[upper], fraction: fraction)
    }

    /// numpy's linear rank q·(n−1) of the q-quantile among `count` sorted values, as the index below it and the
    /// fraction towards the next; q is clamped to 0…1. nil when there is no value or q is NaN.
    static func rank(_ q: Double, count: Int) -> (lower: Int, fraction: Double)? {
        guard count > 0, !q.isNaN else { return nil }
        let rank = Swift.min(Swift.max(q, 0), 1) * Double(count - 1)
        // 0 ≤ rank ≤ count − 1, so the conversion is exact and in range.
        let lower = Swift.min(Int(exactly: rank.rounded(.down)) ?? 0, count - 1)
        return (lower, rank - Double(lower))
    }

    /// numpy's two-sided lerp (from the upper neighbour when the fraction is ≥ 0.5), so results match it bit for
    /// bit.
    static func lerp(_ a: Double, _ b: Double, fraction: Double) -> Double {
        let difference = b - a
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction
    }

    /// First index whose value is not less than `value` (an index of `value` itself when present); also
    /// ``SampleWindow``'s.
    static func lowerBound(of value: Double, in values: [Double]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
