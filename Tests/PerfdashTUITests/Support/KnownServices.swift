import PerfdashCore
@testable import PerfdashTUI

/// Hand-built service reports with values worked out in the comments.
enum KnownServices {
    /// `api`: L1 370 hits / 30 misses = 92.5 %; L2 125 / 75 = 62.5 %; L3 without traffic (n/a).
    /// Queues high 4 + batch 10 = 14 now. Request latency p95 0.0123 s = 12.3 ms.
    static let api = ServiceReport(
        name: "api", kind: "prometheus", address: "http://127.0.0.1:9100/metrics", state: .up, lastError: nil,
        errorKind: nil, downForSeconds: nil, scrapeDurationSeconds: 0.00421, seriesCount: 1234,
        metrics: ServiceWindowReport(ServiceMetrics(
            seriesCount: 1234, scrapes: 60, span: 59,
            caches: [CacheMetrics(name: "l1", hits: 370, misses: 30, hitRate: 370.0 / 400, evictions: 12,
                                  expirations: nil),
                     CacheMetrics(name: "l2", hits: 125, misses: 75, hitRate: 0.625, evictions: nil, expirations: nil),
                     CacheMetrics(name: "l3", hits: 0, misses: 0, hitRate: nil, evictions: nil, expirations: nil)],
            queues: [QueueMetrics(name: "high", current: 4, average: 2.5, p95: 6, maximum: 8),
                     QueueMetrics(name: "batch", current: 10, average: 7.25, p95: 20, maximum: 25)],
            latencies: [LatencyMetrics(name: "db_query_duration_seconds", source: .histogram, observations: 900,
                                       mean: 0.004, p50: 0.003, p95: 0.02, p99: 0.045),
                        LatencyMetrics(name: "http_request_duration_seconds", source: .histogram, observations: 300,
                                       mean: 0.005, p50: 0.000850, p95: 0.0123, p99: 1.25)]),
            window: .oneMinute))

    /// `idle`: up, one cache without traffic in the window.
    static let idle = ServiceReport(
        name: "idle", kind: "prometheus", address: "http://127.0.0.1:9200/metrics", state: .up, lastError: nil,
        errorKind: nil, downForSeconds: nil, scrapeDurationSeconds: 0.002, seriesCount: 10,
        metrics: ServiceWindowReport(ServiceMetrics(
            seriesCount: 10, scrapes: 5, span: 4,
            caches: [CacheMetrics(name: "l1", hits: 0, misses: 0, hitRate: nil, evictions: nil, expirations: nil)],
            queues: [], latencies: []), window: .oneMinute))

    /// `worker`: a Redis that refuses connections, down for 12.4 s.
    static let worker = ServiceReport(
        name: "worker", kind: "redis", address: "127.0.0.1:6390", state: .down, lastError: "connection refused",
        errorKind: .refused, downForSeconds: 12.4, scrapeDurationSeconds: 0.0003, seriesCount: 0, metrics: nil)

    static func model(_ services: [ServiceReport] = [api, idle, worker]) -> DashboardModel {
        var model = KnownHost.model()
        model.services = services
        return model
    }
}
