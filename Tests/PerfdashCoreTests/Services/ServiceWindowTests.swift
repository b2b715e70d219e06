import Foundation
import Testing
@testable import PerfdashCore

@Suite("Service window derivation")
struct ServiceWindowTests {
    static func sample(hits: Double, misses: Double, evictions: Double? = nil, queue: Double? = nil,
                       buckets: [(Double, Double)]? = nil, sum: Double = 0, count: Double = 0) -> ServiceSample {
        var sample = ServiceSample(seriesCount: 7, caches: ["l1": CacheCounters(hits: hits, misses: misses,
                                                                                evictions: evictions)])
        if let queue { sample.queues["high"] = queue }
        if let buckets {
            sample.latencies["http_request_duration_seconds"] = .histogram(
                buckets: buckets.map { HistogramBucket(upperBound: $0.0, count: $0.1) }, sum: sum, count: count)
        }
        return sample
    }

    @Test func hitRateFromCounterIncreasesWithAReset() throws {
        var window = ServiceWindow(capacity: 10)
        window.append(Self.sample(hits: 100, misses: 50, evictions: 1), at: 0)
        window.append(Self.sample(hits: 150, misses: 60, evictions: 3), at: 1)
        window.append(Self.sample(hits: 20, misses: 5, evictions: 0), at: 2)   // service restarted
        window.append(Self.sample(hits: 50, misses: 15, evictions: 2), at: 3)
        let all = try #require(window.metrics(over: 3).flatMap { $0.caches.first })
        // hits 50 + 20 (restart: the new total counts) + 30 = 100; misses 10 + 5 + 10 = 25 → 100 / 125.
        #expect(all.hits == 100)
        #expect(all.misses == 25)
        #expect(all.hitRate == 0.8)
        #expect(all.evictions == 4)  // 1 → 3: 2; 3 → 0 restart: 0; 0 → 2: 2
        let last = try #require(window.metrics(over: 1).flatMap { $0.caches.first })
        // t=2 → t=3: hits 30, misses 10 → 0.75.
        #expect(last.hitRate == 0.75)
        #expect(window.metrics(over: 1)?.scrapes == 2)
        #expect(window.metrics(over: 1)?.span == 1)
    }

    @Test func noTrafficIsNotAvailableNotZero() throws {
        var window = ServiceWindow(capacity: 10)
        window.append(Self.sample(hits: 10, misses: 5), at: 0)
        #expect(window.metrics(over: 60)?.caches.first?.hitRate == nil)  // one scrape: no delta yet
        window.append(Self.sample(hits: 10, misses: 5), at: 1)
        let cache = try #require(window.metrics(over: 60)?.caches.first)
        #expect(cache.hitRate == nil)
        #expect(cache.hits == 0)
    }

    @Test func queueStatisticsUseExactPercentiles() throws {
        var window = ServiceWindow(capacity: 10)
        for (time, depth) in [15.0, 20, 35, 40, 50].enumerated() {
            window.append(Self.sample(hits: 0, misses: 0, queue: depth), at: Double(time))
        }
        let queue = try #require(window.metrics(over: 60)?.queues.first)
        // DESIGN.md: [15,20,35,40,50] → p95 = 48 (rank 0.95·4 = 3.8 → 40 + 0.8·10); mean 160 / 5 = 32.
        #expect(queue == QueueMetrics(name: "high", current: 50, average: 32, p95: 48, maximum: 50))
        // The last 2 s hold 35, 40, 50: p95 rank 1.9 → 40 + 0.9·10 = 49.
        let recent = try #require(window.metrics(over: 2)?.queues.first)
        #expect(abs(recent.p95 - 49) < 1e-12)
        #expect(abs(recent.average - 125.0 / 3) < 1e-12)
    }

    @Test func latencyQuantilesFromBucketDeltas() throws {
        var window = ServiceWindow(capacity: 10)
        window.append(Self.sample(hits: 0, misses: 0,
                                  buckets: [(0.1, 10), (0.2, 20), (1, 30), (2, 31), (.infinity, 31)], sum: 4, count: 31),
                      at: 0)
        window.append(Self.sample(hits: 0, misses: 0,
                                  buckets: [(0.1, 60), (0.2, 90), (1, 140), (2, 149), (.infinity, 151)], sum: 40,
                                  count: 151), at: 5)
        let latency = try #require(window.metrics(over: 60)?.latencies.first)
        // Deltas: 50, 70, 110, 118, 120.
        // p50: rank 60 → (0.1, 0.2] bucket: 0.1 + 0.1·(60−50)/20 = 0.15.
        // p95: rank 114 → (1, 2] bucket: 1 + 1·(114−110)/8 = 1.5.   p99: rank 118.8 → +Inf bucket → 2.
        #expect(latency.source == .histogram)
        #expect(latency.observations == 120)
        #expect(latency.mean == 36.0 / 120)
        #expect(abs(try #require(latency.p50) - 0.15) < 1e-12)
        #expect(latency.p95 == 1.5)
        #expect(latency.p99 == 2)
    }

    @Test func latencyWithoutObservationsIsNotAvailable() throws {
        var window = ServiceWindow(capacity: 10)
        let buckets: [(Double, Double)] = [(0.1, 5), (.infinity, 9)]
        window.append(Self.sample(hits: 0, misses: 0, buckets: buckets, sum: 1, count: 9), at: 0)
        window.append(Self.sample(hits: 0, misses: 0, buckets: buckets, sum: 1, count: 9), at: 1)
        let latency = try #require(window.metrics(over: 60)?.latencies.first)
        #expect(latency.p50 == nil && latency.p95 == nil && latency.p99 == nil && latency.mean == nil)
    }

    @Test func capacityBoundsTheWindow() throws {
        #expect(ServiceWindow.capacity(window: 60, interval: 1) == 61)
        #expect(ServiceWindow.capacity(window: 900, interval: 2) == 451)
        var window = ServiceWindow(capacity: 3)
        for time in 0..<5 { window.append(Self.sample(hits: Double(time * 10), misses: 0, queue: Double(time)), at: Double(time)) }
        #expect(window.count == 3)
        let metrics = try #require(window.metrics(over: 1000))
        // Only t = 2, 3, 4 remain: hits 20 → 40, queue depths 2, 3, 4.
        #expect(metrics.caches.first?.hits == 20)
        #expect(metrics.queues.first?.average == 3)
        #expect(window.latest?.queues["high"] == 4)
        #expect(ServiceWindow(capacity: 5).metrics(over: 60) == nil)
    }

    @Test func totalsOfOneScrape() throws {
        let sample = try Exposition.sample(from: ExpositionTestSupport.fixture("service_mapping.prom"),
                                           contentType: nil, names: .defaults)
        let metrics = ServiceMetrics(totals: sample)
        #expect(metrics.scrapes == 1)
        #expect(metrics.caches.map(\.name) == ["default", "l1", "l2", "sessions"])
        // l1: 90 / (90 + 10); l2: 5 / 20 with 4 evictions.
        #expect(metrics.caches[1].hitRate == 0.9)
        #expect(metrics.caches[2] == CacheMetrics(name: "l2", hits: 5, misses: 15, hitRate: 0.25, evictions: 4,
                                                  expirations: nil))
        #expect(metrics.queues.first { $0.name == "high" } == QueueMetrics(name: "high", current: 7, average: 7,
                                                                            p95: 7, maximum: 7))
        let http = try #require(metrics.latencies.first { $0.name == "http_request_duration_seconds" })
        // Buckets 40 / 60 / 78 / 80: p50 rank 40 → 0.1; p95 rank 76 → 0.5 + 0.5·16/18; p99 rank 79.2 → +Inf → 1.
        #expect(http.p50 == 0.1)
        let expectedP95: Double = 0.5 + 0.5 * 16 / 18
        let p95 = try #require(http.p95)
        #expect(abs(p95 - expectedP95) < 1e-12)
        #expect(http.p99 == 1)
        #expect(http.mean == 32.0 / 80)
        let rpc = try #require(metrics.latencies.first { $0.name == "rpc_duration_seconds" })
        #expect(rpc == LatencyMetrics(name: "rpc_duration_seconds", source: .summary, observations: 150,
                                      mean: 0.1, p50: 0.03, p95: nil, p99: 0.2))
    }

    @Test func metricsRoundTripThroughJSON() throws {
        let sample = try Exposition.sample(from: ExpositionTestSupport.fixture("service_mapping.prom"),
                                           contentType: nil, names: .defaults)
        let metrics = ServiceMetrics(totals: sample)
        let data = try JSONEncoder().encode(metrics)
        #expect(try JSONDecoder().decode(ServiceMetrics.self, from: data) == metrics)
    }
}

extension ServiceWindowTests {
    @Test func newBucketsHaveNoIncreaseUntilSeenTwice() throws {
        var window = ServiceWindow(capacity: 10)
        window.append(Self.sample(hits: 0, misses: 0, buckets: [(1, 4), (.infinity, 4)], count: 4), at: 0)
        // The service added a 0.5 bucket; its 3 observations before this scrape are not an increase.
        window.append(Self.sample(hits: 0, misses: 0, buckets: [(0.5, 3), (1, 8), (.infinity, 10)], count: 10), at: 1)
        window.append(Self.sample(hits: 0, misses: 0, buckets: [(0.5, 5), (1, 12), (.infinity, 14)], count: 14), at: 2)
        let latency = try #require(window.metrics(over: 60)?.latencies.first)
        // Increases: 0.5: 0 + 2 = 2; 1: 4 + 4 = 8; +Inf: 6 + 4 = 10. p50: rank 5 → (0.5, 1]: 0.5 + 0.5·3/6 = 0.75.
        #expect(latency.observations == 10)
        #expect(latency.p50 == 0.75)
    }
}

/// Queues read through the window's sorted columns give what the name lookups give, when queues come and go,
/// samples are missing a queue, and the ring wraps around.
@Suite struct ServiceWindowQueueColumnTests {
    static func sample(_ queues: [String: Double]) -> ServiceSample {
        var sample = ServiceSample(seriesCount: queues.count, caches: [:])
        sample.queues = queues
        return sample
    }

    @Test func columnsMatchNameLookups() throws {
        // Scrapes 0…11 into a ring of 6: "a" always, "b" from 3 on, "c" only at 5 and 9, "é" from 7 on; scrape 8
        // lists a queue the others do not; depths vary by scrape.
        var window = ServiceWindow(capacity: 6)
        var all: [ServiceSample] = []
        for step in 0..<12 {
            var queues: [String: Double] = ["a": Double(step * 3 % 7)]
            if step >= 3 { queues["b"] = Double(100 - step) }
            if step == 5 || step == 9 { queues["c"] = 1e300 }
            if step >= 7 { queues["é"] = -Double(step) }
            if step == 8 { queues["zz"] = 0.5 }
            let sample = Self.sample(queues)
            all.append(sample)
            window.append(sample, at: Double(step))
            for span in [0.0, 2, 4, 100] {
                // The window keeps the last 6 scrapes, one per second; `span` seconds back covers span + 1.
                let expected = ServiceDerivation.metrics(samples: Array(all.suffix(min(6, Int(span) + 1))),
                                                         baseline: nil, span: 0)
                let got = try #require(window.metrics(over: span))
                #expect(got.queues == expected?.queues, "step \(step), span \(span)")
            }
        }
        let last = try #require(window.metrics(over: 100)).queues
        #expect(last.map(\.name) == ["a", "b", "é"])
        // "b" over scrapes 6…11: 94, 93, …, 89 → now 89, max 94, avg 91.5.
        #expect(last[1].current == 89 && last[1].maximum == 94 && last[1].average == 91.5)
    }
}

@Suite("Service window at sub-second intervals")
struct ServiceWindowSpacingTests {
    /// 20 minutes of scrapes every 250 ms (4,800 scrapes): the window keeps one per second plus the newest, so its
    /// size does not depend on the interval, and the rates over 1 m and 15 m equal those of an exact window
    /// (counters growing 12 hits and 4 misses per second, a reset at 600 s).
    @Test func oneScrapePerSecondIsKeptAndRatesStayExact() throws {
        var thinned = ServiceWindow(window: 900, interval: 0.25)
        var exact = ServiceWindow(capacity: ServiceWindow.capacity(window: 900, interval: 0.25))
        #expect(thinned.capacity == 902)
        #expect(thinned.spacing == 1)
        for tick in 0..<4_800 {
            let time = Double(tick) * 0.25
            let since = time < 600 ? time : time - 600   // the service restarts at 600 s
            let sample = ServiceWindowTests.sample(hits: 12 * since, misses: 4 * since, queue: Double(tick % 8))
            thinned.append(sample, at: time)
            exact.append(sample, at: time)
        }
        #expect(thinned.count == 902)
        #expect(exact.count == 3_601)
        #expect(thinned.latest?.queues["high"] == 7)   // the newest scrape is always there
        for window in [60.0, 900] {
            let cache = try #require(thinned.metrics(over: window)?.caches.first)
            let reference = try #require(exact.metrics(over: window)?.caches.first)
            #expect(cache.hitRate == 0.75)
            #expect(cache.hitRate == reference.hitRate)
            // Over the reset, what grew between the last scrape kept before it and the reset is not seen: at most
            // a second's worth here, a quarter of a second's in the exact window.
            #expect(abs(cache.hits - reference.hits) <= 12)
        }
        // Without a reset in it, the rate is exact: 12 hits per second over the window's own span.
        let recent = try #require(thinned.metrics(over: 60))
        #expect(abs(try #require(recent.caches.first).hits / recent.span - 12) < 1e-9)
        // `scrapes` still counts every scrape taken over the span (one per 250 ms, both ends), not the 61 or 901
        // kept, so "misses == scrapes − 1" holds for a service that misses once per scrape.
        for window in [60.0, 900] {
            let metrics = try #require(thinned.metrics(over: window))
            #expect(metrics.scrapes == Int((metrics.span / 0.25).rounded()) + 1)
            #expect(metrics.scrapes > 4 * Int(window) - 4)
        }
    }

    /// At 1 s and more every scrape is kept, even when jitter brings two closer than a second.
    @Test func everyScrapeIsKeptAtOneSecondOrMore() {
        var window = ServiceWindow(window: 60, interval: 1)
        #expect(window.spacing == 0)
        for time in [0.0, 0.9, 2.0, 2.95, 4.0] {
            window.append(ServiceWindowTests.sample(hits: time, misses: 0), at: time)
        }
        #expect(window.count == 5)
    }
}
