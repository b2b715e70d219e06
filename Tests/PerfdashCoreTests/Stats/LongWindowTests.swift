import Testing
@testable import PerfdashCore

@Suite struct LongWindowTests {
    /// A deterministic series with runs, repeats and negative values, longer than every window.
    private static func series(_ count: Int) -> [Double] {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return index % 97 < 10 ? 3 : Double((state >> 33) % 2_000) / 8 - 50
        }
    }

    /// From 1 s on, the window holds the raw samples, and every statistic at every step is the per-second window's:
    /// a second holds one sample, so both are numpy's over the last ⌈length / interval⌉ values
    /// (`BucketWindowTests.atOneSecondOrMoreEveryStatisticIsExact` checks the per-second window against numpy).
    @Test(arguments: [(300, Duration.seconds(1)), (900, .seconds(1)), (300, .seconds(2)), (900, .seconds(7)),
                      (300, .seconds(600))])
    func fromOneSecondOnItHoldsTheSamplesAndAgreesWithThePerSecondWindow(seconds: Int, interval: Duration) {
        var window = LongWindow(seconds: seconds, interval: interval)
        var reference = BucketWindow(seconds: seconds, interval: interval)
        #expect(window.holdsSamples)
        for (step, value) in Self.series(2_000).enumerated() {
            window.append(value)
            reference.append(value)
            #expect(window.summary == reference.summary, "step \(step)")
        }
        #expect(window.values == reference.values)
        #expect(window.suffix(5) == reference.suffix(5))
    }

    @Test func belowOneSecondItKeepsPerSecondBuckets() {
        var window = LongWindow(seconds: 300, interval: .milliseconds(250))
        #expect(!window.holdsSamples)
        // Seconds 0…2 of 250 ms samples: [1, 2, 3] (second 0: the first three), [4, 5, 6, 7], [8].
        for value in 1...8 { window.append(Double(value)) }
        #expect(window.values == [2, 5.5, 8])
        #expect(window.summary?.count == 8)
        #expect(window.summary?.avg == 4.5)
        #expect(window.summary?.min == 1 && window.summary?.max == 8)
    }

    /// Across 1 s the values carry over: samples join the buckets of their seconds at the old interval, and
    /// per-second means become the samples.
    @Test func changingTheIntervalAcrossOneSecondCarriesTheValues() {
        var window = LongWindow(seconds: 300, interval: .seconds(1))
        for value in 1...10 { window.append(Double(value)) }
        window.setInterval(.milliseconds(500), seconds: 300, from: .seconds(1))
        #expect(!window.holdsSamples)
        #expect(window.values == Array(1...10).map(Double.init))
        // The window's clock stands at 10 s: 10.5 s joins second 10 (with 10), 11 s opens second 11.
        window.append(20)
        window.append(30)
        #expect(window.values == [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 30])
        #expect(window.summary?.count == 12)

        window.setInterval(.seconds(60), seconds: 300, from: .milliseconds(500))
        #expect(window.holdsSamples)
        // ⌈300 s / 60 s⌉ = 5: the newest five per-second means.
        #expect(window.values == [7, 8, 9, 15, 30])
        window.append(1)
        #expect(window.values == [8, 9, 15, 30, 1])
        #expect(window.summary?.min == 1 && window.summary?.max == 30)

        window.setInterval(.seconds(100), seconds: 300, from: .seconds(60))
        #expect(window.values == [15, 30, 1])
    }

    /// The tree's storage grows by doubling but stops at the window's capacity: 300 values take 300 slots, not the
    /// 512 a doubling array would hold.
    @Test(arguments: [1, 60, 300, 900])
    func storageStopsAtTheCapacity(capacity: Int) {
        var tree = OrderStatisticTree(capacity: capacity)
        for slot in 0..<capacity { tree.insert(Double(slot % 13), slot: slot) }
        #expect(tree.count == capacity)
        #expect(tree.reservedSlots >= capacity && tree.reservedSlots < capacity + 16)
        #expect(tree.isConsistent)
    }
}
