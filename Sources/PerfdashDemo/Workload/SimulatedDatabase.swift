/// The L3 "database": every key has a row except one in `missingEvery`, and queries slow down as the connection
/// pool fills, the way a real database does under contention.
public struct SimulatedDatabase: Sendable {
    /// One key in this many has no row (`key % missingEvery == missingEvery - 1`), giving steady 404s; 0 = none missing.
    public let missingEvery: Int
    /// Median query time on an idle pool.
    public let medianLatency: Duration
    private var random: SeededRandom

    /// Creates the database with its own seeded latency draws.
    public init(missingEvery: Int, medianLatency: Duration, seed: UInt64) {
        self.missingEvery = max(0, missingEvery)
        self.medianLatency = medianLatency
        random = SeededRandom(seed: seed)
    }

    /// Whether `key` has a row.
    public func hasRow(_ key: Int) -> Bool {
        missingEvery == 0 || key % missingEvery != missingEvery - 1
    }

    /// Draws the time of the next query at pool utilization `utilization` (0…1): up to 3× slower when full.
    public mutating func queryLatency(utilization: Double) -> Duration {
        let load = min(max(utilization, 0), 1)
        let median = medianLatency.seconds * (1 + 2 * load * load)
        return .seconds(random.logNormal(median: median, sigma: 0.6))
    }
}
