public import Prometheus

/// The demo's Prometheus collectors, named after perfdash's default conventions (`*cache_hits_total` with a
/// `level` label, `*queue_depth` with a `queue` label, `*_duration_seconds` histograms).
///
/// Per-tier latencies are separate unlabeled histogram families, so each shows as its own latency row in perfdash.
public struct DemoMetrics: Sendable {
    /// Buckets of the request and per-tier latency histograms, 100 µs to 1 s.
    public static let latencyBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                        0.25, 0.5, 1]
    /// Buckets of the queue wait histograms, 1 ms to 30 s.
    public static let waitBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30]
    /// Statuses the demo answers with.
    public static let statuses = [200, 404, 429, 503]
    /// HTTP routes, chosen from the request's key: most traffic reads products, some users, a little search, and
    /// load balancers poll `/healthz` (perfdash leaves that out of RED).
    public static let routes = ["/api/products/:id", "/api/users/:id", "/api/search", "/healthz"]

    /// The route a request for `key` takes (deterministic, so seeded runs repeat).
    public static func route(forKey key: Int) -> String {
        switch abs(key % 100) {
        case 0..<60: routes[0]
        case 60..<88: routes[1]
        case 88..<98: routes[2]
        default: routes[3]
        }
    }

    let requests: [Int: Counter]
    let requestDuration: ValueHistogram
    let routeRequests: [String: [Int: Counter]]
    let routeDuration: [String: ValueHistogram]
    let poolIdle: Gauge
    let tierDuration: [CacheLevel: ValueHistogram]
    let hits: [CacheLevel: Counter]
    let misses: [CacheLevel: Counter]
    let evictions: [CacheLevel: Counter]
    let expirations: [CacheLevel: Counter]
    let entries: [CacheLevel: Gauge]
    let queueDepth: [JobPriority: Gauge]
    let enqueued: [JobPriority: Counter]
    let started: [JobPriority: Counter]
    let queueWait: [JobPriority: ValueHistogram]
    let workersBusy: Gauge
    let poolInUse: Gauge
    let poolExhausted: Counter
    let rejections: Counter
    let l2Errors: Counter

    /// Registers every collector in `registry`; `l2Kind` goes into the `demo_workload_info` labels.
    public init(registry: PrometheusCollectorRegistry, configuration: WorkloadConfiguration, l2Kind: String) {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "demo", metricName: metric, unitName: unit, helpText: help)
        }
        let cached: [CacheLevel] = [.l1, .l2]
        let requestsName = name("requests", "total", "Requests handled, by HTTP status (synthetic workload)")
        requests = Dictionary(uniqueKeysWithValues: Self.statuses.map {
            ($0, registry.makeCounter(descriptor: requestsName, labels: [("status", String($0))]))
        })
        requestDuration = registry.makeValueHistogram(
            descriptor: name("request_duration", "seconds", "Request latency through the cache tiers"),
            buckets: Self.latencyBuckets)
        let tierNames: [CacheLevel: (String, String)] = [
            .l1: ("l1_lookup_duration", "L1 in-process cache lookup latency"),
            .l2: ("l2_lookup_duration", "L2 cache lookup latency"),
            .l3: ("l3_query_duration", "L3 database query latency"),
        ]
        let routeRequestsName = name("http_requests", "total", "HTTP requests by route and status")
        routeRequests = Dictionary(uniqueKeysWithValues: Self.routes.map { route in
            (route, Dictionary(uniqueKeysWithValues: Self.statuses.map {
                ($0, registry.makeCounter(descriptor: routeRequestsName,
                                          labels: [("route", route), ("status", String($0))]))
            }))
        })
        let routeDurationName = name("http_request_duration", "seconds", "HTTP request latency by route")
        routeDuration = Dictionary(uniqueKeysWithValues: Self.routes.map {
            ($0, registry.makeValueHistogram(descriptor: routeDurationName, labels: [("route", $0)],
                                             buckets: Self.latencyBuckets))
        })
        tierDuration = tierNames.mapValues { metric, help in
            registry.makeValueHistogram(descriptor: name(metric, "seconds", help), buckets: Self.latencyBuckets)
        }
        func perLevel(_ levels: [CacheLevel], _ descriptor: MetricNameDescriptor) -> [CacheLevel: Counter] {
            Dictionary(uniqueKeysWithValues: levels.map {
                ($0, registry.makeCounter(descriptor: descriptor, labels: [("level", $0.rawValue)]))
            })
        }
        hits = perLevel(CacheLevel.allCases, name("cache_hits", "total", "Cache hits by tier (l3: row found)"))
        misses = perLevel(CacheLevel.allCases, name("cache_misses", "total", "Cache misses by tier (l3: no row)"))
        evictions = perLevel(cached, name("cache_evictions", "total", "Live entries evicted from a full cache"))
        expirations = perLevel(cached, name("cache_expirations", "total", "Entries found past their TTL"))
        let entriesName = name("cache_entries", "", "Entries held by the cache")
        entries = Dictionary(uniqueKeysWithValues: (l2Kind == "redis" ? [.l1] : cached).map {
            ($0, registry.makeGauge(descriptor: entriesName, labels: [("level", $0.rawValue)]))
        })
        func perQueue<M>(_ make: (JobPriority) -> M) -> [JobPriority: M] {
            Dictionary(uniqueKeysWithValues: JobPriority.allCases.map { ($0, make($0)) })
        }
        let depthName = name("queue_depth", "", "Jobs waiting in each priority queue")
        queueDepth = perQueue { registry.makeGauge(descriptor: depthName, labels: [("queue", $0.rawValue)]) }
        let enqueuedName = name("queue_jobs_enqueued", "total", "Jobs enqueued per queue")
        enqueued = perQueue { registry.makeCounter(descriptor: enqueuedName, labels: [("queue", $0.rawValue)]) }
        let startedName = name("queue_jobs_started", "total", "Jobs a worker started per queue")
        started = perQueue { registry.makeCounter(descriptor: startedName, labels: [("queue", $0.rawValue)]) }
        let waitName = name("queue_wait", "seconds", "Time a job waited before a worker took it")
        queueWait = perQueue {
            registry.makeValueHistogram(descriptor: waitName, labels: [("queue", $0.rawValue)], buckets: Self.waitBuckets)
        }
        workersBusy = registry.makeGauge(descriptor: name("workers_busy", "", "Workers running a job"))
        registry.makeGauge(descriptor: name("workers", "", "Workers in the pool")).set(Double(configuration.workers))
        poolInUse = registry.makeGauge(
            descriptor: name("db_pool_connections_in_use", "", "Database connections in use (queries and workers)"))
        registry.makeGauge(descriptor: name("db_pool_connections_max", "", "Database connections in the pool"))
            .set(Double(configuration.poolSize))
        poolIdle = registry.makeGauge(descriptor: name("db_pool_connections_idle", "", "Database connections idle"))
        poolExhausted = registry.makeCounter(
            descriptor: name("db_pool_exhausted", "total", "Requests refused because every connection was taken"))
        rejections = registry.makeCounter(
            descriptor: name("rate_limiter_rejections", "total", "Requests rejected by the rate limiter"),
            labels: [("limiter", "api")])
        l2Errors = registry.makeCounter(descriptor: name("l2_errors", "total", "Failed L2 operations"))
        registry.makeGauge(
            descriptor: name("workload_info", "", "Always 1: this is perfdash's synthetic demo workload"),
            labels: [("kind", "synthetic"), ("l2", l2Kind), ("seed", String(configuration.seed))]
        ).set(to: 1)
    }
}
