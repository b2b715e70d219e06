import Testing
@testable import PerfdashCore

/// A summary's exposed quantiles describe its observations; with none (`_count 0`) they describe nothing.
@Suite("Summaries without observations")
struct EmptySummaryTests {
    static func latency(count: Int) throws -> LatencyMetrics {
        // Go's runtime summary as prometheus-pushgateway exposed it before its first garbage collection.
        let text = """
            # TYPE go_gc_duration_seconds summary
            go_gc_duration_seconds{quantile="0"} 0
            go_gc_duration_seconds{quantile="0.5"} 0
            go_gc_duration_seconds{quantile="0.99"} 0.002
            go_gc_duration_seconds_sum \(count == 0 ? 0 : 0.004)
            go_gc_duration_seconds_count \(count)

            """
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
        return try #require(ServiceMetrics(totals: sample).latencies.first { $0.name == "go_gc_duration_seconds" })
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
}
