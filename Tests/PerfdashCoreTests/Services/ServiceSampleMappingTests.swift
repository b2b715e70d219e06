import Testing
@testable import PerfdashCore

@Suite("Exposition → ServiceSample")
struct ServiceSampleMappingTests {
    static func mapped() throws -> ServiceSample {
        try Exposition.sample(from: ExpositionTestSupport.fixture("service_mapping.prom"), contentType: nil,
                              names: .defaults)
    }

    @Test func cacheCountersAreSummedPerLevelOrCacheLabel() throws {
        let sample = try Self.mapped()
        // l1: hits 80 + 10 (pod c is NaN, skipped), misses 7 + 3. `mycache_hits_total` lacks the `_` boundary.
        #expect(sample.caches == [
            "l1": CacheCounters(hits: 90, misses: 10),
            "l2": CacheCounters(hits: 5, misses: 15, evictions: 4),
            "sessions": CacheCounters(hits: 9, misses: 1),
            "default": CacheCounters(hits: 2, misses: 2),
        ])
    }

    @Test func queueDepthsAreSummedPerQueue() throws {
        // high: 3 + 4 across pods; `_length` also counts; no queue label → default.
        #expect(try Self.mapped().queues == ["high": 7, "low": 10, "default": 5])
    }

    @Test func histogramBucketsAreSummedByLeAcrossOtherLabels() throws {
        let sample = try Self.mapped()
        // /a + /b per bound: 30+10, 40+20, 48+30 (le "1" and "1.0" are the same bound), 50+30; sum 20+12, count 80.
        #expect(sample.latencies["http_request_duration_seconds"] == .histogram(
            buckets: [HistogramBucket(upperBound: 0.1, count: 40), HistogramBucket(upperBound: 0.5, count: 60),
                      HistogramBucket(upperBound: 1, count: 78), HistogramBucket(upperBound: .infinity, count: 80)],
            sum: 32, count: 80))
    }

    @Test func summaryKeepsTheHighestQuantilePerLevel() throws {
        let sample = try Self.mapped()
        #expect(sample.latencies["rpc_duration_seconds"] == .summary(quantiles: [0.5: 0.03, 0.99: 0.2], sum: 15,
                                                                     count: 150))
        // A gauge and an untyped series without quantile or buckets are not latency distributions.
        #expect(sample.latencies.count == 2)
    }

    @Test func seriesCountCountsEverySampleLine() throws {
        let bytes = try ExpositionTestSupport.fixture("service_mapping.prom")
        let lines = bytes.split(separator: UInt8(ascii: "\n")).filter { $0.first != UInt8(ascii: "#") }
        #expect(try Self.mapped().seriesCount == lines.count)
        #expect(lines.count == 39)
    }

    @Test func customNamesOverrideTheDefaults() throws {
        let text = """
        lookups_found_total{tier="hot"} 3
        lookups_missing_total{tier="hot"} 1
        backlog{lane="bulk"} 12
        job_latency_bucket{le="1"} 1
        job_latency_bucket{le="+Inf"} 2

        """
        let names = ServiceMetricNames(cacheHits: "lookups_found_total", cacheMisses: "lookups_missing_total",
                                       cacheEvictions: "lookups_evicted_total", cacheLabels: ["tier"],
                                       queueDepth: ["backlog"], queueLabel: "lane", latency: "job_latency")
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: names)
        #expect(sample.caches == ["hot": CacheCounters(hits: 3, misses: 1)])
        #expect(sample.queues == ["bulk": 12])
        #expect(sample.latencies["job_latency"] == .histogram(
            buckets: [HistogramBucket(upperBound: 1, count: 1), HistogramBucket(upperBound: .infinity, count: 2)],
            sum: 0, count: 0))
    }

    @Test func openMetricsCountersWithTotalSuffixMap() throws {
        let text = """
        # TYPE cache_hits counter
        cache_hits_total{level="l1"} 8
        cache_hits_created{level="l1"} 1700000000.5
        # TYPE cache_misses counter
        cache_misses_total{level="l1"} 2
        # EOF

        """
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
        #expect(sample.caches == ["l1": CacheCounters(hits: 8, misses: 2)])
        #expect(sample.seriesCount == 3)
    }

    @Test(arguments: [
        ("cache_hits_total", "cache_hits_total", true), ("app_cache_hits_total", "cache_hits_total", true),
        ("mycache_hits_total", "cache_hits_total", false), ("cache_hits_total_x", "cache_hits_total", false),
        ("http_request_duration_seconds", "_duration_seconds", true), ("x", "", false),
    ])
    func nameMatching(name: String, pattern: String, expected: Bool) {
        #expect(MetricNameMatch.matches(name, pattern) == expected)
    }
}
