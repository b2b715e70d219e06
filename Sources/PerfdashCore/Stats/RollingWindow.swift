/// The last `capacity` values of a series, with exact order statistics.
///
/// Values sit in a ring (arrival order) and in a sorted copy kept up to date by one binary search and one
/// `memmove` per update, so percentiles, min and max are O(1) reads and an update is O(log n + distance moved).
public struct RollingWindow: Sendable, Equatable {
    /// The most values kept.
    public let capacity: Int
    private var ring: [Double] = []
    /// Index in `ring` of the oldest value once the ring is full.
    private var head = 0
    private var sorted: [Double] = []
    private var sum = 0.0
    /// Replacements since `sum` was last recomputed; bounds the drift of adding and subtracting.
    private var replacementsSinceResum = 0

    /// Creates an empty window; storage grows as values arrive, up to `capacity`.
    public init(capacity: Int) {
        precondition(capacity > 0, "a window holds at least one value")
        self.capacity = capacity
    }

    /// Number of values held.
    public var count: Int { sorted.count }

    /// True when no value has arrived.
    public var isEmpty: Bool { sorted.isEmpty }

    /// The most recent value.
    public var latest: Double? {
        guard !ring.isEmpty else { return nil }
        return ring.count < capacity ? ring.last : ring[(head + capacity - 1) % capacity]
    }

    /// The values in arrival order, oldest first (for sparklines and graphs).
    public var values: [Double] {
        ring.count < capacity ? ring : Array(ring[head...] + ring[..<head])
    }

    /// Adds `value`, dropping the oldest when full. Non-finite values are ignored: they have no rank.
    public mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        if ring.count < capacity {
            ring.append(value)
            sorted.insert(value, at: Self.lowerBound(of: value, in: sorted))
            sum += value
            return
        }
        let old = ring[head]
        ring[head] = value
        head = head + 1 == capacity ? 0 : head + 1
        Self.replace(old, with: value, in: &sorted)
        replacementsSinceResum += 1
        if replacementsSinceResum >= capacity {
            sum = ring.reduce(0, +)
            replacementsSinceResum = 0
        } else {
            sum += value - old
        }
    }

    /// The q-quantile (0…1): linear interpolation at rank q·(n−1), as numpy's default method computes it.
    public func percentile(_ q: Double) -> Double? {
        Self.percentile(q, ofSorted: sorted)
    }

    /// count, avg, min, max, p50, p95, p99; nil when empty.
    public var summary: Summary? {
        guard let first = sorted.first, let last = sorted.last else { return nil }
        return Summary(count: sorted.count, avg: sum / Double(sorted.count), min: first, max: last,
                       p50: percentile(0.5)!, p95: percentile(0.95)!, p99: percentile(0.99)!)
    }

    /// A window of another capacity holding the newest values of this one.
    public func resized(to newCapacity: Int) -> RollingWindow {
        var window = RollingWindow(capacity: newCapacity)
        for value in values.suffix(newCapacity) { window.append(value) }
        return window
    }

    /// Linear interpolation between closest ranks over sorted values; nil when empty.
    ///
    /// Uses numpy's two-sided lerp (from the upper neighbour when the fraction is ≥ 0.5) so results match it bit
    /// for bit.
    public static func percentile(_ q: Double, ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let rank = Swift.min(Swift.max(q, 0), 1) * Double(values.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, values.count - 1)
        let fraction = rank - Double(lower)
        let a = values[lower]
        let b = values[upper]
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

    /// Replaces one occurrence of `old` by `new`, shifting only the values between their two positions.
    private static func replace(_ old: Double, with new: Double, in values: inout [Double]) {
        let removed = lowerBound(of: old, in: values)
        let target = lowerBound(of: new, in: values)
        values.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            if target > removed {
                // new goes after old: slide (removed, target) down by one.
                (base + removed).update(from: base + removed + 1, count: target - 1 - removed)
                base[target - 1] = new
            } else {
                // new goes at or before old: slide [target, removed) up by one.
                (base + target + 1).update(from: base + target, count: removed - target)
                base[target] = new
            }
        }
    }
}
