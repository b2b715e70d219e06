import Testing
@testable import PerfdashCore

/// A summary's exposed quantiles describe its observations; with none (`_count 0`) they describe nothing.
@Suite("Summaries without observations")
struct EmptySummaryTests {
    static func latency(count: Int) throws -> LatencyMetrics {
        // Shaped as Go's runtime summary was before its first garbage collection (`go_gc_duration_seconds`, which
        // is not read as a service latency at all), under an application's name.
        let text = """
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0"} 0
            rpc_duration_seconds{quantile="0.5"} 0
            rpc_duration_seconds{quantile="0.99"} 0.002
            rpc_duration_seconds_sum \(count == 0 ? 0 : 0.004)
            rpc_duration_seconds_count \(count)

            """
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
        return try #require(ServiceMetrics(totals: sample).latencies.first { $0.name == "rpc_duration_seconds" })
    }

    @Test func noObservationsNoQuantiles() throws {
        let latency = try Self.latency(count: 0)
        #expect(latency.observations == 0 && latency.mean == nil)
        #expect(latency.p50 == nil && latency.p99 == nil)
    }

    /// With observations the exposed values are read as they are: p50 0 s, p99 2 ms, mean 4 ms / 8.
    @Test func observationsKeepTheExposedQuantiles() throws {
        let latency = try Self.latency(count: 8)
        #expect(latency.observations == 8 && latency.mean == 0.0005)
        #expect(latency.p50 == 0 && latency.p99 == 0.002 && latency.p95 == nil)
    }

    /// A runtime's or an exporter's own durations are not the service's latency; an application's are, whatever
    /// its namespace.
    @Test(arguments: [
        ("go_gc_duration_seconds", false), ("redis_exporter_scrape_duration_seconds", false),
        ("pg_scrape_collector_duration_seconds", false), ("mysql_exporter_collector_duration_seconds", false),
        ("process_cpu_duration_seconds", false), ("promhttp_metric_handler_duration_seconds", false),
        ("rpc_duration_seconds", true), ("myapp_request_duration_seconds", true), ("gopher_duration_seconds", true),
    ])
    func whoseDurationsAreLatencies(name: String, isLatency: Bool) throws {
        let text = "# TYPE \(name) summary\n\(name)_sum 2\n\(name)_count 4\n"
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
        #expect((sample.latencies[name] != nil) == isLatency)
    }
}
