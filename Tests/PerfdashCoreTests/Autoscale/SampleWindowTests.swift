import Testing
@testable import PerfdashCore

@Suite("Sample window")
struct SampleWindowTests {
    /// DESIGN.md's reference: [15, 20, 35, 40, 50] → p95 = 48, p99 = 49.6 (numpy, linear interpolation).
    @Test func percentilesMatchNumpy() throws {
        var window = SampleWindow(seconds: 60)
        for (time, value) in [35.0, 50, 15, 40, 20].enumerated() { window.add(time: Double(time), value: value) }
        #expect(window.value(.p95) == 48)
        #expect(abs(try #require(window.value(.p99)) - 49.6) < 1e-12)
        #expect(window.value(.p50) == 35)
        #expect(window.value(.avg) == 32)      // 160 / 5
        #expect(window.value(.min) == 15)
        #expect(window.value(.max) == 50)
        #expect(window.value(.last) == 20)
    }

    @Test func evictionKeepsSortedCopyInStep() {
        // 10 s window; 200 samples, one per second, value = time mod 7: the window holds t in (t−10, t].
        var window = SampleWindow(seconds: 10)
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

    @Test func zeroWindowKeepsTheNewestOnly() {
        var window = SampleWindow(seconds: 0)
        window.add(time: 0, value: 5)
        window.add(time: 1, value: 9)
        window.add(time: 1, value: .nan)   // dropped
        #expect(window.count == 1)
        #expect(window.value(.avg) == 9)
    }
}
