import Foundation

/// When the demo's load rises and falls: a gently varying base rate, periodic traffic bursts with cold-key scans,
/// periodic batch-job dumps, and a drifting hot set. A pure function of virtual time, so a run is reproducible.
///
/// With the defaults every minute has a burst at 0:30–0:38 (2.5× traffic, 30 % of it scanning cold keys, so the L1
/// hit rate dips under the 85 % target) and 240 batch jobs at 0:45; every two minutes the popular keys shift.
public struct LoadSchedule: Sendable, Equatable {
    /// Requests per second outside bursts, before the slow wave.
    public var baseRate: Double
    /// Relative amplitude of the slow wave on the base rate (0.2 = ±20 %).
    public var waveAmplitude: Double
    /// Period of the slow wave.
    public var wavePeriod: Duration
    /// Length of one burst cycle; bursts and dumps repeat with it. Zero disables bursts and dumps.
    public var cycle: Duration
    /// Offset of the burst inside the cycle.
    public var burstStart: Duration
    /// How long a burst lasts.
    public var burstLength: Duration
    /// Rate multiplier during a burst.
    public var burstMultiplier: Double
    /// Fraction of burst requests that scan uniformly random (cold) keys.
    public var burstScanFraction: Double
    /// Offset of the batch dump inside the cycle.
    public var dumpAt: Duration
    /// Batch jobs enqueued at each dump.
    public var dumpJobs: Int
    /// Every this long the popularity ranking rotates by `hotSetShift` keys. Zero disables the drift.
    public var hotSetEvery: Duration
    /// How many keys the ranking rotates by at each shift.
    public var hotSetShift: Int

    /// The demo's default schedule around `baseRate` requests per second.
    public static func standard(baseRate: Double = 300) -> LoadSchedule {
        LoadSchedule(baseRate: baseRate, waveAmplitude: 0.2, wavePeriod: .seconds(37), cycle: .seconds(60),
                     burstStart: .seconds(30), burstLength: .seconds(8), burstMultiplier: 2,
                     burstScanFraction: 0.15, dumpAt: .seconds(45), dumpJobs: 240,
                     hotSetEvery: .seconds(120), hotSetShift: 400)
    }

    /// A flat rate with no wave, bursts, dumps or drift: traffic whose counters are easy to reason about.
    public static func steady(rate: Double) -> LoadSchedule {
        LoadSchedule(baseRate: rate, waveAmplitude: 0, wavePeriod: .seconds(1), cycle: .zero,
                     burstStart: .zero, burstLength: .zero, burstMultiplier: 1, burstScanFraction: 0,
                     dumpAt: .zero, dumpJobs: 0, hotSetEvery: .zero, hotSetShift: 0)
    }

    /// Creates a schedule from all its parameters.
    public init(baseRate: Double, waveAmplitude: Double, wavePeriod: Duration, cycle: Duration,
                burstStart: Duration, burstLength: Duration, burstMultiplier: Double, burstScanFraction: Double,
                dumpAt: Duration, dumpJobs: Int, hotSetEvery: Duration, hotSetShift: Int) {
        self.baseRate = baseRate
        self.waveAmplitude = waveAmplitude
        self.wavePeriod = wavePeriod
        self.cycle = cycle
        self.burstStart = burstStart
        self.burstLength = burstLength
        self.burstMultiplier = burstMultiplier
        self.burstScanFraction = burstScanFraction
        self.dumpAt = dumpAt
        self.dumpJobs = dumpJobs
        self.hotSetEvery = hotSetEvery
        self.hotSetShift = hotSetShift
    }

    /// Whether `time` falls inside a burst.
    public func isBurst(at time: Duration) -> Bool {
        guard cycle > .zero else { return false }
        let phase = time.seconds.truncatingRemainder(dividingBy: cycle.seconds)
        return phase >= burstStart.seconds && phase < (burstStart + burstLength).seconds
    }

    /// Requests per second at `time`.
    public func rate(at time: Duration) -> Double {
        let wave = 1 + waveAmplitude * sin(2 * Double.pi * time.seconds / wavePeriod.seconds)
        return baseRate * wave * (isBurst(at: time) ? burstMultiplier : 1)
    }

    /// Fraction of requests at `time` that go to uniformly random keys instead of the popular ones.
    public func scanFraction(at time: Duration) -> Double {
        isBurst(at: time) ? burstScanFraction : 0
    }

    /// How far the popularity ranking has rotated at `time`, in keys.
    public func hotSetOffset(at time: Duration) -> Int {
        guard hotSetEvery > .zero else { return 0 }
        return Int(time.seconds / hotSetEvery.seconds) * hotSetShift
    }

    /// Number of batch dumps scheduled in the half-open interval (`start`, `end`].
    public func dumps(after start: Duration, through end: Duration) -> Int {
        guard cycle > .zero, dumpJobs > 0, end > start else { return 0 }
        // Dumps happen at dumpAt + k·cycle; count the k with start < instant ≤ end.
        func dumpsThrough(_ time: Duration) -> Int {
            let shifted = time.seconds - dumpAt.seconds
            return shifted < 0 ? 0 : Int((shifted / cycle.seconds).rounded(.down)) + 1
        }
        return dumpsThrough(end) - dumpsThrough(start)
    }
}

extension Duration {
    /// The duration as a floating-point number of seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
