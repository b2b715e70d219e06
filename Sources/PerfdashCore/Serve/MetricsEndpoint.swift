import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The HTTP listener of `perfdash serve`: `/metrics` from an `ExpositionStore`.
public final class MetricsEndpoint: Sendable {
    /// The address `perfdash serve` listens on unless told otherwise: loopback only.
    public static let defaultListen = "127.0.0.1:9464"

    /// The host bound.
    public let host: String
    /// The port bound (the kernel's choice when asked for 0).
    public let port: Int
    private let channel: any Channel
    private let connections: OpenChannels

    private init(channel: any Channel, host: String, port: Int, connections: OpenChannels) {
        self.channel = channel
        self.host = host
        self.port = port
        self.connections = connections
    }

    /// The scrape URL.
    public var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/metrics" }

    /// Parses `HOST:PORT` (`[v6]:PORT`); the port may be 0 (any free one).
    public static func parseListen(_ text: String) throws(EndpointError) -> (host: String, port: Int) {
        // Port 0 (any free port: tests) is outside the 1…65535 that HostPort accepts.
        if text.hasSuffix(":0") {
            let (host, _) = try HostPort.split(Substring(String(text.dropLast(2)) + ":1"), defaultPort: nil)
            return (host, 0)
        }
        let (host, port) = try HostPort.split(Substring(text), defaultPort: nil)
        return (host, port)
    }

    /// Binds `host:port` and serves `store`.
    public static func start(store: ExpositionStore, host: String, port: Int) async throws(EndpointError)
        -> MetricsEndpoint {
        let connections = OpenChannels()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 128)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MetricsEndpointHandler(store: store))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch let error as IOError {
            throw EndpointError("cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)))")
        } catch {
            throw EndpointError("cannot listen on \(host):\(port): \(error)")
        }
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw EndpointError("cannot listen on \(host):\(port): no port bound")
        }
        return MetricsEndpoint(channel: channel, host: host, port: bound, connections: connections)
    }

    /// Stops listening and closes the connections still open.
    public func close() async {
        try? await channel.close()
        for open in connections.all { try? await open.close() }
    }
}

/// The accepted connections, so closing the endpoint also ends the keep-alive connections a scraper holds.
final class OpenChannels: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Tracks `channel` until it closes.
    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        channels.withLock { $0[id] = channel }
        channel.closeFuture.whenComplete { [self] _ in _ = channels.withLock { $0.removeValue(forKey: id) } }
    }

    /// The connections open now.
    var all: [any Channel] { channels.withLock { Array($0.values) } }
}
