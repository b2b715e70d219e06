public import NIOCore
import NIOPosix

/// A memcached server as a service: its text protocol's `stats`, one short connection per scrape.
///
/// Gets appear as the cache `memcached` (hits = get_hits, misses = get_misses, evictions); items, bytes against
/// limit_maxbytes and connections form the `memcached` server section. `stats` itself counts no get, so perfdash
/// never shows in the hit rate.
public struct MemcachedSource: ServiceSource {
    /// The cache name the get counters are reported under.
    public static let cacheName = "memcached"
    /// Largest `stats` answer accepted.
    static let maxReplyBytes = 1 << 20

    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Deadline for connect plus the answer.
    public var timeout: Duration
    /// The event loops to run on.
    public var group: any EventLoopGroup

    /// Creates a source; `group` defaults to NIO's shared event loops.
    public init(host: String, port: Int, timeout: Duration, group: (any EventLoopGroup)? = nil) {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
    }

    public func scrape() async throws -> ServiceSample {
        try await sample()
    }

    /// Scrapes once with a typed error.
    public func sample() async throws(SourceError) -> ServiceSample {
        let text = try await NIOExchange.run(host: host, port: port, timeout: timeout, group: group) { channel, promise in
            try channel.pipeline.syncOperations.addHandler(MemcachedStatsCollector(promise: promise))
        }
        return try Self.sample(stats: text)
    }

    /// Parses the `STAT name value` lines of a `stats` answer.
    package static func sample(stats text: String) throws(SourceError) -> ServiceSample {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\r\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, parts[0] == "STAT" else { continue }
            fields[String(parts[1])] = String(parts[2])
        }
        func counter(_ name: String) throws(SourceError) -> Double {
            guard let value = Number.counter(fields[name]) else {
                throw SourceError(.invalidData, "stats has no \(name)")
            }
            return value
        }
        let server = MemcachedSample(
            version: fields["version"] ?? "", items: try counter("curr_items"), bytes: try counter("bytes"),
            limitBytes: try counter("limit_maxbytes"),
            // perfdash's own connection is one of them.
            connections: max(0, try counter("curr_connections") - 1),
            maxConnections: Number.counter(fields["max_connections"]),
            getCommands: try counter("cmd_get"), setCommands: Number.counter(fields["cmd_set"]) ?? 0)
        let cache = CacheCounters(hits: try counter("get_hits"), misses: try counter("get_misses"),
                                  evictions: try counter("evictions"), expirations: Number.counter(fields["expired_unfetched"]))
        return ServiceSample(seriesCount: fields.count, caches: [cacheName: cache], server: .memcached(server))
    }
}

/// memcached's own figures from one `stats`.
public struct MemcachedSample: Sendable, Equatable {
    /// The server version.
    public var version: String
    /// Items stored now (curr_items).
    public var items: Double
    /// Bytes used by items now.
    public var bytes: Double
    /// The memory limit (limit_maxbytes, `-m`).
    public var limitBytes: Double
    /// Client connections open now, perfdash's own left out.
    public var connections: Double
    /// The connection limit (`-c`), when reported.
    public var maxConnections: Double?
    /// Get commands since start (cmd_get): the rate of gets.
    public var getCommands: Double
    /// Set commands since start (cmd_set).
    public var setCommands: Double

    /// Creates a sample.
    public init(version: String, items: Double, bytes: Double, limitBytes: Double, connections: Double,
                maxConnections: Double?, getCommands: Double, setCommands: Double) {
        self.version = version
        self.items = items
        self.bytes = bytes
        self.limitBytes = limitBytes
        self.connections = connections
        self.maxConnections = maxConnections
        self.getCommands = getCommands
        self.setCommands = setCommands
    }
}

/// Sends `stats` when connected and collects the answer up to `END`.
final class MemcachedStatsCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let promise: EventLoopPromise<String>
    private var received: [UInt8] = []

    init(promise: EventLoopPromise<String>) {
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 8)
        out.writeString("stats\r\n")
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        received += chunk.readBytes(length: chunk.readableBytes) ?? []
        guard received.count <= MemcachedSource.maxReplyBytes else {
            return promise.fail(SourceError(.protocolViolation, "stats answer larger than 1 MiB"))
        }
        if received.starts(with: Array("ERROR".utf8)) || received.starts(with: Array("SERVER_ERROR".utf8))
            || received.starts(with: Array("CLIENT_ERROR".utf8)) {
            let line = String(decoding: received.prefix { $0 != 13 && $0 != 10 }.prefix(200), as: UTF8.self)
            return promise.fail(SourceError(.serverError, "stats: \(line)"))
        }
        if let first = received.first, first != UInt8(ascii: "S"), first != UInt8(ascii: "E") {
            return promise.fail(SourceError(.protocolViolation, "not a memcached stats answer"))
        }
        if received.count >= 5, received.suffix(5) == Array("END\r\n".utf8) {
            promise.succeed(String(decoding: received, as: UTF8.self))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(SourceErrorMapping.map(error, timeout: .zero))
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(SourceError(.closed, "connection closed before the stats answer was complete"))
        context.fireChannelInactive()
    }
}
