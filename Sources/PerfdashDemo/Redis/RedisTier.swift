/// An L2 tier in a real Redis, through GET and SETEX on keys `perfdash:demo:<key>`; latency is the measured round trip.
public struct RedisTier: SecondTier {
    public let kind = "redis"
    public var entries: Int? { nil }
    private let connection: RedisConnection
    private let timeToLive: Duration
    /// The `HOST:PORT` this tier talks to.
    public let address: String

    /// Connects to Redis at `host:port` and checks it answers PING; keys expire after `timeToLive` (at least 1 s).
    public static func connect(host: String, port: Int, timeToLive: Duration) async throws -> RedisTier {
        let connection = RedisConnection(host: host, port: port)
        let pong = try await connection.send(.command("PING"))
        guard pong == .simpleString("PONG") else {
            await connection.close()
            throw DemoError.redis("\(host):\(port) did not answer PING with PONG")
        }
        return RedisTier(connection: connection, timeToLive: timeToLive, address: "\(host):\(port)")
    }

    private init(connection: RedisConnection, timeToLive: Duration, address: String) {
        self.connection = connection
        self.timeToLive = timeToLive
        self.address = address
    }

    public mutating func read(_ key: Int, now: Duration) async throws -> TierRead {
        let clock = ContinuousClock()
        let start = clock.now
        let reply = try await connection.send(.command("GET", Self.redisKey(key)))
        let latency = clock.now - start
        switch reply {
        case .bulkString(let bytes?): return TierRead(value: String(decoding: bytes, as: UTF8.self), latency: latency)
        case .bulkString(nil): return TierRead(value: nil, latency: latency)
        default: throw DemoError.redis("unexpected reply to GET: \(reply)")
        }
    }

    public mutating func write(_ key: Int, value: String, now: Duration) async throws -> TierWrite {
        let seconds = max(1, Int(timeToLive.seconds.rounded(.up)))
        let reply = try await connection.send(.command("SETEX", Self.redisKey(key), String(seconds), value))
        guard reply == .simpleString("OK") else { throw DemoError.redis("unexpected reply to SETEX: \(reply)") }
        return TierWrite()
    }

    /// Closes the connection to Redis.
    public func close() async {
        await connection.close()
    }

    /// The Redis key holding demo key `key`.
    public static func redisKey(_ key: Int) -> String {
        "perfdash:demo:\(key)"
    }
}
