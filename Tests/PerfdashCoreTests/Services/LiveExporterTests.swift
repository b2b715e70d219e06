import Foundation
import Testing
@testable import PerfdashCore

/// Real exporters on 127.0.0.1: a prometheus_client service with known values, and prometheus-node-exporter.
@Suite("Live exporters", .serialized)
struct LiveExporterTests {
    static let openMetrics = "application/openmetrics-text; version=1.0.0"

    /// Starts the Python service and returns it with its /metrics URL.
    static func startPythonService(_ options: [String] = []) throws -> (ChildProcess, String) {
        let script = TestPaths.fixture("exposition/instrumented_service.py").path
        let service = try ChildProcess(["python3", script] + options, stdinPipe: true, output: .pipe)
        guard let line = service.readLine(), line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            service.stop()
            throw ChildProcess.SpawnError(code: ECHILD, command: "the prometheus_client service")
        }
        return (service, "http://127.0.0.1:\(port)/metrics")
    }

    @Test(arguments: [nil, openMetrics])
    func pythonServiceTotals(accept: String?) throws {
        let (service, url) = try Self.startPythonService()
        defer { service.stop() }
        let (body, contentType) = try ExpositionTestSupport.fetch(url, accept: accept)
        #expect(contentType.hasPrefix(accept == nil ? "text/plain" : "application/openmetrics-text"))
        let sample = try Exposition.sample(from: body, contentType: contentType, names: .defaults)
        #expect(sample.caches == ["l1": CacheCounters(hits: 170, misses: 30, evictions: 5),
                                  "l2": CacheCounters(hits: 30, misses: 70)])
        #expect(sample.queues == ["high": 3, "low": 12])

        let metrics = ServiceMetrics(totals: sample)
        // l1: 170 / 200 = 0.85 (exactly the target); l2: 30 / 100.
        #expect(metrics.caches.map(\.hitRate) == [0.85, 0.3])
        let latency = try #require(metrics.latencies.first { $0.name == "http_request_duration_seconds" })
        // Cumulative over both routes: ≤0.05: 10, ≤0.1: 30, ≤0.25: 70, ≤0.5: 90, ≤1: 98, +Inf: 100.
        // p50: rank 50 in (0.1, 0.25]: 0.1 + 0.15·20/40 = 0.175. p95: rank 95 in (0.5, 1]: 0.5 + 0.5·5/8 = 0.8125.
        // p99: rank 99 lands in +Inf → 1. Mean 30.1 / 100.
        #expect(latency.observations == 100)
        #expect(abs(try #require(latency.p50) - 0.175) < 1e-12)
        #expect(latency.p95 == 0.8125)
        #expect(latency.p99 == 1)
        #expect(abs(try #require(latency.mean) - 0.301) < 1e-12)
        // prometheus_client's Summary exposes count and sum only: mean (0.5 + 1.5) / 2, no quantiles.
        let rpc = try #require(metrics.latencies.first { $0.name == "rpc_duration_seconds" })
        #expect(rpc == LatencyMetrics(name: "rpc_duration_seconds", source: .summary, observations: 2, mean: 1,
                                      p50: nil, p95: nil, p99: nil))
    }

    @Test func pythonServiceWindowDeltas() throws {
        let (service, url) = try Self.startPythonService()
        defer { service.stop() }
        var window = ServiceWindow(capacity: ServiceWindow.capacity(window: 60, interval: 1))
        let first = try ExpositionTestSupport.fetch(url)
        window.append(try Exposition.sample(from: first.body, contentType: first.contentType, names: .defaults), at: 0)
        service.send("more")
        #expect(service.readLine() == "OK")
        let second = try ExpositionTestSupport.fetch(url, accept: Self.openMetrics)
        window.append(try Exposition.sample(from: second.body, contentType: second.contentType, names: .defaults),
                      at: 1)
        let metrics = try #require(window.metrics(over: 60))
        // Between the scrapes: l1 +30 hits / +10 misses → 0.75; l2 had no traffic → n/a.
        #expect(metrics.caches.map(\.hitRate) == [0.75, nil])
        // Queue high: depths 3 then 9 → mean 6, p95 rank 0.95 → 3 + 0.95·6 = 8.7.
        let high = try #require(metrics.queues.first { $0.name == "high" })
        #expect(high.current == 9 && high.average == 6 && high.maximum == 9)
        #expect(abs(high.p95 - 8.7) < 1e-12)
        let latency = try #require(metrics.latencies.first { $0.name == "http_request_duration_seconds" })
        // Bucket deltas: ≤0.05: 0, ≤0.1: 5, ≤0.25: 5, ≤0.5: 10, ≤1: 10, +Inf: 10.
        // p50: rank 5 → (0.05, 0.1]: 0.05 + 0.05·5/5 = 0.1. p95: rank 9.5 → (0.25, 0.5]: 0.25 + 0.25·4.5/5 = 0.475.
        #expect(latency.observations == 10)
        #expect(latency.p50 == 0.1)
        #expect(abs(try #require(latency.p95) - 0.475) < 1e-12)
        // p99: rank 9.9 → (0.25, 0.5]: 0.25 + 0.25·4.9/5 = 0.495.
        #expect(abs(try #require(latency.p99) - 0.495) < 1e-12)
    }

    @Test(arguments: [nil, openMetrics])
    func nodeExporterParses(accept: String?) throws {
        let port = try Sockets.freePort()
        let exporter = try ChildProcess(["prometheus-node-exporter", "--web.listen-address=127.0.0.1:\(port)"])
        defer { exporter.stop() }
        try exporter.waitUntilListening(port: port)
        let (body, contentType) = try ExpositionTestSupport.fetch("http://127.0.0.1:\(port)/metrics", accept: accept)
        let families = try Exposition.families(from: body, contentType: contentType)
        let names = Set(families.map(\.name))
        #expect(names.contains("node_cpu_seconds_total"))
        #expect(names.contains("go_gc_duration_seconds"))
        #expect(families.first { $0.name == "node_cpu_seconds_total" }?.type == .counter)
        let sample = try Exposition.sample(from: body, contentType: contentType, names: .defaults)
        #expect(sample.seriesCount == families.reduce(0) { $0 + $1.samples.count })
        #expect(sample.seriesCount > 100)
    }
}
