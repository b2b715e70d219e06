/// A database or cache server's own figures over the stats window, as snapshots and the panel show them.
///
/// One of the three is set, by the source's kind; JSON nests it as `"server": {"postgres": {…}}`.
public struct ServerReport: Sendable, Equatable, Codable {
    /// PostgreSQL: transactions, buffer cache, connections, top statements, index hints.
    public var postgres: PostgresReport?
    /// memcached: gets, memory, items, connections.
    public var memcached: MemcachedReport?
    /// Redis: clients, commands, memory, queue keys.
    public var redis: RedisServerReport?

    /// Creates a report.
    public init(postgres: PostgresReport? = nil, memcached: MemcachedReport? = nil, redis: RedisServerReport? = nil) {
        self.postgres = postgres
        self.memcached = memcached
        self.redis = redis
    }

    /// The report over `samples` (oldest first, all of one service) spanning `span` seconds; nil unless the latest
    /// sample carries a server section. With one sample (`perfdash probe`) rates are unknown and totals since the
    /// server's start (or its last stats reset) stand in for window figures.
    static func derive(samples: [ServiceSample], span: Double) -> ServerReport? {
        guard let latest = samples.last, let server = latest.server else { return nil }
        let rate = RateMath(span: span)
        switch server {
        case .postgres(let now):
            let series = samples.compactMap { sample -> PostgresSample? in
                if case .postgres(let value)? = sample.server { return value } else { return nil }
            }
            return ServerReport(postgres: PostgresReport(series: series, caches: samples.map { $0.caches[PostgresSource.cacheName] },
                                                         latest: now, rate: rate))
        case .memcached(let now):
            let series = samples.compactMap { sample -> MemcachedSample? in
                if case .memcached(let value)? = sample.server { return value } else { return nil }
            }
            return ServerReport(memcached: MemcachedReport(series: series, latest: now, rate: rate))
        case .redis(let now):
            let series = samples.compactMap { sample -> RedisServerSample? in
                if case .redis(let value)? = sample.server { return value } else { return nil }
            }
            return ServerReport(redis: RedisServerReport(series: series, latest: now, rate: rate))
        }
    }
}

/// Counter increases and rates over a window, resets handled as in Prometheus' `increase`.
struct RateMath: Sendable {
    /// Seconds the window spans; 0 for a single scrape.
    let span: Double

    /// The increase of `values` (oldest first), summed pairwise so a reset in the middle loses nothing; with one
    /// value, the value itself (the total since the server's start).
    func increase(_ values: [Double]) -> Double {
        guard values.count > 1 else { return values.first ?? 0 }
        var total = 0.0
        for (previous, current) in zip(values, values.dropFirst()) {
            total += ServiceDerivation.increase(previous, current)
        }
        return total
    }

    /// The increase per second; nil for a single scrape.
    func perSecond(_ values: [Double]) -> Double? {
        guard values.count > 1, span > 0 else { return nil }
        return increase(values) / span
    }

    /// 100 · part / whole, or nil when whole is 0.
    static func percent(_ part: Double, of whole: Double) -> Double? {
        whole > 0 ? 100 * part / whole : nil
    }
}
