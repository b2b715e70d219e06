public import Prometheus
import Synchronization

/// A running demo service: where it serves, what it has done so far, and how to stop it.
public final class DemoHandle: Sendable {
    /// The scrape URL, e.g. `http://127.0.0.1:9464/metrics`.
    public var url: String { server.url }
    /// The bound port.
    public var port: Int { server.port }
    /// What serves as L2: `in-process` or `redis HOST:PORT`.
    public let secondTier: String
    /// The workload's configuration.
    public let configuration: WorkloadConfiguration
    /// The registry the service exposes (for embedding it elsewhere).
    public let registry: PrometheusCollectorRegistry

    private let server: MetricsServer
    private let runner: Task<Void, Never>
    private let redis: RedisTier?
    private let latest: SharedStats
    private let stopped = Mutex(false)

    init(server: MetricsServer, runner: Task<Void, Never>, redis: RedisTier?, stats: SharedStats,
         configuration: WorkloadConfiguration, secondTier: String, registry: PrometheusCollectorRegistry) {
        self.server = server
        self.runner = runner
        self.redis = redis
        latest = stats
        self.configuration = configuration
        self.secondTier = secondTier
        self.registry = registry
    }

    /// The workload's totals as of its last tick.
    public var stats: WorkloadStats { latest.current }

    /// Stops the workload, closes the server and the Redis connection; later calls do nothing.
    public func stop() async {
        let first = stopped.withLock { wasStopped in
            defer { wasStopped = true }
            return !wasStopped
        }
        guard first else { return }
        runner.cancel()
        await runner.value
        await server.close()
        await redis?.close()
    }
}
