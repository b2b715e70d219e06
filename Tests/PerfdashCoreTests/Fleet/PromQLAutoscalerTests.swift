import Foundation
import Synchronization
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// An autoscaler whose input is a PromQL query (as KEDA's Prometheus scaler) decides exactly as the same autoscaler
/// on a local series with the same values: threshold and target policies, window, cooldown and stabilization.
@Suite struct PromQLAutoscalerTests {
    static let values: [Double] = [5, 42, 95, 95, 120, 20, 3, 3, 3, 0, 70]
    static let query = #"sum(jobs_queue_depth{queue=~"high|normal"})"#

    static func specs(query: Bool) -> [AutoscalerSpec] {
        let local = "service.jobs.queue.all.depth"
        func input(_ name: String) -> MetricInput {
            query ? MetricInput(series: SeriesName.promQLInput(name, 0), label: "jobs", query: Self.query)
                : MetricInput(series: local, label: "jobs")
        }
        return [
            AutoscalerSpec(name: "workers", policy: .threshold(ThresholdPolicy(
                metric: input("workers"), scaleUpThreshold: 80, scaleDownThreshold: 10, step: 2,
                cooldownUpSeconds: 30, cooldownDownSeconds: 30)),
                windowSeconds: 15, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10),
            AutoscalerSpec(name: "hpa", policy: .target(TargetPolicy(
                metrics: [TargetMetric(metric: input("hpa"), type: .averageValue, target: 10)], tolerance: 0.1,
                behavior: HPABehavior())),
                windowSeconds: 0, replicas: .tracked(initial: 2), minReplicas: 1, maxReplicas: 50),
        ]
    }

    @Test func sameRecommendationsAsOnTheLocalSeries() async throws {
        let round = Mutex(0)
        let api = try FakePrometheusAPI { request in
            guard request.parameters["query"] == Self.query else { return .vector([]) }
            let index = round.withLock { $0 }
            if index >= Self.values.count { return FakePrometheusAPI.Reply(status: 503, body: "unavailable") }
            return .vector([([:], Self.values[index])])
        }
        defer { api.stop() }
        let settings = FleetSettings(server: PrometheusServer(endpoint: try HTTPEndpoint(parsing: api.url)),
                                     queries: FleetQueries(source: .node), interval: .seconds(10))
        let remoteSpecs = Self.specs(query: true)
        let collector = FleetCollector(settings: settings, inputQueries: remoteSpecs.flatMap(\.promQLInputs))
        #expect(collector.inputQueries.map(\.series) == ["promql.workers", "promql.hpa"])
        let root = HostFixture.root("ordinary", 2)
        let configuration = SamplerConfiguration(interval: .seconds(10))
        var local = Monitor(sampler: Sampler(reader: try HostReader(root: root), configuration: configuration),
                            autoscalers: Self.specs(query: false))
        var remote = LiveMonitor(
            monitor: Monitor(sampler: Sampler(reader: try HostReader(root: root), configuration: configuration),
                             autoscalers: remoteSpecs),
            services: nil, fleet: collector)
        let time = { (tick: Int) in SampleTime(monotonic: .seconds(10 * tick), unixMilliseconds: 1_795_312_940_000 + 10_000 * Int64(tick)) }
        _ = try local.tick(at: time(0))
        _ = try remote.tick(at: time(0))
        for (index, value) in Self.values.enumerated() {
            round.withLock { $0 = index }
            await collector.round(at: Double(time(index + 1).unixMilliseconds) / 1000, clock: ContinuousClock())
            let a = try #require(try local.tick(at: time(index + 1), extraSeries: [
                FlatSeries(name: "service.jobs.queue.all.depth", value: value, unit: .count)]))
            let b = try #require(try remote.tick(at: time(index + 1)))
            let (left, right) = (try #require(a.autoscaler), try #require(b.autoscaler))
            for (x, y) in zip(left, right) {
                let (r, s) = (x.recommendation, y.recommendation)
                #expect(r.action == s.action, "tick \(index)")
                #expect(r.from == s.from)
                #expect(r.to == s.to)
                #expect(r.rule == s.rule)
                #expect(r.reason == s.reason, "tick \(index)")
                #expect(r.metrics.map(\.value) == s.metrics.map(\.value))
                #expect(r.cooldownSecondsLeft == s.cooldownSecondsLeft)
                #expect(r.stabilizationSecondsLeft == s.stabilizationSecondsLeft)
            }
            #expect(b.stats["promql.workers"]?.max == a.stats["service.jobs.queue.all.depth"]?.max)
        }
        // The recommendations moved (this is not a comparison of two idle autoscalers).
        let actions = Set(local.autoscalers.autoscalers.flatMap { $0.history.map(\.action) })
        #expect(actions == [.up, .down, .none])

        // The server fails: the input has no value (never 0), and the note names the query.
        round.withLock { $0 = Self.values.count }
        await collector.round(at: 1_795_313_100, clock: ContinuousClock())
        let failed = try #require(try remote.tick(at: time(Self.values.count + 1)))
        #expect(failed.autoscaler?.first?.missingSeries == ["promql.workers"])
        #expect(failed.notes.contains { $0.hasPrefix("autoscaler input promql.workers: HTTP 503") && $0.contains(Self.query) })
    }

    @Test func anInputMustBeOneNumber() async throws {
        let api = try FakePrometheusAPI { request in
            request.parameters["query"] == "many" ? .vector([(["a": "1"], 1), (["a": "2"], 2)]) : .vector([])
        }
        defer { api.stop() }
        let settings = FleetSettings(server: PrometheusServer(endpoint: try HTTPEndpoint(parsing: api.url)))
        let collector = FleetCollector(settings: settings, inputQueries: [("promql.a", "many"), ("promql.b", "none")])
        await collector.round(at: 1, clock: ContinuousClock())
        #expect(collector.inputSeries().isEmpty)
        #expect(collector.inputFailures.map(\.line) == [
            "2 samples: aggregate it to one (sum, max…) · query: many",
            "no sample: the query returned an empty vector · query: none",
        ])
    }
}
