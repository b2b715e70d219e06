/// A 5 m or 15 m window: the raw samples at an interval of 1 s or more, per-second aggregates below it.
///
/// At 1 s or more a second holds at most one sample, so a per-second window would be the last ⌈length / interval⌉
/// samples anyway: there a `RollingWindow` keeps them at 20 bytes each, where a `BucketWindow` spends 44 and two
/// monotonic queues (the dashboard's default interval is 1 s). Below 1 s the buckets bound memory by the window's
/// length in seconds. Either way the statistics are those `docs/statistics.md` states.
struct LongWindow: Sendable, Equatable {
    /// Exactly one of the two is set: optionals rather than an enum's payloads, so an append mutates in place (an
    /// enum's payload, bound and re-wrapped, would be copied whole on every sample).
    private var samples: RollingWindow?
    private var buckets: BucketWindow?

    /// An empty window `seconds` long for samples `interval` apart.
    init(seconds: Int, interval: Duration) {
        if interval >= .seconds(1) {
            samples = RollingWindow(capacity: Self.capacity(seconds, interval))
        } else {
            buckets = BucketWindow(seconds: seconds, interval: interval)
        }
    }

    /// Whether the window holds raw samples (an interval of 1 s or more) rather than per-second buckets.
    var holdsSamples: Bool { samples != nil }

    /// Adds a sample one interval after the previous one. Non-finite values are ignored.
    mutating func append(_ value: Double) {
        samples?.append(value)
        buckets?.append(value)
    }

    /// count, avg, min, max, p50, p95, p99; nil when empty.
    var summary: Summary? { samples?.summary ?? buckets?.summary }

    /// The newest `limit` values, oldest first: samples, or per-second means below 1 s.
    func suffix(_ limit: Int) -> [Double] { samples?.suffix(limit) ?? buckets?.suffix(limit) ?? [] }

    /// Every value held, oldest first.
    var values: [Double] { suffix(.max) }

    /// Carries the window over to a new interval. Within one kind the values stay as they are (samples resized to
    /// the newest ⌈length / interval⌉, buckets kept in their seconds); across 1 s the values held become the other
    /// kind's, oldest first: samples join the buckets of their seconds at the old interval, and per-second means
    /// become samples.
    mutating func setInterval(_ interval: Duration, seconds: Int, from old: Duration) {
        let toSamples = interval >= .seconds(1)
        if let held = samples {
            if toSamples {
                samples = held.resized(to: Self.capacity(seconds, interval))
                return
            }
            var window = BucketWindow(seconds: seconds, interval: old)
            for value in held.values { window.append(value) }
            window.setInterval(interval)
            (samples, buckets) = (nil, window)
        } else if let held = buckets {
            if !toSamples {
                buckets?.setInterval(interval)
                return
            }
            var window = RollingWindow(capacity: Self.capacity(seconds, interval))
            for value in held.suffix(window.capacity) { window.append(value) }
            (samples, buckets) = (window, nil)
        }
    }

    /// ⌈seconds / interval⌉, at least 1.
    private static func capacity(_ seconds: Int, _ interval: Duration) -> Int {
        Swift.max(1, Int(saturating: (Duration.seconds(seconds) / interval).rounded(.up)))
    }
}
