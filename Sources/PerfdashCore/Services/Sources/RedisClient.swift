public import NIOCore
import NIOPosix

/// A one-shot RESP2 client: connects, sends a pipeline of commands in one write, returns one reply per command.
///
/// perfdash needs a handful of read-only commands per scrape, so a connection per scrape keeps it stateless and a
/// restarted Redis is picked up without reconnect logic.
public struct RedisClient: Sendable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Deadline for connect plus all replies.
    public var timeout: Duration
    /// The event loops to run on.
    public var group: any EventLoopGroup

    /// Creates a client; `group` defaults to NIO's shared event loops.
    public init(host: String, port: Int, timeout: Duration,
                group: (any EventLoopGroup)? = nil) {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
    }

    /// Sends `commands` (each a list of arguments) pipelined and returns their replies in order.
    /// Error replies (`-ERR …`) are returned as `.error`, not thrown: the caller knows which command matters.
    public func pipeline(_ commands: [[String]]) async throws(SourceError) -> [RESPValue] {
        let encoded = commands.map { $0.map { Array($0.utf8) } }
        return try await NIOExchange.run(host: host, port: port, timeout: timeout, group: group) { channel, promise in
            try channel.pipeline.syncOperations.addHandler(RESPReplyCollector(commands: encoded, promise: promise))
        }
    }
}

/// Writes the pipeline when connected and collects exactly one reply per command.
final class RESPReplyCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let commands: [[[UInt8]]]
    private let promise: EventLoopPromise<[RESPValue]>
    private var pending = ByteBuffer()
    private var replies: [RESPValue] = []

    init(commands: [[[UInt8]]], promise: EventLoopPromise<[RESPValue]>) {
        self.commands = commands
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 256)
        for command in commands { RESP.encode(command, into: &out) }
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        pending.writeBuffer(&chunk)
        do {
            while replies.count < commands.count, let reply = try RESP.decode(&pending) {
                replies.append(reply)
            }
        } catch {
            return finish(context, .failure(error))
        }
        if replies.count == commands.count {
            finish(context, .success(replies))
        } else if pending.readableBytes > RESP.maxReplyBytes {
            finish(context, .failure(SourceError(.protocolViolation, "Redis reply larger than 64 MiB")))
        }
        pending.discardReadBytes()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(context, .failure(SourceErrorMapping.map(error, timeout: .zero)))
    }

    func channelInactive(context: ChannelHandlerContext) {
        let message = "connection closed after \(replies.count) of \(commands.count) replies"
        finish(context, .failure(SourceError(.closed, message)))
        context.fireChannelInactive()
    }

    private func finish(_ context: ChannelHandlerContext, _ result: Result<[RESPValue], SourceError>) {
        switch result {
        case .success(let values): promise.succeed(values)
        case .failure(let error): promise.fail(error)
        }
        context.close(promise: nil)
    }
}
