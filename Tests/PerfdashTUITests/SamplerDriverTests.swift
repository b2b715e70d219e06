import PerfdashCore
@testable import PerfdashTUI
import Testing
import PerfdashTestSupport

/// The driver's model carries the services' reports over the window the dashboard shows, read from the collector.
@Suite struct SamplerDriverTests {
    /// A driver over the `ordinary` fixture host and a collector for `api` that is never started: its scrapes are
    /// recorded by hand at monotonic seconds 0, 170, 230, 260 with cumulative hits / misses (0, 0), (100, 100),
    /// (190, 110), (280, 120).
    static func driver() throws -> SamplerDriver {
        let api = try QuickServiceFlag.scrape("api=http://127.0.0.1:9/metrics")
        let collector = ServiceCollector(services: [api], interval: .seconds(1))
        for (seconds, hits, misses) in [(0, 0.0, 0.0), (170, 100, 100), (230, 190, 110), (260, 280, 120)] {
            let sample = ServiceSample(seriesCount: 2, caches: ["l1": CacheCounters(hits: hits, misses: misses)])
            collector.record([ScrapeOutcome(name: "api", result: .success(sample), duration: .milliseconds(3))],
                             at: SampleTime(monotonic: .seconds(seconds), unixMilliseconds: 1_700_000_000_000))
        }
        let reader = try HostReader(root: TestPaths.fixture("host/ordinary/reading1").path)
        let monitor = Monitor(sampler: Sampler(reader: reader))
        return SamplerDriver(monitor: LiveMonitor(monitor: monitor, services: collector), servicesNote: "note")
    }

    @Test func theWindowFlowsToTheServicesReports() throws {
        let driver = try Self.driver()
        // 1m: scrapes at or after 260 − 60 = 200, so 230 and 260: Δhits 90, Δmisses 10 → 90 %.
        let oneMinute = driver.model(window: .oneMinute, graphLength: 10)
        #expect(oneMinute.services.map(\.name) == ["api"])
        #expect(oneMinute.services.first?.metrics?.caches.first?.hitRateText == "90.0%")
        #expect(oneMinute.servicesNote == "note")
        // 5m: every scrape: Δhits 280, Δmisses 120 → 70 %.
        let fiveMinutes = driver.model(window: .fiveMinutes, graphLength: 10)
        #expect(fiveMinutes.services.first?.metrics?.caches.first?.hitRateText == "70.0%")
        #expect(fiveMinutes.services.first?.metrics?.window == .fiveMinutes)
    }

    @Test func aPlainSamplerHasNoServices() throws {
        let reader = try HostReader(root: TestPaths.fixture("host/ordinary/reading1").path)
        let driver = SamplerDriver(sampler: Sampler(reader: reader))
        let model = driver.model(window: .oneMinute, graphLength: 10)
        #expect(model.services.isEmpty && model.autoscalers.isEmpty && model.servicesNote == nil)
    }
}
