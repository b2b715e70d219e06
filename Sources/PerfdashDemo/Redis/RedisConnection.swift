import NIOCore
import NIOPosix
import Synchronization

/// A minimal Redis client: one lazily (re)connected TCP connection, one command at a time, each with a timeout.
///
/// Just enough for the demo's L2 (GET, SETEX, PING). perfdash's own Redis source lives in PerfdashCore; the demo
/// keeps this separate so the demo service stays independent of the dashboard.
final class RedisConnection: Sendable {
    let host: String
    let port: Int
    let timeout: TimeAmount
    private let state = Mutex<State>(State())

    private struct State {
        var channel: (any Channel)?
        /// When the last connection attempt failed; no new attempt for a second after it.
        var failedAt: ContinuousClock.Instant?
    }

    init(host: String, port: Int, timeout: TimeAmount = .milliseconds(500)) {
        self.host = host
        self.port = port
        self.timeout = timeout
    }

    /// Sends `command` and returns Redis' reply; a `-ERR` reply is thrown as `DemoError.redis`.
    func send(_ command: RESPValue) async throws -> RESPValue {
        let channel = try await connectedChannel()
        let reply = channel.eventLoop.makePromise(of: RESPValue.self)
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { [timeout] in
            reply.fail(DemoError.redis("no reply within \(timeout.nanoseconds / 1_000_000) ms"))
            channel.close(promise: nil)
        }
        reply.futureResult.whenComplete { _ in deadline.cancel() }
        channel.writeAndFlush(RedisCommand(value: command, reply: reply), promise: nil)
        let value = try await reply.futureResult.get()
        if case .error(let message) = value { throw DemoError.redis(message) }
        return value
    }

    /// Closes the connection.
    func close() async {
        let channel = state.withLock { state in
            defer { state.channel = nil }
            return state.channel
        }
        try? await channel?.close()
    }

    private func connectedChannel() async throws -> any Channel {
        let now = ContinuousClock.now
        let (existing, backingOff) = state.withLock { state -> ((any Channel)?, Bool) in
            if let channel = state.channel, channel.isActive { return (channel, false) }
            state.channel = nil
            if let failedAt = state.failedAt, now - failedAt < .seconds(1) { return (nil, true) }
            return (nil, false)
        }
        if let existing { return existing }
        if backingOff { throw DemoError.redis("\(host):\(port) unreachable, retrying shortly") }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RESPDecoder()))
                        try channel.pipeline.syncOperations.addHandler(RedisCommandHandler())
                    }
                }
                .connect(host: host, port: port)
                .get()
            state.withLock { $0.channel = channel; $0.failedAt = nil }
            return channel
        } catch {
            state.withLock { $0.failedAt = now }
            throw DemoError.redis("cannot connect to \(host):\(port): \(error)")
        }
    }
}
