/// The recent scrapes of one service, each with the time it was taken, bounded in count.
///
/// Size it for the longest stats window (15 m at the scrape interval, see `capacity(window:interval:)`) and ask
/// for any shorter window with `metrics(over:)`. Times are seconds on the caller's monotonic clock.
public struct ServiceWindow: Sendable {
    /// The most scrapes kept; older ones are dropped.
    public let capacity: Int
    private var times: [Double] = []
    private var samples: [ServiceSample] = []
    /// Index of the oldest entry once the ring is full.
    private var head = 0

    /// A window keeping at most `capacity` scrapes (at least 2, for one delta).
    public init(capacity: Int) {
        self.capacity = max(2, capacity)
    }

    /// The number of scrapes a window of `window` seconds needs at one scrape per `interval` seconds
    /// (both ends included: 60 s at 1 s → 61).
    public static func capacity(window: Double, interval: Double) -> Int {
        guard interval > 0 else { return 2 }
        return Int(saturating: (window / interval).rounded(.up), nan: 1).addingSaturating(1)
    }

    /// Scrapes held.
    public var count: Int { samples.count }

    /// The latest scrape, if any.
    public var latest: ServiceSample? {
        samples.isEmpty ? nil : samples[(head + samples.count - 1) % samples.count]
    }

    /// Records a scrape taken at `time`.
    public mutating func append(_ sample: ServiceSample, at time: Double) {
        if samples.count < capacity {
            samples.append(sample)
            times.append(time)
        } else {
            samples[head] = sample
            times[head] = time
            head = (head + 1) % capacity
        }
    }

    /// Metrics over the scrapes of the last `window` seconds (those taken at or after latest − window);
    /// nil when there is no scrape. One scrape gives current queue depths but no rates or quantiles.
    public func metrics(over window: Double) -> ServiceMetrics? {
        let ordered = (0..<samples.count).map { (head + $0) % samples.count }
        guard let last = ordered.last else { return nil }
        let cutoff = times[last] - window
        let inWindow = ordered.filter { times[$0] >= cutoff - 1e-9 }
        guard let first = inWindow.first else { return nil }
        return ServiceDerivation.metrics(samples: inWindow.map { samples[$0] }, baseline: nil,
                                         span: times[last] - times[first])
    }
}

extension ServiceMetrics {
    /// Metrics from a single scrape's totals (`perfdash probe`): counters since the service started give the hit
    /// rates, cumulative buckets give the quantiles, and each queue's statistics are its one depth.
    public init(totals sample: ServiceSample) {
        self = ServiceDerivation.metrics(samples: [sample], baseline: ServiceDerivation.zeroed(sample), span: 0)!
    }
}
