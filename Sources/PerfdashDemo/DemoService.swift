import Prometheus

/// Starts the demo service: the workload on a timer plus the `/metrics` server, in-process and stoppable.
///
/// `perfdash demo` runs it until a signal or `--duration`; `perfdash --demo` starts it next to the dashboard.
public enum DemoService {
    /// Starts the demo on 127.0.0.1:`port` (0 picks a free port), with Redis at `redis` (`HOST:PORT`) as L2 if given.
    public static func start(port: Int = 9464, redis: String? = nil) async throws -> (url: String, handle: DemoHandle) {
        var options = DemoOptions()
        options.port = port
        options.redis = redis
        return try await start(options: options)
    }

    /// Starts the demo with every option: every `options.tick` the workload runs up to the time elapsed.
    public static func start(options: DemoOptions) async throws -> (url: String, handle: DemoHandle) {
        var redisTier: RedisTier?
        if let redis = options.redis {
            let (host, port) = try parseHostPort(redis)
            redisTier = try await RedisTier.connect(host: host, port: port,
                                                    timeToLive: options.workload.l2TimeToLive)
        }
        let registry = PrometheusCollectorRegistry()
        var workload = Workload(configuration: options.workload, registry: registry, secondTier: redisTier)
        // The L2 starts warm (half its capacity, the hottest keys): a fresh demo otherwise shows an L2 hit rate
        // near 0 for its first minute, which reads like a broken panel rather than a cold cache.
        await workload.warmSecondTier(keys: min(options.workload.l2Capacity / 2, 2_000))
        let server: MetricsServer
        do {
            server = try await MetricsServer.start(registry: registry, port: options.port)
        } catch {
            await redisTier?.close()
            throw error
        }
        let latest = SharedStats()
        let runner = Task {
            await drive(workload, every: options.tick, clock: ContinuousClock(), publish: latest)
        }
        let secondTier = redisTier.map { "redis \($0.address)" } ?? "in-process"
        let handle = DemoHandle(server: server, runner: runner, redis: redisTier, stats: latest,
                                configuration: options.workload, secondTier: secondTier, registry: registry)
        return (server.url, handle)
    }

    /// The pacing loop: sleep a tick, run the workload up to the elapsed time (see `Pacer`), publish its totals.
    private static func drive<C: Clock>(_ initial: Workload, every tick: Duration, clock: C,
                                        publish latest: SharedStats) async
    where C.Duration == Duration {
        var workload = initial
        let start = clock.now
        var pacer = Pacer()
        while !Task.isCancelled {
            do { try await clock.sleep(for: tick) } catch { break }
            await workload.run(until: pacer.target(elapsed: start.duration(to: clock.now), reached: workload.now))
            latest.publish(workload.stats)
        }
    }
}
