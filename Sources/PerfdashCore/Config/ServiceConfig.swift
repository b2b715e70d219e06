/// One `[[service]]` entry (or a `--scrape` / `--redis` flag): what to scrape and how.
public struct ServiceConfig: Sendable, Equatable {
    /// How the service is reached.
    public enum Endpoint: Sendable, Equatable {
        /// A Prometheus text / OpenMetrics endpoint.
        case http(HTTPEndpoint, bodyLimit: Int, metrics: ServiceMetricNames)
        /// A Redis server.
        case redis(RedisServiceConfig)
        /// A PostgreSQL database.
        case postgres(PostgresServiceConfig)
        /// A memcached server.
        case memcached(host: String, port: Int)
    }

    /// The name shown in the Services panel; unique.
    public var name: String
    /// How the service is reached.
    public var endpoint: Endpoint
    /// Deadline for one scrape.
    public var timeout: Duration
    /// Time between two scrapes of this service; nil scrapes at the host's interval.
    public var interval: Duration?

    /// Creates a service.
    public init(name: String, endpoint: Endpoint, timeout: Duration = HTTPFetcher.defaultTimeout,
                interval: Duration? = nil) {
        self.name = name
        self.endpoint = endpoint
        self.timeout = timeout
        self.interval = interval
    }

    /// `prometheus`, `redis`, `postgres` or `memcached`.
    public var kind: String {
        switch endpoint {
        case .http: "prometheus"
        case .redis: "redis"
        case .postgres: "postgres"
        case .memcached: "memcached"
        }
    }

    /// The scrape target for this service. `exposition` parses an HTTP body with the service's metric names;
    /// the app passes `{ try Exposition.sample(from: $0.body, contentType: $0.contentType, names: $1) }`.
    /// The targets of one collector share `redisServers`, so services on one Redis server take out each other's
    /// probes.
    public func scrapeTarget(
        redisServers: RedisServerLedgers = RedisServerLedgers(),
        exposition: @escaping @Sendable (HTTPScrapeResult, ServiceMetricNames) throws -> ServiceSample
    ) -> ScrapeTarget {
        let source: any ServiceSource
        switch endpoint {
        case .http(let http, let bodyLimit, let metrics):
            source = HTTPExpositionSource(fetcher: HTTPFetcher(endpoint: http, timeout: timeout, bodyLimit: bodyLimit)) {
                try exposition($0, metrics)
            }
        case .redis(let redis):
            source = RedisSource(client: RedisClient(host: redis.host, port: redis.port, timeout: timeout),
                                 username: redis.username, password: redis.password, database: redis.database,
                                 queues: redis.queues, servers: redisServers)
        case .postgres(let postgres):
            source = PostgresSource(config: postgres, timeout: timeout)
        case .memcached(let host, let port):
            source = MemcachedSource(host: host, port: port, timeout: timeout)
        }
        return ScrapeTarget(name: name, source: source, timeout: timeout)
    }
}

/// The Redis half of a service entry.
public struct RedisServiceConfig: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Database to `SELECT` before measuring queues; nil keeps the default (0).
    public var database: Int?
    /// ACL user name for `AUTH`.
    public var username: String?
    /// The password, resolved from the file or from `passwordEnv`; never printed.
    public var password: String?
    /// The environment variable the password came from, if any (printed instead of the password).
    public var passwordEnv: String?
    /// Queues whose depth is measured with LLEN.
    public var queues: [RedisQueue]

    /// Creates a Redis config.
    public init(host: String, port: Int, database: Int? = nil, username: String? = nil, password: String? = nil,
                passwordEnv: String? = nil, queues: [RedisQueue] = []) {
        self.host = host
        self.port = port
        self.database = database
        self.username = username
        self.password = password
        self.passwordEnv = passwordEnv
        self.queues = queues
    }

    /// Parses `host:port`, `[v6]:port`, `redis://host:port` or `redis://host:port/db` (no credentials: passwords
    /// belong in the config file or the environment, never in an address that shows up in `ps`).
    public static func address(_ text: String) throws(EndpointError) -> (host: String, port: Int, database: Int?) {
        var rest = Substring(text)
        if rest.lowercased().hasPrefix("redis://") { rest = rest.dropFirst(8) }
        guard !rest.contains("@") else {
            throw EndpointError("credentials in the address are not supported; use password_env or password")
        }
        var database: Int?
        if let slash = rest.firstIndex(of: "/") {
            let dbText = rest[rest.index(after: slash)...]
            if !dbText.isEmpty {
                guard let db = Int(dbText), db >= 0 else { throw EndpointError("database \"\(dbText)\" is not a number") }
                database = db
            }
            rest = rest[..<slash]
        }
        let (host, port) = try HostPort.split(rest, defaultPort: 6379)
        return (host, port, database)
    }
}
