import Testing
@testable import PerfdashCore

/// The 5 m / 15 m windows: per-second aggregates, bounded whatever the interval.
@Suite struct BucketWindowTests {
    /// The test stream of RollingWindowTests: value i = ((i·7919) mod 1000)/10 + (i mod 7)·0.013.
    static func value(_ i: Int) -> Double { Double((i * 7919) % 1000) / 10 + Double(i % 7) * 0.013 }

    @Test func tenMillisecondSamplesMatchNumpyOverPerSecondMeans() throws {
        // numpy 2.4, 40,000 samples 10 ms apart (sample i at (i+1)·10 ms, second (i+1)//100): the last 300 s are
        // seconds 101…400, 29,901 samples; mean 49.99362024681449, min 0.0, max 99.97800000000001; over the 300
        // per-second means np.percentile(means, 50|95|99) = 50.18899999999999, 51.18899999999999, 51.18965.
        var window = BucketWindow(seconds: 300, interval: .milliseconds(10))
        for i in 0..<40_000 { window.append(Self.value(i)) }
        let summary = try #require(window.summary)
        #expect(summary.count == 29_901)
        #expect(window.bucketCount == 300)
        #expect(approx(summary.avg, 49.99362024681449))
        #expect(summary.min == 0)
        #expect(summary.max == 99.97800000000001)
        #expect(approx(summary.p50, 50.18899999999999))
        #expect(approx(summary.p95, 51.18899999999999))
        #expect(approx(summary.p99, 51.18965))
    }

    @Test(arguments: [Duration.seconds(1), .seconds(7), .milliseconds(1500)])
    func atOneSecondOrMoreEveryStatisticIsExact(interval: Duration) throws {
        // Each bucket holds one sample: the window is the last ⌈300 s / interval⌉ raw samples, as before.
        var bucketed = BucketWindow(seconds: 300, interval: interval)
        var exact = RollingWindow(capacity: StatsWindow.fiveMinutes.capacity(at: interval))
        for i in 0..<2_000 {
            bucketed.append(Self.value(i))
            exact.append(Self.value(i))
            if i % 97 == 0 || i == 1_999 {
                let a = try #require(bucketed.summary)
                let b = try #require(exact.summary)
                #expect(a.count == b.count && a.min == b.min && a.max == b.max)
                #expect(a.p50 == b.p50 && a.p95 == b.p95 && a.p99 == b.p99)
                #expect(approx(a.avg, b.avg))
            }
        }
    }

    @Test func memoryIsBoundedByTheWindowsSecondsNotTheInterval() {
        var window = BucketWindow(seconds: 900, interval: .milliseconds(10))
        for i in 0..<200_000 { window.append(Self.value(i)) } // 2,000 s of samples
        #expect(window.bucketCount == 900)
        #expect(window.count == 89_901)
    }

    @Test func minAndMaxSlideOutWithTheirSecond() throws {
        // 2 s window, 500 ms interval: seconds 0 (one sample at 0.5 s), 1, 2, 3…
        var window = BucketWindow(seconds: 2, interval: .milliseconds(500))
        for value in [100.0, -5, 3, 4, 5, 6] { window.append(value) } // seconds 0, 1, 1, 2, 2, 3
        // Window = seconds 2…3: samples 4, 5 (second 2) and 6 (second 3).
        let summary = try #require(window.summary)
        #expect(summary.count == 3 && summary.min == 4 && summary.max == 6 && summary.avg == 5)
        // Means 4.5 and 6: p50 at rank 0.5 → 5.25.
        #expect(summary.p50 == 5.25)
        #expect(window.values == [4.5, 6])
    }

    @Test func changingTheIntervalKeepsTheBuckets() throws {
        var window = BucketWindow(seconds: 10, interval: .seconds(1))
        for value in [1.0, 2, 3] { window.append(value) } // seconds 1, 2, 3
        window.setInterval(.milliseconds(500))
        for value in [4.0, 6] { window.append(value) } // 3.5 s → second 3, 4 s → second 4
        #expect(window.values == [1, 2, 3.5, 6])
        #expect(window.count == 5)
    }

    @Test func nonFiniteValuesAreIgnored() {
        var window = BucketWindow(seconds: 60, interval: .seconds(1))
        window.append(.nan)
        window.append(-.infinity)
        #expect(window.summary == nil && window.isEmpty)
    }
}

/// The treap under RollingWindow, against a sorted array (numpy's method on it) through random replacements with
/// many duplicates.
@Suite struct OrderStatisticTreeTests {
    @Test(arguments: [1, 2, 7, 300, 6_000])
    func matchesSortedReference(capacity: Int) {
        var window = RollingWindow(capacity: capacity)
        var reference: [Double] = []
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        for step in 0..<(capacity * 3 + 50) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double((state >> 33) % 50) / 4 // many equal values
            window.append(value)
            reference.append(value)
            if reference.count > capacity { reference.removeFirst() }
            if step % max(1, capacity / 5) == 0 {
                let sorted = reference.sorted()
                for q in [0, 0.01, 0.5, 0.95, 0.99, 1] {
                    #expect(window.percentile(q) == RollingWindow.percentile(q, ofSorted: sorted))
                }
                #expect(window.values == reference)
                #expect(window.summary?.min == sorted.first && window.summary?.max == sorted.last)
            }
        }
    }

    /// Every rank's pair (k-th, (k+1)-th) from one descent, and the extremes, against the sorted values, through
    /// random replacements of slots (duplicates included).
    @Test(arguments: [1, 2, 3, 64, 500])
    func pairsAndExtremesAtEveryRank(capacity: Int) {
        var tree = OrderStatisticTree()
        var held: [Double] = []
        var state: UInt64 = 0xDEAD_BEEF_0BAD_F00D
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % 40) - 20
        }
        for slot in 0..<capacity {
            held.append(next())
            tree.insert(held[slot], slot: slot)
        }
        for round in 0..<4 {
            if round > 0 {
                for _ in 0..<capacity {
                    let slot = Int(state >> 40) % capacity
                    held[slot] = next()
                    tree.replace(slot: slot, with: held[slot])
                }
            }
            let sorted = held.sorted()
            for k in sorted.indices {
                let pair = tree.selectPair(k)
                #expect(pair.0 == sorted[k] && pair.1 == sorted[min(k + 1, sorted.count - 1)], "k \(k)")
            }
            #expect(tree.extremes?.min == sorted.first && tree.extremes?.max == sorted.last)
            #expect(tree.isConsistent)
        }
        // Emptied slot by slot, in an order unrelated to the values, the tree stays consistent down to nothing.
        for slot in (0..<capacity).sorted(by: { ($0 &* 7919) % capacity < ($1 &* 7919) % capacity }) {
            tree.remove(slot: slot)
            #expect(tree.isConsistent)
        }
        #expect(tree.count == 0)
        #expect(OrderStatisticTree().extremes == nil)
    }

    /// A NaN quantile has no rank (nil, never a trap); ±∞ and out-of-range quantiles clamp to the extremes.
    @Test func hostileQuantilesNeitherTrapNorLeaveTheRange() {
        var window = RollingWindow(capacity: 5)
        for value in [3.0, 1, 4, 1, 5] { window.append(value) }
        #expect(window.percentile(.nan) == nil)
        #expect(RollingWindow.percentile(.nan, ofSorted: [1, 2]) == nil)
        #expect(window.percentile(.infinity) == 5 && window.percentile(-.infinity) == 1)
        #expect(window.percentile(1e300) == 5 && window.percentile(-2) == 1)
        #expect(RollingWindow.percentile(.infinity, ofSorted: [1, 2]) == 2)
        #expect(RollingWindow.percentile(0.5, ofSorted: []) == nil)
    }
}
