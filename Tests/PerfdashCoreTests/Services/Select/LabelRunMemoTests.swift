import Foundation
import Testing
@testable import PerfdashCore

/// A candidate decides once per run of samples whose labels differ only in `le` or `quantile`; the numbers are
/// the same as deciding on every line, and a selector that reads `le` itself is decided on every line.
@Suite struct LabelRunMemoTests {
    /// Two routes, their buckets, `_sum` and `_count` interleaved the way client libraries write them, then a
    /// route again after another family (a run broken and resumed).
    static let body = """
        # TYPE http_requests_total counter
        http_requests_total{route="/a",status="200"} 90
        http_requests_total{route="/a",status="500"} 10
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{route="/a",le="0.1"} 60
        http_request_duration_seconds_bucket{route="/a",le="0.5"} 90
        http_request_duration_seconds_bucket{route="/a",le="+Inf"} 100
        http_request_duration_seconds_sum{route="/a"} 12
        http_request_duration_seconds_count{route="/a"} 100
        http_request_duration_seconds_bucket{route="/b",le="0.1"} 5
        http_request_duration_seconds_bucket{route="/b",le="0.5"} 15
        http_request_duration_seconds_bucket{route="/b",le="+Inf"} 20
        http_request_duration_seconds_sum{route="/b"} 6
        http_request_duration_seconds_count{route="/b"} 20
        # TYPE http_request_size_bytes histogram
        http_request_size_bytes_bucket{route="/a",le="+Inf"} 3

        """

    static func sample(_ selectors: ServiceSelectors) throws -> ServiceSample {
        var names = ServiceMetricNames.defaults
        names.selectors = selectors
        return try Exposition.sample(from: Array(body.utf8), contentType: nil, names: names)
    }

    @Test func bucketsOfOneSeriesShareADecision() throws {
        let sample = try Self.sample(.automatic)
        let metrics = ServiceMetrics(totals: sample)
        let routes = Dictionary(uniqueKeysWithValues: metrics.red.routes.map { ($0.name, $0) })
        #expect(routes["/a"]?.requests == 100 && routes["/a"]?.errors == 10)
        // /a: 100 observations, p50 rank 50 of 60 in the first bucket → 0.1·50/60; /b: rank 10 → 0.1 + 0.4·5/10.
        #expect(abs(try #require(routes["/a"]?.latency?.p50) - 0.1 * 50 / 60) < 1e-12)
        #expect(abs(try #require(routes["/b"]?.latency?.p50) - 0.3) < 1e-12)
    }

    /// A selector that reads `le` itself is decided on every line: the 0.5 s bucket as a queue depth per route
    /// (a figure with no other source) is /a 90 and /b 15. A memo that left `le` out would decide on each series'
    /// first bucket (0.1 s) and count none.
    @Test func aSelectorOnLeIsDecidedPerLine() throws {
        let selectors = ServiceSelectors(
            preset: .auto,
            overrides: [.queueDepth: [try MetricSelector(parsing: #"http_request_duration_seconds_bucket{le="0.5"}"#)]],
            by: [.queue: ["route"]])
        let metrics = ServiceMetrics(totals: try Self.sample(selectors))
        #expect(metrics.queues.map(\.name) == ["/a", "/b"])
        #expect(metrics.queues.map(\.current) == [90, 15])
    }
}
