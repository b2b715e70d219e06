/// The samples of one series over the last `seconds`, aggregated on demand.
///
/// A sample at time `t` belongs to the window at `now` while `t > now − seconds`; a window of 0 s keeps only the
/// newest sample. Non-finite values are dropped: one NaN must not poison an average. In an ordered window values
/// also sit in an `OrderStatisticTree` whose slots are recycled as samples leave, so adding, evicting and reading any
/// aggregate (percentiles, min, max by selection; avg from a running sum) cost O(log n), whatever the window's
/// length. A window read only for `avg` and `last` (every built-in alert rule) keeps no tree: O(1) per sample.
struct SampleWindow: Sendable {
    let seconds: Double
    /// Whether the values are kept in order (the tree): needed for min, max and percentiles in O(log n).
    let ordered: Bool
    /// Arrival times, and each sample's tree slot (ordered) or value (not ordered: no tree), oldest first from
    /// `start`. A value is held once either way.
    private var times: [Double] = []
    private var values: [Double] = []
    private var slots: [Int32] = []
    private var start = 0
    private var tree = OrderStatisticTree()
    /// Slots of evicted samples, reused before the tree grows.
    private var freeSlots: [Int32] = []
    private var nextSlot: Int32 = 0
    /// Σ value × 2⁻⁶⁴: scaling by a power of two is exact, and keeps the sum of values near the largest Double
    /// finite, so one huge sample cannot leave the average infinite after it leaves.
    private var scaledSum = 0.0
    /// The largest |partial sum| since `scaledSum` was last recomputed: the scale of its rounding error.
    private var peak = 0.0
    /// Evictions since `scaledSum` was last recomputed; bounds the drift of adding and subtracting.
    private var evictionsSinceResum = 0

    private static let scale = 0x1p-64

    /// A window of `seconds`; `ordered: false` when only `avg` and `last` will be read (the others are then
    /// computed by a pass over the values).
    init(seconds: Double, ordered: Bool = true) {
        self.seconds = seconds
        self.ordered = ordered
    }

    /// A window for reading `aggregate` only: ordered when it needs the order.
    init(seconds: Double, for aggregate: Aggregate) {
        self.init(seconds: seconds, ordered: aggregate != .avg && aggregate != .last)
    }

    /// Adds a sample and forgets those that left the window at `time`.
    mutating func add(time: Double, value: Double) {
        guard value.isFinite else { return }
        if ordered {
            let slot: Int32
            if let reused = freeSlots.popLast() {
                slot = reused
            } else {
                slot = nextSlot
                nextSlot += 1
            }
            tree.insert(value, slot: Int(slot))
            slots.append(slot)
        } else {
            values.append(value)
        }
        times.append(time)
        scaledSum += value * Self.scale
        peak = Swift.max(peak, abs(scaledSum))
        evict(now: time)
    }

    /// Forgets samples outside the window at `now`.
    mutating func evict(now: Double) {
        var evicted = 0
        while start < times.count, seconds <= 0 ? start < times.count - 1 : times[start] <= now - seconds {
            scaledSum -= sample(start) * Self.scale
            peak = Swift.max(peak, abs(scaledSum))
            if ordered {
                let slot = slots[start]
                tree.remove(slot: Int(slot))
                freeSlots.append(slot)
            }
            start += 1
            evicted += 1
        }
        guard evicted > 0 else { return }
        // Compact now and then so the arrays stay about one window long (amortized O(1) per sample).
        if start > 64, start * 2 > times.count {
            times.removeFirst(start)
            if ordered { slots.removeFirst(start) } else { values.removeFirst(start) }
            start = 0
        }
        evictionsSinceResum += evicted
        // Resum once per window's worth of evictions (drift), and at once when a large value has left and the
        // sum is now far below the size its rounding error was made at (cancellation: 1e308 in, 1e308 out).
        if evictionsSinceResum >= Swift.max(count, 64) || abs(scaledSum) < peak * 0x1p-26 { resum() }
    }

    /// Recomputes the running sum from the values held, oldest first (O(n): once per n evictions, or after a cancellation).
    private mutating func resum() {
        scaledSum = (start..<times.count).reduce(0) { $0 + sample($1) * Self.scale }
        peak = abs(scaledSum)
        evictionsSinceResum = 0
    }

    /// Tree slots ever allocated: the most samples the window has held at once (slots are reused).
    var slotsAllocated: Int { Int(nextSlot) }

    /// How many samples are in the window.
    var count: Int { times.count - start }

    /// The value of the sample at `index` (from `start` on).
    private func sample(_ index: Int) -> Double {
        ordered ? tree.value(inSlot: Int(slots[index])) : values[index]
    }

    /// The aggregate over the window, nil when empty.
    func value(_ aggregate: Aggregate) -> Double? {
        let n = count
        guard n > 0 else { return nil }
        switch aggregate {
        case .avg: return scaledSum / Double(n) / Self.scale
        case .last: return sample(times.count - 1)
        case .min, .max, .p50, .p95, .p99: break
        }
        guard ordered else { return Self.value(aggregate, of: values[start...].sorted()) }
        switch aggregate {
        case .min: return tree.select(0)
        case .max: return tree.select(n - 1)
        case .p50: return tree.percentile(0.50)
        case .p95: return tree.percentile(0.95)
        default: return tree.percentile(0.99)
        }
    }

    /// An order aggregate of sorted values (a window kept without its tree: O(n log n), not meant per tick).
    private static func value(_ aggregate: Aggregate, of sorted: [Double]) -> Double? {
        switch aggregate {
        case .min: sorted.first
        case .max: sorted.last
        case .p50: RollingWindow.percentile(0.50, ofSorted: sorted)
        case .p95: RollingWindow.percentile(0.95, ofSorted: sorted)
        case .p99: RollingWindow.percentile(0.99, ofSorted: sorted)
        case .avg, .last: nil
        }
    }
}
