/// The recent scrapes of one service, each with the time it was taken, bounded in count.
///
/// Size it for the longest stats window (15 m at the scrape interval, see `capacity(window:interval:)`) and ask
/// for any shorter window with `metrics(over:)`. Times are seconds on the caller's monotonic clock.
///
/// With a `spacing` (a scrape interval under a second), the scrapes kept are at least `spacing` apart, and the
/// newest is always there: a new scrape replaces the newest until that one is `spacing` past the one before it.
/// Memory is then bounded by the window's length in seconds, whatever the interval, and rates stay exact (they use
/// the window's two ends); queue averages and percentiles are over one scrape per second.
public struct ServiceWindow: Sendable {
    /// The most scrapes kept; older ones are dropped.
    public let capacity: Int
    /// The least time between two kept scrapes (the newest aside); 0 keeps every scrape.
    public let spacing: Double
    private var times: [Double] = []
    private var samples: [ServiceSample] = []
    /// Each sample's queues sorted by name, parallel to `samples` (see `QueueRow`).
    private var queueRows: [QueueRow] = []
    /// How many scrapes each entry stands for: 1, plus each scrape it replaced as the provisional newest.
    private var weights: [Int] = []
    /// Index of the oldest entry once the ring is full.
    private var head = 0

    /// A window keeping at most `capacity` scrapes (at least 2, for one delta), `spacing` seconds apart.
    public init(capacity: Int, spacing: Double = 0) {
        self.capacity = max(2, capacity)
        self.spacing = spacing.isFinite ? max(0, spacing) : 0
    }

    /// A window for `window` seconds of scrapes every `interval` seconds: every scrape at 1 s or more, one per
    /// second below that, plus a slot for the provisional newest.
    public init(window: Double, interval: Double) {
        guard interval < 1 else {
            self.init(capacity: Self.capacity(window: window, interval: interval))
            return
        }
        self.init(capacity: Self.capacity(window: window, interval: 1).addingSaturating(1), spacing: 1)
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
        let count = samples.count
        if spacing > 0, count >= 2 {
            let newest = (head + count - 1) % count
            let beforeNewest = (head + count - 2) % count
            // The newest stays provisional (replaced by the next scrape) until it is `spacing` past the one before.
            if times[newest] - times[beforeNewest] < spacing {
                samples[newest] = sample
                times[newest] = time
                queueRows[newest] = QueueRow(sample.queues, previous: queueRows[beforeNewest])
                weights[newest] = weights[newest].addingSaturating(1)
                return
            }
        }
        let previous = samples.isEmpty ? nil : queueRows[(head + samples.count - 1) % samples.count]
        let row = QueueRow(sample.queues, previous: previous)
        if samples.count < capacity {
            samples.append(sample)
            times.append(time)
            queueRows.append(row)
            weights.append(1)
        } else {
            samples[head] = sample
            times[head] = time
            queueRows[head] = row
            weights[head] = 1
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
        // Scrapes taken from the first kept one on: those merged into the first happened before it.
        let scrapes = inWindow.dropFirst().reduce(1) { $0.addingSaturating(weights[$1]) }
        return ServiceDerivation.metrics(samples: inWindow.map { samples[$0] }, baseline: nil,
                                         span: times[last] - times[first],
                                         queueRows: inWindow.map { queueRows[$0] }, scrapes: scrapes)
    }
}

extension ServiceMetrics {
    /// Metrics from a single scrape's totals (`perfdash probe`): counters since the service started give the hit
    /// rates, cumulative buckets give the quantiles, and each queue's statistics are its one depth.
    public init(totals sample: ServiceSample) {
        self = ServiceDerivation.metrics(samples: [sample], baseline: ServiceDerivation.zeroed(sample), span: 0)!
    }
}

/// One sample's queue depths as columns: names sorted (as `keys.sorted()` orders them) and the depths in that order.
/// A row whose names equal the previous sample's shares that array, so the derivation recognises the common case
/// (every scrape lists the same queues) by the array's identity and reads depth `i` of each scrape directly, rather
/// than hashing every queue name once per scrape in the window (8,000 queues × 240 scrapes was 130 ms per scrape).
struct QueueRow: Sendable {
    var names: [String]
    var depths: [Double]

    init(_ queues: [String: Double], previous: QueueRow?) {
        let sorted = queues.sorted { $0.key < $1.key }
        let names = sorted.map(\.key)
        if let previous, previous.names == names { self.names = previous.names } else { self.names = names }
        depths = sorted.map(\.value)
    }

    /// Whether `other` lists the same names (by identity first: shared arrays compare in O(1)).
    func sameNames(as other: QueueRow) -> Bool {
        names == other.names
    }
}
