/// How the fleet is read: the server, the queries, how often, and the drill-down's history span.
public struct FleetSettings: Sendable, Equatable {
    /// The Prometheus server.
    public var server: PrometheusServer
    /// The query set (source, window, narrowing matchers).
    public var queries: FleetQueries
    /// Time between rounds (at least 1 s: a server evaluates rules on seconds, not milliseconds).
    public var interval: Duration
    /// Queries in flight at once.
    public var concurrency: Int
    /// How far back a drill-down's graphs reach, seconds.
    public var historySeconds: Double
    /// Points per drill-down graph (the step is the span over this).
    public var historyPoints: Int

    /// Creates settings.
    public init(server: PrometheusServer, queries: FleetQueries = FleetQueries(), interval: Duration = .seconds(2),
                concurrency: Int = 8, historySeconds: Double = 900, historyPoints: Int = 120) {
        self.server = server
        self.queries = queries
        self.interval = max(interval, .seconds(1))
        self.concurrency = min(max(concurrency, 1), 64)
        self.historySeconds = min(max(historySeconds, 60), 7 * 86_400)
        self.historyPoints = min(max(historyPoints, 10), 2000)
    }
}
