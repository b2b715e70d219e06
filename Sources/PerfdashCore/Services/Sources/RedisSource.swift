/// A Redis server as a service: keyspace hit rate, clients, commands and memory from `INFO`, queue sizes from LLEN /
/// ZCARD / HLEN, one pipeline per scrape.
///
/// Redis counts perfdash's own size probes in keyspace_hits / keyspace_misses (every lookup of a key does; only
/// SCAN and MEMORY USAGE do not, and neither gives a size) and its commands in total_commands_processed. Each probe's
/// answer says exactly what it counted — a size above 0 or a WRONGTYPE is a hit, 0 (the key does not exist: Redis
/// deletes empty lists and sets) is a miss — so the source takes perfdash's share out (`OwnTrafficLedger`) and an
/// idle server shows no traffic at all. The share is per server, not per service: the services reading one server
/// scrape it one at a time and count what they sent in one `RedisServerTraffic`, so each takes out the others' probes
/// too.
public struct RedisSource: ServiceSource {
    /// The cache name Redis' keyspace counters are reported under.
    public static let cacheName = "redis"

    /// The connection.
    public var client: RedisClient
    /// ACL user for `AUTH user password` (Redis 6+); nil sends `AUTH password`.
    public var username: String?
    /// Password; nil sends no AUTH.
    public var password: String?
    /// Database selected before the probes (queues may live outside db 0).
    public var database: Int?
    /// Queues to measure.
    public var queues: [RedisQueue]
    private let account = RedisSourceAccount()
    private let traffic: RedisServerTraffic

    /// Creates a source. Sources of one server must share `servers` (one registry per collector); without it the
    /// source has a server account of its own.
    public init(client: RedisClient, username: String? = nil, password: String? = nil, database: Int? = nil,
                queues: [RedisQueue] = [], servers: RedisServerLedgers? = nil) {
        self.client = client
        self.username = username
        self.password = password
        self.database = database
        self.queues = queues
        traffic = (servers ?? RedisServerLedgers()).server(host: client.host, port: client.port)
    }

    /// Keys shared by the presets in use, each once.
    var sharedParts: [RedisQueuePart] {
        var seen: Set<String> = []
        return queues.flatMap { $0.preset.sharedParts(options: $0.options) }.filter { seen.insert($0.key).inserted }
    }

    public func scrape() async throws -> ServiceSample {
        try await sample()
    }

    /// Scrapes once with a typed error.
    public func sample() async throws(SourceError) -> ServiceSample {
        // Nothing of perfdash's is in flight to this server while the gate is held: its INFO sees every earlier
        // scrape's commands executed, and no later one's.
        guard await traffic.gate.enter() else { throw SourceError(.cancelled, "scrape cancelled") }
        defer { traffic.gate.leave() }
        do {
            return try await measure(start: traffic.current)
        } catch {
            // Some of this scrape's commands may have run: what it added is unknown, to every service of the server.
            traffic.markUncertain()
            throw error
        }
    }

    private func measure(start: RedisServerTraffic.Totals) async throws(SourceError) -> ServiceSample {
        var commands: [[String]] = []
        if let password { commands.append(["AUTH"] + (username.map { [$0] } ?? []) + [password]) }
        if let database { commands.append(["SELECT", String(database)]) }
        let infoIndex = commands.count
        commands.append(["INFO"])
        let shared = sharedParts
        let parts = queues.flatMap(\.parts) + shared
        commands += parts.map { [$0.type.command, $0.key] }

        let replies = try await client.pipeline(commands)
        // The first error wins: a failed AUTH explains every NOAUTH after it.
        if password != nil, case .error(let message) = replies[0] {
            throw SourceError(.authentication, "authentication failed: \(message)")
        }
        if database != nil, case .error(let message) = replies[infoIndex - 1] {
            throw SourceError(.serverError, "SELECT \(database ?? 0): \(message)")
        }
        let info = try Self.info(replies[infoIndex])
        var sizes: [Double] = []
        var ownHits = 0.0, ownMisses = 0.0
        for (part, reply) in zip(parts, replies[(infoIndex + 1)...]) {
            switch reply {
            case .integer(let size):
                sizes.append(Double(max(0, size)))
                if size > 0 { ownHits += 1 } else { ownMisses += 1 }
            case .error(let message):
                throw SourceError(.serverError, "\(part.type.command) \(Self.printable(part.key)): \(message)")
            default:
                throw SourceError(.protocolViolation, "\(part.type.command) \(Self.printable(part.key)) did not return an integer")
            }
        }
        func field(_ name: String) throws(SourceError) -> Double {
            guard let value = Number.counter(info[name]) else { throw SourceError(.invalidData, "INFO has no \(name)") }
            return value
        }
        let raw = [try field("keyspace_hits"), try field("keyspace_misses"), try field("total_commands_processed")]
        // AUTH and SELECT run before INFO and show in this reading; INFO and the probes show in the next one.
        let before = Double(infoIndex)
        let after = [ownHits, ownMisses, Double(1 + parts.count)]
        let adjusted = account.adjust(raw: raw, before: [0, 0, before], after: after, now: start)
        account.finished(at: traffic.add([ownHits, ownMisses, before + after[2]]))
        var depths: [String: Double] = [:]
        var readings: [RedisQueueReading] = []
        var index = 0
        for queue in queues {
            var reading = RedisQueueReading(queue: queue.name, parts: [])
            for part in queue.parts {
                reading.parts.append(RedisPartReading(part: part.label, size: sizes[index], inDepth: part.inDepth))
                index += 1
            }
            depths[queue.name] = reading.parts.filter(\.inDepth).reduce(0) { $0 + $1.size }
            readings.append(reading)
        }
        let sharedReadings = shared.enumerated().map {
            RedisPartReading(part: $0.element.label, size: sizes[index + $0.offset], inDepth: false)
        }
        let server = RedisServerSample(
            version: info["redis_version"] ?? "", clients: max(0, (Number.counter(info["connected_clients"]) ?? 1) - 1),
            blockedClients: Number.counter(info["blocked_clients"]) ?? 0, maxClients: Number.counter(info["maxclients"]),
            commands: adjusted[2], usedMemory: try field("used_memory"), maxMemory: Number.counter(info["maxmemory"]) ?? 0,
            evictionPolicy: info["maxmemory_policy"] ?? "", queues: readings, shared: sharedReadings)
        let cache = CacheCounters(hits: adjusted[0], misses: adjusted[1], evictions: try field("evicted_keys"),
                                  expirations: try field("expired_keys"))
        return ServiceSample(seriesCount: 8 + parts.count, caches: [Self.cacheName: cache], queues: depths,
                             server: .redis(server))
    }

    /// The `field:value` lines of an INFO reply.
    static func info(_ reply: RESPValue) throws(SourceError) -> [String: String] {
        switch reply {
        case .bulkString(let bytes?): return InfoText.fields(String(decoding: bytes, as: UTF8.self))
        case .error(let message) where message.hasPrefix("NOAUTH"):
            throw SourceError(.authentication, "Redis requires a password (set password or password_env)")
        case .error(let message): throw SourceError(.serverError, "INFO: \(message)")
        default: throw SourceError(.protocolViolation, "INFO did not return text")
        }
    }

    /// A key with control characters escaped, for error lines (Celery's priority keys hold \x06\x16).
    static func printable(_ key: String) -> String {
        key.unicodeScalars.map { scalar in
            scalar.value < 32 || scalar.value == 127 ? "\\x" + String(format2hex: scalar.value) : String(scalar)
        }.joined()
    }
}

/// The `field:value` lines of an INFO reply.
package enum InfoText {
    package static func fields(_ text: String) -> [String: String] {
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
