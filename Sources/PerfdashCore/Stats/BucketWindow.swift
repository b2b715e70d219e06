/// The last `seconds` seconds of a series as per-second aggregates: memory and cost bounded by the window's
/// length in seconds, whatever the sampling interval.
///
/// Each sample advances the window's own clock by the sampling interval and joins the bucket of its second (count
/// and sum). What stays exact: `count` (samples), `avg` (Σ / count), `min` and `max` (per-bucket extremes kept
/// in monotonic queues). p50, p95 and p99 are numpy's linear percentiles over the per-second means of the buckets
/// in the window (the current, partial second included). At an interval of 1 s or more each bucket holds one
/// sample, so every statistic is exact over the raw samples, as numpy computes it over the last
/// ⌈window / interval⌉ values. Cost per sample: O(log n) (one treap replacement) plus amortized O(1).
public struct BucketWindow: Sendable, Equatable {
    /// One second's samples.
    private struct Bucket: Sendable, Equatable {
        var second: Int64
        var sum: Double
        var count: Int
    }

    /// The window's length in seconds (its most buckets).
    public let seconds: Int
    /// Nanoseconds of window time each sample advances.
    private var intervalNanoseconds: Int64
    private var clock: Int64 = 0
    private var buckets: [Bucket] = []
    private var head = 0
    private var filled = 0
    /// Bucket means, by ring slot.
    private var means: OrderStatisticTree
    private var total = 0
    private var sum = 0.0
    private var evictionsSinceResum = 0
    private var minima = MonotonicQueue()
    private var maxima = MonotonicQueue()
    /// Extremes of the newest bucket (a sample that is not a new extreme of its bucket leaves the queues alone).
    private var newestMin = 0.0
    private var newestMax = 0.0

    /// Creates an empty window of `seconds` seconds for samples `interval` apart.
    public init(seconds: Int, interval: Duration) {
        precondition(seconds > 0, "a window spans at least a second")
        self.seconds = seconds
        intervalNanoseconds = Self.nanoseconds(interval)
        means = OrderStatisticTree(capacity: seconds)
    }

    /// Number of samples in the window.
    public var count: Int { total }

    /// True when the window holds no sample.
    public var isEmpty: Bool { total == 0 }

    /// Number of per-second buckets held.
    public var bucketCount: Int { filled }

    /// The per-second means, oldest first.
    public var values: [Double] { suffix(filled) }

    /// The newest `limit` per-second means, oldest first.
    public func suffix(_ limit: Int) -> [Double] {
        let n = Swift.min(Swift.max(limit, 0), filled)
        return (filled - n..<filled).map { means.value(inSlot: (head + $0) % seconds) }
    }

    /// Changes the time each later sample advances (the samples already held stay in their seconds).
    public mutating func setInterval(_ interval: Duration) {
        intervalNanoseconds = Self.nanoseconds(interval)
    }

    /// Adds a sample one interval after the previous one. Non-finite values are ignored.
    public mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        clock = clock.addingReportingOverflow(intervalNanoseconds).overflow ? .max : clock + intervalNanoseconds
        let second = clock / 1_000_000_000
        // second ≥ 0 and seconds ≥ 1, so the difference cannot leave Int64's range.
        evict(before: second &- Int64(clamping: seconds) &+ 1)
        let newest = (head + filled - 1 + seconds) % seconds
        if filled > 0, buckets[newest].second == second {
            buckets[newest].sum += value
            buckets[newest].count += 1
            means.replace(slot: newest, with: buckets[newest].sum / Double(buckets[newest].count))
            if value < newestMin {
                newestMin = value
                minima.push(second, value, keepingBelow: true)
            }
            if value > newestMax {
                newestMax = value
                maxima.push(second, value, keepingBelow: false)
            }
        } else {
            let slot = (head + filled) % seconds
            let bucket = Bucket(second: second, sum: value, count: 1)
            if slot == buckets.count {
                if slot == buckets.capacity { buckets.reserveCapacity(Swift.min(seconds, Swift.max(16, slot * 2))) }
                buckets.append(bucket)
            } else {
                buckets[slot] = bucket
            }
            means.insert(value, slot: slot)
            filled += 1
            newestMin = value
            newestMax = value
            minima.push(second, value, keepingBelow: true)
            maxima.push(second, value, keepingBelow: false)
        }
        total += 1
        sum += value
    }

    /// count, avg, min, max (exact) and p50, p95, p99 over the per-second means; nil when empty.
    public var summary: Summary? {
        guard total > 0, let low = minima.front, let high = maxima.front else { return nil }
        return Summary(count: total, avg: sum / Double(total), min: low, max: high, p50: means.percentile(0.5)!,
                       p95: means.percentile(0.95)!, p99: means.percentile(0.99)!)
    }

    /// Drops the buckets of seconds before `first`.
    private mutating func evict(before first: Int64) {
        while filled > 0, buckets[head].second < first {
            total -= buckets[head].count
            sum -= buckets[head].sum
            means.remove(slot: head)
            head = head + 1 == seconds ? 0 : head + 1
            filled -= 1
            evictionsSinceResum += 1
        }
        if evictionsSinceResum >= seconds {
            sum = (0..<filled).reduce(0) { $0 + buckets[(head + $1) % seconds].sum }
            evictionsSinceResum = 0
        }
        if filled == 0 { sum = 0 }
        minima.dropFront(before: first)
        maxima.dropFront(before: first)
    }

    private static func nanoseconds(_ interval: Duration) -> Int64 {
        let (seconds, attoseconds) = interval.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}

/// A sliding-window extreme: (second, value) pairs whose values are monotonic from front to back, so the front is
/// the window's minimum (or maximum) and each entry is pushed and popped once. At most one entry per second.
struct MonotonicQueue: Sendable, Equatable {
    private var entries: [(second: Int64, value: Double)] = []
    private var start = 0

    /// The extreme of the window.
    var front: Double? { start < entries.count ? entries[start].value : nil }

    /// Adds a value, first dropping from the back those it makes irrelevant: values ≥ it when the queue keeps
    /// minima (`keepingBelow`), ≤ it when it keeps maxima.
    mutating func push(_ second: Int64, _ value: Double, keepingBelow: Bool) {
        while entries.count > start, keepingBelow ? entries[entries.count - 1].value >= value
                                                  : entries[entries.count - 1].value <= value {
            entries.removeLast()
        }
        entries.append((second, value))
    }

    /// Drops the entries of seconds before `first`.
    mutating func dropFront(before first: Int64) {
        while start < entries.count, entries[start].second < first { start += 1 }
        if start == entries.count {
            entries.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 32, start * 2 > entries.count {
            entries.removeFirst(start)
            start = 0
        }
    }

    static func == (lhs: MonotonicQueue, rhs: MonotonicQueue) -> Bool {
        lhs.entries[lhs.start...].elementsEqual(rhs.entries[rhs.start...]) { $0.second == $1.second && $0.value == $1.value }
    }
}
