import NIOCore
import NIOPosix

/// One request/response exchange over a fresh TCP (or Unix domain socket) connection, bounded by a deadline and by
/// task cancellation.
///
/// The handlers installed by `configure` complete the promise; this type makes sure that whatever happens first —
/// the answer, the deadline, a connection error or the caller's cancellation — completes it exactly once and closes
/// the channel, so a peer that never answers costs at most `timeout` and never a leaked connection.
enum NIOExchange {
    /// Connects to `host:port` (or to the Unix domain socket at `unixSocketPath`), lets `configure` install the
    /// protocol handlers, and awaits the promise they complete. With `closeOnCompletion` false the channel stays
    /// open after a success (a session kept across scrapes).
    static func run<Value: Sendable>(
        host: String, port: Int, unixSocketPath: String? = nil, timeout: Duration, group: any EventLoopGroup,
        closeOnCompletion: Bool = true,
        configure: @escaping @Sendable (any Channel, EventLoopPromise<Value>) throws -> Void
    ) async throws(SourceError) -> Value {
        let loop = group.next()
        let promise = loop.makePromise(of: Value.self)
        let deadline = loop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(SourceError.timeout(after: timeout))
        }
        promise.futureResult.whenComplete { _ in deadline.cancel() }

        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try configure(channel, promise) }
            }
        let connecting = unixSocketPath.map { bootstrap.connect(unixDomainSocketPath: $0) }
            ?? bootstrap.connect(host: host, port: port)
        connecting.whenComplete { result in
            switch result {
            case .success(let channel):
                // Whoever completes the promise (handler, deadline, cancellation), the connection goes with it.
                promise.futureResult.whenComplete { result in
                    if closeOnCompletion || (try? result.get()) == nil { channel.close(promise: nil) }
                }
            case .failure(let error):
                let mapped = SourceErrorMapping.map(error, timeout: timeout)
                // A socket path says more than "no such file or directory" alone.
                promise.fail(unixSocketPath.map { SourceError(mapped.kind, "\($0): \(mapped.message)") } ?? mapped)
            }
        }
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(SourceError(.cancelled, "scrape cancelled"))
            }
        } catch {
            throw SourceErrorMapping.map(error, timeout: timeout)
        }
    }
}

extension TimeAmount {
    /// The NIO time amount of a Swift duration, rounded down to nanoseconds, clamped to 0…100 years.
    init(_ duration: Duration) {
        // Saturates instead of trapping: a century is as good as forever for a deadline.
        let parts = duration.components
        let seconds = min(max(parts.seconds, 0), 3_153_600_000)
        self = .nanoseconds(seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
