/// One simulated request: when it arrives, which key it reads, and the background job it enqueues, if any.
public struct DemoRequest: Sendable, Equatable {
    /// Arrival time, as an offset from the workload's start.
    public var arrival: Duration
    /// The key read through the cache tiers.
    public var key: Int
    /// The job the request enqueues, if any.
    public var job: JobPriority?

    /// Creates a request.
    public init(arrival: Duration, key: Int, job: JobPriority? = nil) {
        self.arrival = arrival
        self.key = key
        self.job = job
    }
}

/// Where requests come from: the seeded generator in the demo, a fixed script in tests.
public protocol TrafficSource: Sendable {
    /// The next request, with a non-decreasing arrival time; nil when the source has run dry.
    mutating func next() -> DemoRequest?
}

/// A fixed list of requests, replayed in order.
public struct ScriptedTraffic: TrafficSource {
    private var requests: [DemoRequest]
    private var position = 0

    /// Creates a source that yields `requests` and then runs dry.
    public init(_ requests: [DemoRequest]) {
        self.requests = requests
    }

    public mutating func next() -> DemoRequest? {
        guard position < requests.count else { return nil }
        defer { position += 1 }
        return requests[position]
    }
}
