/// The demo's request stream: Poisson arrivals at the schedule's rate, Zipf-popular keys with cold scans during
/// bursts, and a share of requests that enqueue a background job. Deterministic for a given seed.
public struct SeededTraffic: TrafficSource {
    /// The load schedule that sets the rate, scans and hot-set drift.
    public let schedule: LoadSchedule
    /// Number of distinct keys.
    public let keySpace: Int
    /// Fraction of requests that enqueue a job.
    public let jobFraction: Double

    private let popularity: ZipfSampler
    private var random: SeededRandom
    private var clock: Duration = .zero

    /// Share of enqueued jobs per queue, cumulative, in priority order (10 % high, 50 % normal, 30 % low, 10 % batch).
    private static let jobMix: [(JobPriority, Double)] = [(.high, 0.1), (.normal, 0.6), (.low, 0.9), (.batch, 1.0)]

    /// Creates the stream; `zipfExponent` near 1 gives the skew of typical web cache traffic.
    public init(seed: UInt64, schedule: LoadSchedule, keySpace: Int, zipfExponent: Double, jobFraction: Double) {
        self.schedule = schedule
        self.keySpace = keySpace
        self.jobFraction = jobFraction
        popularity = ZipfSampler(count: keySpace, exponent: zipfExponent)
        random = SeededRandom(seed: seed)
    }

    public mutating func next() -> DemoRequest? {
        clock += .seconds(random.exponential(mean: 1 / schedule.rate(at: clock)))
        let key: Int
        if random.chance(schedule.scanFraction(at: clock)) {
            key = random.index(below: keySpace)
        } else {
            key = (popularity.sample(using: &random) + schedule.hotSetOffset(at: clock)) % keySpace
        }
        var job: JobPriority?
        if random.chance(jobFraction) {
            let u = random.unit()
            job = Self.jobMix.first { u < $0.1 }?.0 ?? .batch
        }
        return DemoRequest(arrival: clock, key: key, job: job)
    }
}
