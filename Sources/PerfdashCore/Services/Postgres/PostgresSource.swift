public import NIOCore
import NIOPosix
import Synchronization

/// A PostgreSQL database as a service: one session kept across scrapes, statistics views read each scrape.
///
/// The buffer cache appears as the cache `buffers` (hits = blks_hit, misses = blks_read), so hit rates, series and
/// the advisor treat it like any other cache; the rest is the `postgres` server section. A broken session is
/// dropped and the next scrape opens a new one.
public final class PostgresSource: ServiceSource {
    /// The cache name the buffer cache is reported under.
    public static let cacheName = "buffers"

    /// Where and as whom to connect.
    public let config: PostgresServiceConfig
    /// Deadline for connecting plus one scrape's statements.
    public let timeout: Duration
    private let group: any EventLoopGroup
    private let state = Mutex(State())

    private struct State: Sendable {
        var connection: PostgresConnection?
        /// The shared catalogs' OIDs, comma-separated, read once per session.
        var sharedCatalogs = ""
        /// xact_commit, xact_rollback, blks_hit, blks_read.
        var ledger = OwnTrafficLedger(count: 4)
    }

    /// Creates a source; `group` defaults to NIO's shared event loops.
    public init(config: PostgresServiceConfig, timeout: Duration, group: (any EventLoopGroup)? = nil) {
        self.config = config
        self.timeout = timeout
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
    }

    deinit {
        state.withLock { $0.connection?.close() }
    }

    public func scrape() async throws -> ServiceSample {
        try await sample()
    }

    /// Scrapes once with a typed error. A kept session that the server has closed meanwhile (a restart,
    /// idle_session_timeout, pg_terminate_backend) is replaced at once instead of failing the scrape.
    public func sample() async throws(SourceError) -> ServiceSample {
        let clock = ContinuousClock()
        let start = clock.now
        let (kept, shared) = state.withLock { state -> (PostgresConnection?, String) in
            defer { state.connection = nil }
            return (state.connection, state.sharedCatalogs)
        }
        if let kept {
            do {
                let results = try await run(kept, PostgresQueries.all(serverVersion: kept.serverVersion,
                                                                      sharedCatalogs: shared), remaining: timeout)
                return try finish(results, connection: kept, sharedCatalogs: shared, fresh: false)
            } catch where error.kind == .closed {
                // Fall through to a new session within what is left of the deadline.
            }
        }
        let opened = try await PostgresConnection.connect(
            host: config.host, port: config.port, unixSocketPath: config.unixSocketPath, user: config.user,
            database: config.database,
            password: config.password, timeout: timeout - (clock.now - start), group: group)
        let catalogs = try await run(opened, [PostgresQueries.sharedCatalogs], remaining: timeout - (clock.now - start))
        let sharedCatalogs = catalogs.first?.statements.first?.rows.first?.first??
            .filter { $0.isNumber || $0 == "," } ?? ""
        // Warm the session's catalog caches and flush what that cost, so the first reading is clean.
        let queries = PostgresQueries.all(serverVersion: opened.serverVersion, sharedCatalogs: sharedCatalogs)
        _ = try await run(opened, queries, remaining: timeout - (clock.now - start))
        let results = try await run(opened, queries, remaining: timeout - (clock.now - start))
        return try finish(results, connection: opened, sharedCatalogs: sharedCatalogs, fresh: true)
    }

    /// The sample from one run's results; keeps the session for the next scrape.
    private func finish(_ results: [PostgresQueryResult], connection: PostgresConnection, sharedCatalogs: String,
                        fresh: Bool) throws(SourceError) -> ServiceSample {
        let reading = try PostgresQueries.reading(results, serverVersion: connection.serverVersionText)
        let own = reading.own
        let counters = state.withLock { state in
            state.connection = connection
            state.sharedCatalogs = sharedCatalogs
            let adjusted = state.ledger.adjust(
                raw: [reading.sample.commits, reading.sample.rollbacks, reading.blocksHit, reading.blocksRead],
                ownBefore: [0, 0, 0, 0], ownAfter: [own.commits, own.rollbacks, own.blocksHit, own.blocksRead],
                rebase: fresh)
            // What this scrape added reaches the next reading; unmeasured, that interval counts as quiet.
            if !own.known { state.ledger.markUncertain() }
            return adjusted
        }
        var server = reading.sample
        server.commits = counters[0]
        server.rollbacks = counters[1]
        let series = 7 + server.connectionsByState.count + (server.statements?.count ?? 0) + (server.tables?.count ?? 0)
        return ServiceSample(seriesCount: series,
                             caches: [Self.cacheName: CacheCounters(hits: counters[2], misses: counters[3])],
                             server: .postgres(server))
    }

    private func run(_ connection: PostgresConnection, _ queries: [String],
                     remaining: Duration) async throws(SourceError) -> [PostgresQueryResult] {
        do {
            return try await connection.run(queries, timeout: max(remaining, .milliseconds(1)))
        } catch {
            connection.close()
            throw error
        }
    }
}
