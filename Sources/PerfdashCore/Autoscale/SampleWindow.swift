/// The samples of one series over the last `seconds`, aggregated on demand.
///
/// A sample at time `t` belongs to the window at `now` while `t > now − seconds`; a window of 0 s keeps only the
/// newest sample. Non-finite values are dropped: one NaN must not poison an average. Values sit in an
/// `OrderStatisticTree` whose slots are recycled as samples leave, so adding, evicting and reading any aggregate
/// (percentiles, min, max by selection; avg from a running sum) cost O(log n), whatever the window's length.
struct SampleWindow: Sendable {
    let seconds: Double
    /// Arrival times and tree slots, oldest first from `start`.
    private var times: [Double] = []
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

    init(seconds: Double) {
        self.seconds = seconds
    }

    /// Adds a sample and forgets those that left the window at `time`.
    mutating func add(time: Double, value: Double) {
        guard value.isFinite else { return }
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
        } else {
            slot = nextSlot
            nextSlot += 1
        }
        tree.insert(value, slot: Int(slot))
        times.append(time)
        slots.append(slot)
        scaledSum += value * Self.scale
        peak = Swift.max(peak, abs(scaledSum))
        evict(now: time)
    }

    /// Forgets samples outside the window at `now`.
    mutating func evict(now: Double) {
        var evicted = 0
        while start < times.count, seconds <= 0 ? start < times.count - 1 : times[start] <= now - seconds {
            let slot = slots[start]
            scaledSum -= tree.value(inSlot: Int(slot)) * Self.scale
            peak = Swift.max(peak, abs(scaledSum))
            tree.remove(slot: Int(slot))
            freeSlots.append(slot)
            start += 1
            evicted += 1
        }
        guard evicted > 0 else { return }
        // Compact now and then so the arrays stay about one window long (amortized O(1) per sample).
        if start > 64, start * 2 > times.count {
            times.removeFirst(start)
            slots.removeFirst(start)
            start = 0
        }
        evictionsSinceResum += evicted
        // Resum once per window's worth of evictions (drift), and at once when a large value has left and the
        // sum is now far below the size its rounding error was made at (cancellation: 1e308 in, 1e308 out).
        if evictionsSinceResum >= Swift.max(count, 64) || abs(scaledSum) < peak * 0x1p-26 { resum() }
    }

    /// Recomputes the running sum from the values held, oldest first (O(n): once per n evictions, or after a cancellation).
    private mutating func resum() {
        scaledSum = slots[start...].reduce(0) { $0 + tree.value(inSlot: Int($1)) * Self.scale }
        peak = abs(scaledSum)
        evictionsSinceResum = 0
    }

    /// Tree slots ever allocated: the most samples the window has held at once (slots are reused).
    var slotsAllocated: Int { Int(nextSlot) }

    /// How many samples are in the window.
    var count: Int { tree.count }

    /// The aggregate over the window, nil when empty.
    func value(_ aggregate: Aggregate) -> Double? {
        let n = tree.count
        guard n > 0, let newest = slots.last else { return nil }
        switch aggregate {
        case .avg: return scaledSum / Double(n) / Self.scale
        case .min: return tree.select(0)
        case .max: return tree.select(n - 1)
        case .last: return tree.value(inSlot: Int(newest))
        case .p50: return tree.percentile(0.50)
        case .p95: return tree.percentile(0.95)
        case .p99: return tree.percentile(0.99)
        }
    }
}
