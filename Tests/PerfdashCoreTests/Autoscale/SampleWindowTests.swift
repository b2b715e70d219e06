import Testing
@testable import PerfdashCore

@Suite("Sample window")
struct SampleWindowTests {
    /// DESIGN.md's reference: [15, 20, 35, 40, 50] → p95 = 48, p99 = 49.6 (numpy, linear interpolation).
    /// The same figures from an ordered window (the tree) and from one kept without it (a pass over the values).
    @Test(arguments: [true, false])
    func percentilesMatchNumpy(ordered: Bool) throws {
        var window = SampleWindow(seconds: 60, ordered: ordered)
        for (time, value) in [35.0, 50, 15, 40, 20].enumerated() { window.add(time: Double(time), value: value) }
        #expect(window.value(.p95) == 48)
        #expect(abs(try #require(window.value(.p99)) - 49.6) < 1e-12)
        #expect(window.value(.p50) == 35)
        #expect(window.value(.avg) == 32)      // 160 / 5
        #expect(window.value(.min) == 15)
        #expect(window.value(.max) == 50)
        #expect(window.value(.last) == 20)
    }

    @Test(arguments: [true, false])
    func evictionKeepsSortedCopyInStep(ordered: Bool) {
        // 10 s window; 200 samples, one per second, value = time mod 7: the window holds t in (t−10, t].
        var window = SampleWindow(seconds: 10, ordered: ordered)
        for time in 0..<200 { window.add(time: Double(time), value: Double(time % 7)) }
        // Times 190…199 → values 1,2,3,4,5,6,0,1,2,3: min 0, max 6, mean 27/10.
        #expect(window.count == 10)
        #expect(window.value(.min) == 0)
        #expect(window.value(.max) == 6)
        #expect(window.value(.avg) == 2.7)
        window.evict(now: 205)              // keeps 196…199 → 0,1,2,3
        #expect(window.count == 4)
        #expect(window.value(.max) == 3)
        window.evict(now: 300)
        #expect(window.value(.avg) == nil)
    }

    /// Only the aggregates that need the order keep the tree; every built-in alert rule reads avg or last.
    @Test func theAggregateDecidesWhetherTheWindowIsOrdered() {
        #expect(Aggregate.allCases.filter { SampleWindow(seconds: 1, for: $0).ordered } == [.min, .max, .p50, .p95, .p99])
        #expect(BuiltinAlerts.rules.allSatisfy { !SampleWindow(seconds: $0.windowSeconds, for: $0.aggregate).ordered })
    }

    @Test(arguments: [true, false])
    func zeroWindowKeepsTheNewestOnly(ordered: Bool) {
        var window = SampleWindow(seconds: 0, ordered: ordered)
        window.add(time: 0, value: 5)
        window.add(time: 1, value: 9)
        window.add(time: 1, value: .nan)   // dropped
        #expect(window.count == 1)
        #expect(window.value(.avg) == 9)
    }
}

@Suite("Sample window against a brute-force reference")
struct SampleWindowReferenceTests {
    /// Every aggregate by its definition over `values` (arrival order): numpy's linear percentiles over a sorted
    /// copy, the mean by summing in order.
    private static func reference(_ values: [Double]) -> [Aggregate: Double] {
        let sorted = values.sorted()
        func percentile(_ q: Double) -> Double {
            let rank = q * Double(sorted.count - 1)
            let lower = Int(rank.rounded(.down))
            let upper = Swift.min(lower + 1, sorted.count - 1)
            return RollingWindow.lerp(sorted[lower], sorted[upper], fraction: rank - Double(lower))
        }
        return [.avg: values.reduce(0, +) / Double(values.count), .min: sorted[0], .max: sorted[sorted.count - 1],
                .last: values[values.count - 1], .p50: percentile(0.50), .p95: percentile(0.95),
                .p99: percentile(0.99)]
    }

    /// Irregular arrival times (gaps, bursts at one instant, long silences), values with ties and both signs:
    /// after every step each aggregate equals the reference over the samples with t > now − 30.
    @Test(arguments: [UInt64(1), 7, 42])
    func everyStepMatchesTheReference(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var window = SampleWindow(seconds: 30)
        var samples: [(time: Double, value: Double)] = []
        var first = 0
        var now = 0.0
        for _ in 0..<3_000 {
            switch random.next() % 10 {
            case 0: now += Double(random.next() % 40)      // a silence, sometimes longer than the window
            case 1, 2: break                               // same instant
            default: now += 0.25
            }
            let value = Double(Int(random.next() % 200) - 100) / 4
            window.add(time: now, value: value)
            samples.append((now, value))
            while samples[first].time <= now - 30 { first += 1 }   // times never decrease
            let held = samples[first...].map(\.value)
            #expect(window.count == held.count)
            for (aggregate, want) in Self.reference(held) {
                let got = try #require(window.value(aggregate))
                #expect(abs(got - want) <= 1e-9 * Swift.max(1, abs(want)), "\(aggregate) at t=\(now)")
            }
        }
        // Storage follows the most samples held at once, not the 3,000 that passed through.
        #expect(window.slotsAllocated < 400)
    }

    /// A sample near the largest Double must not leave the average infinite once it has left the window.
    @Test func hugeValuesDoNotPoisonTheAverage() {
        var window = SampleWindow(seconds: 10)
        window.add(time: 0, value: 1.7e308)
        window.add(time: 1, value: 1.7e308)
        #expect(window.value(.avg) == 1.7e308)
        window.add(time: 10.5, value: 4)
        window.add(time: 11.5, value: 6)
        #expect(window.count == 2)
        #expect(window.value(.avg) == 5)
        #expect(window.value(.max) == 6)
    }
}

/// A small deterministic generator (SplitMix64), so the sequences repeat.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
