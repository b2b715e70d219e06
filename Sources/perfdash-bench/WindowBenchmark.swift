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
    print(String(format: "window: History.record of 50 series × 3 windows at 1 s %.2f µs per tick", perTick))
    if sink == -1 { print("") }
}
