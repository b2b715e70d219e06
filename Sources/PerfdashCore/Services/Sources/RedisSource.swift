/// A Redis server as a service: keyspace hit rate from `INFO stats`, queue depths from `LLEN`, one pipeline per scrape.
public struct RedisSource: ServiceSource {
    /// The cache name Redis' keyspace counters are reported under.
    public static let cacheName = "redis"

    /// The connection.
    public var client: RedisClient
    /// ACL user for `AUTH user password` (Redis 6+); nil sends `AUTH password`.
    public var username: String?
    /// Password; nil sends no AUTH.
    public var password: String?
    /// Database selected before `LLEN` (queues may live outside db 0).
    public var database: Int?
    /// Queues to measure.
    public var queues: [RedisQueue]

    /// Creates a source.
    public init(client: RedisClient, username: String? = nil, password: String? = nil, database: Int? = nil,
                queues: [RedisQueue] = []) {
        self.client = client
        self.username = username
        self.password = password
        self.database = database
        self.queues = queues
    }

    public func scrape() async throws -> ServiceSample {
        try await sample()
    }

    /// Scrapes once with a typed error.
    public func sample() async throws(SourceError) -> ServiceSample {
        var commands: [[String]] = []
        if let password { commands.append(["AUTH"] + (username.map { [$0] } ?? []) + [password]) }
        if let database { commands.append(["SELECT", String(database)]) }
        let infoIndex = commands.count
        commands.append(["INFO", "stats"])
        let keys = queues.flatMap(\.keys)
        commands += keys.map { ["LLEN", $0] }

        let replies = try await client.pipeline(commands)
        // The first error wins: a failed AUTH explains every NOAUTH after it.
        if password != nil, case .error(let message) = replies[0] {
            throw SourceError(.authentication, "authentication failed: \(message)")
        }
        if database != nil, case .error(let message) = replies[infoIndex - 1] {
            throw SourceError(.serverError, "SELECT \(database ?? 0): \(message)")
        }
        let counters = try Self.cacheCounters(replies[infoIndex])
        var depths: [String: Double] = [:]
        var next = infoIndex + 1
        for queue in queues {
            var depth = 0
            for key in queue.keys {
                switch replies[next] {
                case .integer(let length): depth += length
                case .error(let message): throw SourceError(.serverError, "LLEN \(Self.printable(key)): \(message)")
                default: throw SourceError(.protocolViolation, "LLEN \(Self.printable(key)) did not return an integer")
                }
                next += 1
            }
            depths[queue.name] = Double(depth)
        }
        return ServiceSample(seriesCount: 4 + keys.count, caches: [Self.cacheName: counters], queues: depths)
    }

    /// Reads keyspace_hits, keyspace_misses, evicted_keys and expired_keys from an `INFO stats` reply.
    static func cacheCounters(_ reply: RESPValue) throws(SourceError) -> CacheCounters {
        let text: String
        switch reply {
        case .bulkString(let bytes?): text = String(decoding: bytes, as: UTF8.self)
        case .error(let message) where message.hasPrefix("NOAUTH"):
            throw SourceError(.authentication, "Redis requires a password (set password or password_env)")
        case .error(let message): throw SourceError(.serverError, "INFO stats: \(message)")
        default: throw SourceError(.protocolViolation, "INFO stats did not return text")
        }
        let fields = InfoText.fields(text)
        func number(_ name: String) throws(SourceError) -> Double {
            guard let value = fields[name].flatMap(Double.init) else {
                throw SourceError(.invalidData, "INFO stats has no \(name)")
            }
            return value
        }
        return CacheCounters(hits: try number("keyspace_hits"), misses: try number("keyspace_misses"),
                             evictions: try number("evicted_keys"), expirations: try number("expired_keys"))
    }

    /// A key with control characters escaped, for error lines (Celery's priority keys hold \x06\x16).
    static func printable(_ key: String) -> String {
        key.unicodeScalars.map { scalar in
            scalar.value < 32 || scalar.value == 127 ? "\\x" + String(format2hex: scalar.value) : String(scalar)
        }.joined()
    }
}

/// The `field:value` lines of an INFO reply.
enum InfoText {
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return fields
    }
}

private extension String {
    init(format2hex value: UInt32) {
        let digits = String(value, radix: 16)
        self = digits.count < 2 ? "0" + digits : digits
    }
}
