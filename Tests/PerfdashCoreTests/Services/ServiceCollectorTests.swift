import Foundation
import Testing
@testable import PerfdashCore

/// The live services collector stepped by hand with known samples: exact series, sections and outages.
@Suite struct ServiceCollectorTests {
    static let app = try! QuickServiceFlag.scrape("app=http://127.0.0.1:9100/metrics")
    static let dead = try! QuickServiceFlag.scrape("dead=http://127.0.0.1:9/metrics")
    static let cache = try! QuickServiceFlag.redis("cache=redis://127.0.0.1:6390/2", environment: [:])

    /// Prometheus' histogram_quantile test buckets {0.1: 50, 0.2: 70, 1: 110, +Inf: 120}, scaled by `factor`.
    static func histogram(_ factor: Double) -> LatencyDistribution {
        .histogram(buckets: [HistogramBucket(upperBound: 0.1, count: 50 * factor),
                             HistogramBucket(upperBound: 0.2, count: 70 * factor),
                             HistogramBucket(upperBound: 1, count: 110 * factor),
                             HistogramBucket(upperBound: .infinity, count: 120 * factor)],
                   sum: 30 * factor, count: 120 * factor)
    }

    static let first = ServiceSample(
        seriesCount: 12,
        caches: ["l1": CacheCounters(hits: 100, misses: 20, evictions: 3), "l2": CacheCounters(hits: 5, misses: 5)],
        queues: ["high": 4], latencies: ["http_request_duration_seconds": histogram(0)])
    static let second = ServiceSample(
        seriesCount: 14,
        caches: ["l1": CacheCounters(hits: 190, misses: 30, evictions: 7), "l2": CacheCounters(hits: 5, misses: 5)],
        queues: ["high": 10], latencies: ["http_request_duration_seconds": histogram(1)])

    static let idleHost = HostReading(cpu: CPUReading(
        total: CPUShares(busyPercent: 0, userPercent: 0, systemPercent: 0, iowaitPercent: 0, stealPercent: 0),
        cores: []))

    static let refused = SourceError(.refused, "connection refused")

    static func time(_ seconds: Double) -> SampleTime {
        // Wall clock 1 000 000 ms at monotonic 0.
        SampleTime(monotonic: .milliseconds(Int64(seconds * 1000)), unixMilliseconds: 1_000_000 + Int64(seconds * 1000))
    }

    /// Two rounds 10 s apart: app up both times, dead refused both times.
    static func stepped() -> ServiceCollectorState {
        var state = ServiceCollectorState(services: [app, dead], interval: .seconds(10))
        state.record([ScrapeOutcome(name: "app", result: .success(first), duration: .milliseconds(20)),
                      ScrapeOutcome(name: "dead", result: .failure(refused), duration: .milliseconds(1))],
                     at: time(0))
        state.record([ScrapeOutcome(name: "app", result: .success(second), duration: .milliseconds(30)),
                      ScrapeOutcome(name: "dead", result: .failure(refused), duration: .milliseconds(2))],
                     at: time(10))
        return state
    }

    @Test func reportsHitRatesQueuesAndLatencyOverTheWindow() throws {
        let reports = Self.stepped().reports(window: .oneMinute, now: 1_012_500)
        let app = try #require(reports.first)
        #expect(app.name == "app" && app.kind == "prometheus" && app.address == "http://127.0.0.1:9100/metrics")
        #expect(app.state == .up && app.lastError == nil && app.downForSeconds == nil)
        #expect(app.scrapeDurationSeconds == 0.03 && app.seriesCount == 14)
        let metrics = try #require(app.metrics)
        #expect(metrics.scrapes == 2 && metrics.spanSeconds == 10 && metrics.window == .oneMinute)
        // l1: Δhits 190 − 100 = 90, Δmisses 30 − 20 = 10 → 90 / 100 = 90 %; evictions 7 − 3 = 4.
        let l1 = try #require(metrics.caches.first { $0.level == "l1" })
        #expect(l1.hits == 90 && l1.misses == 10 && approx(l1.hitRatePercent, 90) && l1.evictions == 4)
        // l2: no traffic between the scrapes → no hit rate, shown as n/a.
        let l2 = try #require(metrics.caches.first { $0.level == "l2" })
        #expect(l2.hitRatePercent == nil && l2.hitRateText == "n/a")
        // high: depths [4, 10] → now 10, avg 7, p95 = 4 + 0.95 · (10 − 4) = 9.7 (rank 0.95 · 1).
        let high = try #require(metrics.queues.first)
        #expect(high.queue == "high" && high.now == 10 && high.avg == 7 && approx(high.p95, 9.7) && high.max == 10)
        // Bucket increases {0.1: 50, 0.2: 70, 1: 110, +Inf: 120}: q0.5 → rank 60 in (0.1, 0.2] →
        // 0.1 + 0.1 · (60 − 50) / 20 = 0.15; q0.95 → rank 114 > 110 → the +Inf bucket → 1; q0.99 → 1.
        let latency = try #require(metrics.latencies.first)
        #expect(latency.family == "http_request_duration_seconds" && latency.observations == 120)
        #expect(approx(latency.p50Seconds, 0.15) && latency.p95Seconds == 1 && latency.p99Seconds == 1)
        #expect(approx(latency.meanSeconds, 0.25))  // Δsum 30 / Δcount 120
    }

    @Test func downServiceHasItsErrorAndDownForSeconds() throws {
        let dead = try #require(Self.stepped().reports(window: .oneMinute, now: 1_012_500).last)
        // Down since the first failed round (wall 1 000 000 ms); now 1 012 500 ms → 12.5 s.
        #expect(dead.state == .down && dead.lastError == "connection refused" && dead.errorKind == .refused)
        #expect(dead.downForSeconds == 12.5 && dead.scrapeDurationSeconds == 0.002 && dead.metrics == nil)
        #expect(dead.flatSeries().map(\.name) == ["service.dead.up", "service.dead.scrape_duration_seconds"])
        #expect(dead.flatSeries().map(\.value) == [0, 0.002])
    }

    @Test func flatSeriesNamesValuesAndLabels() throws {
        let app = try #require(Self.stepped().reports(window: .oneMinute, now: 1_012_500).first)
        let series = app.flatSeries()
        let values = Dictionary(uniqueKeysWithValues: series.map { ($0.name, $0.value) })
        let expected: [String: Double] = [
            "service.app.up": 1, "service.app.scrape_duration_seconds": 0.03, "service.app.series_count": 14,
            "service.app.cache.l1.hit_rate_percent": 90, "service.app.cache.l1.evictions": 4,
            "service.app.queue.high.depth": 10,
            "service.app.latency.http_request_duration_seconds.p50_seconds": 0.15,
            "service.app.latency.http_request_duration_seconds.p95_seconds": 1,
            "service.app.latency.http_request_duration_seconds.p99_seconds": 1,
        ]
        #expect(Set(values.keys) == Set(expected.keys))
        for (name, value) in expected { #expect(approx(values[name], value), "\(name)") }
        // l2 had no traffic: no hit-rate series at all (never 0 %), and no evictions exposed.
        #expect(!values.keys.contains { $0.hasPrefix("service.app.cache.l2") })
        let hitRate = try #require(series.first { $0.name == "service.app.cache.l1.hit_rate_percent" })
        #expect(hitRate.family == "service.cache.hit_rate_percent" && hitRate.unit == .percent)
        #expect(hitRate.labels == [SeriesLabel("service", "app"), SeriesLabel("level", "l1")])
        let p95 = try #require(series.first { $0.name.hasSuffix("p95_seconds") })
        #expect(p95.family == "service.latency.p95_seconds")
        #expect(p95.labels == [SeriesLabel("service", "app"), SeriesLabel("family", "http_request_duration_seconds")])
        let depth = try #require(series.first { $0.name == "service.app.queue.high.depth" })
        #expect(depth.labels == [SeriesLabel("service", "app"), SeriesLabel("queue", "high")])
    }

    @Test func oneScrapeGivesDepthsButNoRates() throws {
        var state = ServiceCollectorState(services: [Self.app, Self.cache], interval: .seconds(1))
        state.record([ScrapeOutcome(name: "app", result: .success(Self.second), duration: .zero)], at: Self.time(0))
        let reports = state.reports(window: .oneMinute, now: 1_000_000)
        let metrics = try #require(reports[0].metrics)
        #expect(metrics.queues.first?.now == 10 && metrics.caches.allSatisfy { $0.hitRatePercent == nil })
        // The Redis service was never scraped: pending, no series, its address keeps the database.
        #expect(reports[1].state == .pending && reports[1].kind == "redis" && reports[1].address == "127.0.0.1:6390/2")
        #expect(reports[1].flatSeries().isEmpty)
    }

    @Test func windowDropsOlderScrapes() throws {
        // Scrapes at 0 s, 10 s and 70 s: the 1 m window starts at 70 − 60 = 10 s, so l1 counts 250 − 190 = 60 hits
        // and 45 − 30 = 15 misses → 80 %; the 5 m window spans all three: 150 / (150 + 25) = 85.714… %.
        var state = Self.stepped()
        var third = Self.second
        third.caches["l1"] = CacheCounters(hits: 250, misses: 45, evictions: 7)
        state.record([ScrapeOutcome(name: "app", result: .success(third), duration: .zero)], at: Self.time(70))
        let oneMinute = try #require(state.reports(window: .oneMinute, now: 1_070_000)[0].metrics)
        #expect(approx(oneMinute.caches[0].hitRatePercent, 80) && oneMinute.scrapes == 2)
        let fiveMinutes = try #require(state.reports(window: .fiveMinutes, now: 1_070_000)[0].metrics)
        #expect(approx(fiveMinutes.caches[0].hitRatePercent, 100.0 * 150 / 175) && fiveMinutes.scrapes == 3)
    }

    @Test func sectionEncodesUnitsAndNotAvailable() throws {
        var snapshot = Snapshot(timestampUnixMs: 1_012_500, intervalSeconds: 10, elapsedSeconds: 10,
                                window: .oneMinute, host: Self.idleHost, stats: [:], notes: [])
        snapshot.services = Self.stepped().reports(window: .oneMinute, now: 1_012_500)
        let json = try SnapshotJSON.encode(snapshot, pretty: false)
        #expect(json.contains(#""hit_rate_percent":"n/a""#))
        #expect(json.contains(#""hit_rate_percent":90"#))
        #expect(json.contains(#""down_for_seconds":12.5"#) && json.contains(#""last_error":"connection refused""#))
        #expect(json.contains(#""p95_seconds":1"#) && json.contains(#""scrape_duration_seconds":0.03"#))
        #expect(try SnapshotJSON.decode(json) == snapshot)
        // Without services the key is absent, as for the autoscaler.
        snapshot.services = nil
        #expect(!(try SnapshotJSON.encode(snapshot, pretty: false)).contains("services"))
    }

    /// Yields until `condition` holds (bounded, so a bug fails the test instead of hanging it).
    static func until(_ condition: () -> Bool) async {
        for _ in 0..<100_000 where !condition() { await Task.yield() }
    }

    /// A source that answers at once with a fixed sample.
    struct FixedSource: ServiceSource {
        let sample: ServiceSample
        func scrape() async throws -> ServiceSample { sample }
    }

    /// A source that never answers (until cancelled at its deadline).
    struct HangingSource: ServiceSource {
        func scrape() async throws -> ServiceSample {
            try await Task.sleep(for: .seconds(3600))
            return ServiceSample()
        }
    }

    @Test func backgroundScrapesKeepTheirOwnScheduleWhileAnotherHangs() async throws {
        let clock = ManualClock()
        let services = [Self.app, Self.dead]
        let collector = ServiceCollector(services: services, interval: .seconds(1), targets: [
            ScrapeTarget(name: "app", source: FixedSource(sample: Self.second), timeout: .seconds(5)),
            ScrapeTarget(name: "dead", source: HangingSource(), timeout: .seconds(5)),
        ])
        let run = Task { await collector.run(clock: clock, wallClock: { 2_000_000 }) }
        defer { run.cancel() }
        func scrapes() -> Int { collector.current.window("app")?.count ?? 0 }
        // The manual clock does not move by itself: wait (yielding, never sleeping) for app's scrape at 0 s and its
        // sleep until 1 s, next to dead's 5 s deadline.
        await Self.until { scrapes() == 1 }
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(1))
        await Self.until { scrapes() == 2 }
        var state = collector.current
        // app scraped at 0 s and 1 s although dead has not answered yet.
        #expect(state.board["app"]?.state == .up && state.board["dead"]?.state == .pending)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(4))
        await Self.until { collector.current.board["dead"]?.state == .down && scrapes() == 3 }
        state = collector.current
        #expect(state.board["dead"]?.state == .down && state.board["dead"]?.errorKind == .timeout)
        #expect(state.board["dead"]?.scrapeDurationSeconds == 5)
        #expect(scrapes() == 3)
    }
}
