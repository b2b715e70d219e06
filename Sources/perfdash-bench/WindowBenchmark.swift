import PerfdashCore

/// µs per rolling-window update plus a p99 read on a full 3,600-sample window. Target ≤ 5 µs.
func windowBenchmark() {
    var window = RollingWindow(capacity: 3600)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    // A cheap xorshift stream of values in 0…100, like a percentage series.
    func next() -> Double {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Double(state % 10_000) / 100
    }
    for _ in 0..<3600 { window.append(next()) }
    var sink = 0.0
    var best = Double.infinity
    for _ in 0..<5 {
        best = min(best, microsecondsPerIteration(200_000) {
            window.append(next())
            sink += window.percentile(0.99) ?? 0
        })
    }
    var history = History(interval: .seconds(1))
    let names = (0..<50).map { "series\($0)" }
    let perTick = microsecondsPerIteration(2000) {
        for name in names { history.record(name, next()) }
        sink += history.summary(names[0], window: .fifteenMinutes)?.p99 ?? 0
    }
    print(String(format: "window: update + p99 at 3,600 samples %.3f µs (target ≤ 5 µs)", best))
    // The cost must not grow with the window: the same update + p99 at 600, 6,000 and 60,000 samples, and a 15 m
    // per-second window fed every 10 ms (90,000 samples in the window, 900 buckets).
    var costs: [String] = []
    for capacity in [600, 6_000, 60_000] {
        var sized = RollingWindow(capacity: capacity)
        for _ in 0..<capacity { sized.append(next()) }
        let cost = microsecondsPerIteration(100_000) {
            sized.append(next())
            sink += sized.percentile(0.99) ?? 0
        }
        costs.append(String(format: "%d: %.3f µs", capacity, cost))
    }
    var bucketed = BucketWindow(seconds: 900, interval: .milliseconds(10))
    for _ in 0..<90_000 { bucketed.append(next()) }
    let bucketCost = microsecondsPerIteration(100_000) {
        bucketed.append(next())
        sink += bucketed.summary?.p99 ?? 0
    }
    print("window: update + p99 by window size, " + costs.joined(separator: ", ")
          + String(format: "; 15 m at 10 ms (per-second buckets) update + summary %.3f µs", bucketCost))
    print(String(format: "window: History.record of 50 series × 3 windows at 1 s %.2f µs per tick", perTick))
    if sink == -1 { print("") }
}
