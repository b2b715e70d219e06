import PerfdashDemo
import Prometheus
import Testing

@Suite struct MetricsServerTests {
    /// Families the dashboard relies on, with their exposition type.
    static let families = [
        "demo_cache_hits_total": "counter", "demo_cache_misses_total": "counter",
        "demo_cache_evictions_total": "counter", "demo_queue_depth": "gauge",
        "demo_request_duration_seconds": "histogram", "demo_l1_lookup_duration_seconds": "histogram",
        "demo_l2_lookup_duration_seconds": "histogram", "demo_l3_query_duration_seconds": "histogram",
        "demo_requests_total": "counter", "demo_db_pool_connections_in_use": "gauge",
        "demo_rate_limiter_rejections_total": "counter",
        "demo_http_requests_total": "counter", "demo_http_request_duration_seconds": "histogram",
        "demo_db_pool_connections_idle": "gauge", "demo_queue_wait_seconds": "histogram",
        "demo_workload_info": "gauge",
    ]

    @Test func servesTheWorkloadsCountersOverHTTP() async throws {
        let registry = PrometheusCollectorRegistry()
        var workload = Workload(registry: registry)
        await workload.step(count: 2_000)
        let server = try await MetricsServer.start(registry: registry, port: 0)
        do {
            #expect(server.port > 0)
            #expect(server.url == "http://127.0.0.1:\(server.port)/metrics")

            let first = try await HTTP.get(server.url)
            #expect(first.status == 200)
            #expect(first.contentType == "text/plain; version=0.0.4; charset=utf-8")
            let types = Exposition.types(first.body)
            for (family, type) in Self.families {
                #expect(types[family] == type, "\(family)")
            }
            try Self.expectConsistent(Exposition.values(first.body), with: workload.stats)

            // Driving more requests moves the served counters by exactly as much.
            await workload.step(count: 1_500)
            let second = Exposition.values(try await HTTP.get(server.url).body)
            try Self.expectConsistent(second, with: workload.stats)
            #expect(second["demo_request_duration_seconds_count"] == 3_500)

            let missing = try await HTTP.get("http://127.0.0.1:\(server.port)/nope")
            #expect(missing.status == 404)
            let root = try await HTTP.get("http://127.0.0.1:\(server.port)/")
            #expect(root.body.contains("synthetic"))
        } catch {
            await server.close()
            throw error
        }
        await server.close()
        await #expect(throws: (any Error).self) { _ = try await HTTP.get(server.url) }
    }

    static func expectConsistent(_ values: [String: Double], with stats: WorkloadStats) throws {
        for level in CacheLevel.allCases {
            #expect(values[#"demo_cache_hits_total{level="\#(level.rawValue)"}"#]
                    == Double(stats.hits[level, default: 0]))
            #expect(values[#"demo_cache_misses_total{level="\#(level.rawValue)"}"#]
                    == Double(stats.misses[level, default: 0]))
        }
        #expect(values[#"demo_cache_evictions_total{level="l1"}"#] == Double(stats.evictions[.l1, default: 0]))
        for status in [200, 404, 429, 503] {
            #expect(values[#"demo_requests_total{status="\#(status)"}"#] == Double(stats.responses[status, default: 0]))
        }
        #expect(values["demo_request_duration_seconds_count"] == Double(stats.requests))
        // The per-route families add up to the same responses and requests.
        for status in [200, 404, 429, 503] {
            let perRoute = DemoMetrics.routes.map {
                values[#"demo_http_requests_total{route="\#($0)",status="\#(status)"}"#] ?? 0
            }
            #expect(perRoute.reduce(0, +) == Double(stats.responses[status, default: 0]))
        }
        let routeCounts = DemoMetrics.routes.map {
            values[#"demo_http_request_duration_seconds_count{route="\#($0)"}"#] ?? 0
        }
        #expect(routeCounts.reduce(0, +) == Double(stats.requests))
        #expect(values[#"demo_request_duration_seconds_bucket{le="+Inf"}"#] == Double(stats.requests))
        for queue in JobPriority.allCases {
            let depth = stats.enqueued[queue, default: 0] - stats.started[queue, default: 0]
            #expect(values[#"demo_queue_depth{queue="\#(queue.rawValue)"}"#] == Double(depth))
        }
    }

    @Test func aTakenPortIsReportedInOneLine() async throws {
        let first = try await MetricsServer.start(registry: PrometheusCollectorRegistry(), port: 0)
        let error = await #expect(throws: DemoError.self) {
            _ = try await MetricsServer.start(registry: PrometheusCollectorRegistry(), port: first.port)
        }
        await first.close()
        #expect(error?.description == "cannot listen on 127.0.0.1:\(first.port): Address already in use (choose another --port)")
    }
}

@Suite struct DemoServiceTests {
    @Test func startsOnAFreePortServesAndStops() async throws {
        let (url, handle) = try await DemoService.start(port: 0)
        let body = try await HTTP.get(url).body
        #expect(body.contains(#"demo_workload_info{kind="synthetic",l2="in-process",seed="42"} 1.0"#))
        #expect(handle.secondTier == "in-process")
        await handle.stop()
        await handle.stop() // idempotent
        await #expect(throws: (any Error).self) { _ = try await HTTP.get(url) }
    }

    @Test func aBadRedisAddressIsRefusedBeforeAnythingStarts() async {
        let error = await #expect(throws: DemoError.self) { _ = try await DemoService.start(port: 0, redis: "nohost") }
        #expect(error == .badRedisAddress("nohost"))
    }
}
