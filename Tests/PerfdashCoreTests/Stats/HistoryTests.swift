import Testing
@testable import PerfdashCore

@Suite struct HistoryTests {
    @Test(arguments: [
        // ⌈window / interval⌉: 60 s / 1 s = 60; 300 s / 250 ms = 1200; 900 s / 7 s = 128.57 → 129; 60 s / 10 ms = 6000.
        (StatsWindow.oneMinute, Duration.seconds(1), 60),
        (.fiveMinutes, .milliseconds(250), 1200),
        (.fifteenMinutes, .seconds(7), 129),
        (.oneMinute, .milliseconds(10), 6000),
        (.oneMinute, .seconds(120), 1),
    ])
    func windowCapacity(window: StatsWindow, interval: Duration, expected: Int) {
        #expect(window.capacity(at: interval) == expected)
    }

    @Test func windowsSeeDifferentSpans() throws {
        // At a 20 s interval the 1 m window holds 3 samples, 5 m holds 15, 15 m holds 45.
        var history = History(interval: .seconds(20))
        for value in 1...20 { history.record("x", Double(value)) }
        // 1 m: [18, 19, 20] → avg 19; 5 m: [6…20] → avg 13; 15 m: all 20 → avg 10.5.
        #expect(history.summary("x", window: .oneMinute)?.avg == 19)
        #expect(history.summary("x", window: .fiveMinutes)?.avg == 13)
        #expect(history.summary("x", window: .fifteenMinutes)?.avg == 10.5)
        #expect(history.summary("x", window: .fiveMinutes)?.count == 15)
        #expect(history.values("x", window: .oneMinute) == [18, 19, 20])
        #expect(history.summary("unknown", window: .oneMinute) == nil)
    }

    @Test func changingTheIntervalResizesAndKeepsTheNewest() {
        // 20 s → 30 s: the 1 m window shrinks from 3 to 2 samples, the newest two.
        var history = History(interval: .seconds(20))
        for value in 1...5 { history.record("x", Double(value)) }
        history.setInterval(.seconds(30))
        #expect(history.values("x", window: .oneMinute) == [4, 5])
        #expect(history.oneMinuteWindow("x")?.capacity == 2)
    }

    @Test(arguments: [("1m", StatsWindow.oneMinute), ("5m", .fiveMinutes), ("15m", .fifteenMinutes)])
    func windowParsing(text: String, window: StatsWindow) {
        #expect(StatsWindow(parsing: text) == window)
    }

    @Test func unknownWindowIsRefusedAndCycleWraps() {
        #expect(StatsWindow(parsing: "2m") == nil)
        #expect(StatsWindow.oneMinute.next.next.next == .oneMinute)
    }

    /// The tick's cached summary equals the computed one at every step: through runs of one value (the cache
    /// holds), changes, -0.0 after 0.0, NaN (ignored), the sum's periodic recomputation and an interval change.
    @Test func cachedSummaryMatchesTheComputedOne() {
        var history = History(interval: .seconds(1))
        let id = history.id(for: "disk.sda.read_bytes_per_second")
        var values: [Double] = Array(repeating: 0, count: 130) + [5, 5, -0.0, 0, .nan, 0.1, 0.2, 0.3]
        values += Array(repeating: 0.3, count: 70) + (0..<50).map { Double($0 % 7) }
        for (step, value) in values.enumerated() {
            if step == 190 { history.setInterval(.milliseconds(500)) }
            history.record(id, value)
            let cached = history.cachedSummary(id, window: .oneMinute)
            let computed = history.summary(id, window: .oneMinute)
            #expect(cached == computed, "step \(step)")
            #expect(cached?.min.bitPattern == computed?.min.bitPattern, "step \(step)")
        }
        // The 5 m window is never cached: its sample count moves with every append.
        history.record(id, 9)
        #expect(history.cachedSummary(id, window: .fiveMinutes) == history.summary(id, window: .fiveMinutes))
    }
}
