/// A database connection pool in virtual time: a fixed number of connections, each held until a query ends.
///
/// The queue workers hold a connection while they run a job, so a backlog of jobs starves the request path:
/// when every connection is taken a request fails fast (HTTP 503) instead of waiting.
public struct ConnectionPool: Sendable {
    /// Number of connections.
    public let size: Int
    /// When each connection held by a request-path query is returned.
    private var releases: [Duration] = []

    /// Creates an idle pool.
    public init(size: Int) {
        precondition(size >= 1, "ConnectionPool needs at least one connection")
        self.size = size
    }

    /// Connections held at `time` by queries, plus `others` held elsewhere (busy workers).
    public mutating func inUse(at time: Duration, others: Int) -> Int {
        releases.removeAll { $0 <= time }
        return releases.count + others
    }

    /// Takes a connection at `time` until `time + hold`; false when all are in use.
    public mutating func checkOut(at time: Duration, hold: Duration, others: Int) -> Bool {
        guard inUse(at: time, others: others) < size else { return false }
        releases.append(time + hold)
        return true
    }
}
