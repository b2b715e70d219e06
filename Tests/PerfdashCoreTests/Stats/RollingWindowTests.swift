import Testing
@testable import PerfdashCore

@Suite struct RollingWindowTests {
    @Test func designExampleMatchesTheDefinition() throws {
        // [15, 20, 35, 40, 50]: p95 rank 0.95·4 = 3.8 → 40 + 0.8·(50 − 40) = 48; p99 rank 3.96 → 40 + 0.96·10 = 49.6;
        // p50 rank 2 → 35.
        var window = RollingWindow(capacity: 5)
        for value in [40.0, 15, 50, 20, 35] { window.append(value) }
        let summary = try #require(window.summary)
        #expect(summary.count == 5)
        #expect(approx(summary.p95, 48))
        #expect(approx(summary.p99, 49.6))
        #expect(summary.p50 == 35)
        #expect(summary.min == 15)
        #expect(summary.max == 50)
        #expect(approx(summary.avg, 32)) // 160 / 5
    }

    @Test func slidingWindowMatchesNumpy() throws {
        // numpy 2.4: w = [4.4, 0.5, 7.25, 2.0, 8.1, 6.6, 5.5, 3.3] (the last 8 of the 12 appended);
        // np.percentile(w, 50|95|99) = 4.95, 7.802499999999999, 8.0405; w.mean() = 4.70625.
        var window = RollingWindow(capacity: 8)
        for value in [3.7, 1.2, 9.9, 4.4, 4.4, 0.5, 7.25, 2.0, 8.1, 6.6, 5.5, 3.3] { window.append(value) }
        let summary = try #require(window.summary)
        #expect(summary.count == 8)
        #expect(approx(summary.p50, 4.95))
        #expect(approx(summary.p95, 7.802499999999999))
        #expect(approx(summary.p99, 8.0405))
        #expect(approx(summary.avg, 4.70625))
        #expect(summary.min == 0.5)
        #expect(summary.max == 8.1)
        #expect(window.values == [4.4, 0.5, 7.25, 2.0, 8.1, 6.6, 5.5, 3.3])
        #expect(window.latest == 3.3)
    }

    @Test func longRunMatchesNumpy() throws {
        // s = [((i*7919) % 1000)/10 + (i % 7)*0.013 for i in range(1000)], w = s[-300:]; numpy 2.4 gives
        // quantile 0.5 = 49.4825, 0.95 = 95.1293, 0.99 = 98.86734999999999, 0.25 = 24.66825,
        // mean = 49.755536666666664, min = 0.42600000000000005, max = 99.75200000000001.
        var window = RollingWindow(capacity: 300)
        for i in 0..<1000 { window.append(Double((i * 7919) % 1000) / 10 + Double(i % 7) * 0.013) }
        let summary = try #require(window.summary)
        #expect(summary.count == 300)
        #expect(approx(summary.p50, 49.4825))
        #expect(approx(summary.p95, 95.1293))
        #expect(approx(summary.p99, 98.86734999999999))
        #expect(approx(window.percentile(0.25), 24.66825))
        #expect(approx(summary.avg, 49.755536666666664))
        #expect(approx(summary.min, 0.42600000000000005))
        #expect(approx(summary.max, 99.75200000000001))
    }

    @Test func sortedCopyStaysSortedThroughDuplicatesAndReplacements() {
        // Every replacement direction: new above, below and equal to the value leaving.
        var window = RollingWindow(capacity: 4)
        let inputs: [Double] = [5, 5, 1, 9, 5, 0, 9, 9, 3, 3, 3, 7]
        for (index, value) in inputs.enumerated() {
            window.append(value)
            let expected = Array(inputs[max(0, index - 3)...index]).sorted()
            #expect(window.percentile(0) == expected.first)
            #expect(window.percentile(1) == expected.last)
            #expect(approx(window.percentile(0.5), RollingWindow.percentile(0.5, ofSorted: expected)))
        }
    }

    @Test func emptyWindowHasNoSummaryAndNonFiniteValuesAreIgnored() {
        var window = RollingWindow(capacity: 3)
        #expect(window.summary == nil)
        #expect(window.percentile(0.5) == nil)
        window.append(.nan)
        window.append(.infinity)
        #expect(window.isEmpty)
        window.append(2)
        #expect(window.summary == Summary(count: 1, avg: 2, min: 2, max: 2, p50: 2, p95: 2, p99: 2))
    }

    @Test func resizingKeepsTheNewestValues() {
        var window = RollingWindow(capacity: 5)
        for value in [1.0, 2, 3, 4, 5, 6, 7] { window.append(value) }
        #expect(window.values == [3, 4, 5, 6, 7])
        #expect(window.resized(to: 3).values == [5, 6, 7])
        #expect(window.resized(to: 10).values == [3, 4, 5, 6, 7])
    }
}
