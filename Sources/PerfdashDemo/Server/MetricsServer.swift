import Foundation
public import Prometheus
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server exposing a Prometheus registry at `/metrics` on a loopback address.
public final class MetricsServer: Sendable {
    /// The port actually bound (the chosen one when started with port 0).
    public let port: Int
    /// The host bound.
    public let host: String
    private let channel: any Channel
    private let connections: OpenConnections

    private init(channel: any Channel, connections: OpenConnections, host: String, port: Int) {
        self.channel = channel
        self.connections = connections
        self.host = host
        self.port = port
    }

    /// The scrape URL, e.g. `http://127.0.0.1:9464/metrics`.
    public var url: String { "http://\(host):\(port)/metrics" }

    /// Binds `host:port` (port 0 picks a free one) and starts serving `registry`.
    public static func start(registry: PrometheusCollectorRegistry, host: String = "127.0.0.1",
                             port: Int) async throws -> MetricsServer {
        let connections = OpenConnections()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(registry: registry))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch let error as IOError {
            throw DemoError.cannotListen(address: "\(host):\(port)", reason: String(cString: strerror(error.errnoCode)))
        } catch {
            throw DemoError.cannotListen(address: "\(host):\(port)", reason: "\(error)")
        }
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw DemoError.noPort
        }
        return MetricsServer(channel: channel, connections: connections, host: host, port: bound)
    }

    /// Stops listening and closes the connections still open.
    public func close() async {
        try? await channel.close()
        await connections.closeAll()
    }
}
