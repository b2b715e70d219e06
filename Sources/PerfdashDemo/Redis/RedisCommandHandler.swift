import NIOCore

/// Pairs each reply with the command that asked for it: Redis answers in order, so promises wait in a FIFO.
final class RedisCommandHandler: ChannelDuplexHandler {
    typealias InboundIn = RESPValue
    typealias OutboundIn = RedisCommand
    typealias OutboundOut = ByteBuffer

    private var waiting: [EventLoopPromise<RESPValue>] = []
    private var head = 0

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let command = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 64)
        command.value.encode(into: &buffer)
        waiting.append(command.reply)
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard head < waiting.count else {
            // A reply nobody asked for: the stream is out of step, start over on a new connection.
            context.close(promise: nil)
            return
        }
        let promise = waiting[head]
        head += 1
        if head == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            head = 0
        }
        promise.succeed(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(DemoError.redis("connection closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: any Error) {
        for promise in waiting[head...] { promise.fail(error) }
        waiting.removeAll()
        head = 0
    }
}

/// A command on its way to Redis with the promise its reply completes.
struct RedisCommand: Sendable {
    var value: RESPValue
    var reply: EventLoopPromise<RESPValue>
}
