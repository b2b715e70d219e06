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
            host: config.host, port: config.port, user: config.user, database: config.database,
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

/// The PostgreSQL half of a service entry.
public struct PostgresServiceConfig: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// TCP port (5432 by default).
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The database whose statistics are read.
    public var database: String
    /// The password, from the config file or an environment variable; never printed.
    public var password: String?
    /// The environment variable the password came from, if any.
    public var passwordEnv: String?

    /// Creates a config.
    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil,
                passwordEnv: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.passwordEnv = passwordEnv
    }

    /// Parses `postgres://user@host:port/db` (or `postgresql://`); user defaults to `postgres`, the database to the
    /// user. A password in the URL is refused: it would show in `ps` and in shell history.
    public static func parse(_ text: String) throws(EndpointError) -> PostgresServiceConfig {
        var rest = Substring(text)
        let lower = rest.lowercased()
        if lower.hasPrefix("postgres://") { rest = rest.dropFirst(11) } else if lower.hasPrefix("postgresql://") {
            rest = rest.dropFirst(13)
        } else {
            throw EndpointError("expected postgres://user@host:port/database")
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var user = "postgres"
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            guard !userInfo.contains(":") else {
                throw EndpointError("a password in the URL is not accepted; use password_env or PGPASSWORD")
            }
            if !userInfo.isEmpty { user = String(userInfo).removingPercentEncodingOrSelf }
            rest = rest[rest.index(after: at)...]
        }
        var database = user
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty { database = String(name).removingPercentEncodingOrSelf }
            rest = rest[..<slash]
        }
        let (host, port) = try HostPort.split(rest, defaultPort: 5432)
        return PostgresServiceConfig(host: host, port: port, user: user, database: database)
    }

    /// `postgres://user@host:port/db`, without the password.
    public var address: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(hostText):\(port)/\(database)"
    }
}

extension String {
    /// `%XX` escapes decoded (user and database names may hold `@` or `/`); the text itself when malformed.
    fileprivate var removingPercentEncodingOrSelf: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return self }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
