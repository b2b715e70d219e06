import Foundation
import Synchronization
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The fleet collector against a fake Prometheus API: rows, worst-first order, the bounded query count, the
/// 500-host / 200-service fleet within the interval, credentials, and every fault with its query.
@Suite struct FleetCollectorTests {
    static func settings(_ url: String, auth: PrometheusServer.Auth = .none, timeout: Duration = .seconds(2),
                         source: FleetSource = .node) throws -> FleetSettings {
        FleetSettings(server: PrometheusServer(endpoint: try HTTPEndpoint(parsing: url), auth: auth, timeout: timeout),
                      queries: FleetQueries(source: source, windowSeconds: 60), interval: .seconds(1))
    }

    @Test func rowsCarryEachQuerysValuesWorstFirst() async throws {
        let queries = FleetQueries(source: .node, windowSeconds: 60).tickQueries()
        let api = try FakePrometheusAPI { FleetFixture.answer($0, queries: queries, hosts: 5, services: 3, down: [2]) }
        defer { api.stop() }
        let collector = FleetCollector(settings: try Self.settings(api.url))
        await collector.round(at: 1_795_312_940.5, clock: ContinuousClock())
        let report = collector.report
        #expect(report.state == .up)
        #expect(report.failures.isEmpty)
        #expect(report.queriesPerRound == 14)
        #expect(api.requests.count == 14)
        #expect(api.requests.allSatisfy { $0.path == "/api/v1/query" && $0.parameters["time"] == "1795312940.5" })
        // Down first, then by the highest of CPU, memory, fullest filesystem, busiest disk and 4 × PSI.
        #expect(report.hosts.map(\.instance) == ["host-2:9100", "host-4:9100", "host-3:9100", "host-1:9100",
                                                 "host-0:9100"])
        let host3 = try #require(report.hosts.first { $0.instance == "host-3:9100" })
        #expect(host3.cpuBusyPercent == 3)
        #expect(host3.memoryUsedPercent == 21)
        #expect(host3.load1 == 0.03)
        #expect(host3.diskBytesPerSecond == 3000)
        #expect(host3.diskUtilPercent == 9)
        #expect(host3.networkBytesPerSecond == 6000)
        #expect(host3.filesystemFullestPercent == 33)
        #expect(host3.filesystemFullestMount == "/data3")
        #expect(host3.pressureIOPercent == 3)
        #expect(host3.job == "node")
        #expect(host3.up)
        #expect(host3.severity == 33)
        #expect(report.hosts[0].up == false && report.hosts[0].cpuBusyPercent == nil)
        // Services by error %, then p95.
        #expect(report.services.map(\.name) == ["svc-2", "svc-1", "svc-0"])
        let svc1 = try #require(report.services.first { $0.name == "svc-1" })
        #expect(svc1.requestsPerSecond == 10)
        #expect(svc1.errorPercent == 0.25)
        #expect(svc1.p95Seconds == 0.001)
        #expect(svc1.cacheHitPercent == 99)
        #expect(svc1.queueDepth == 1)
        #expect(svc1.instances == 1)
        #expect(svc1.instancesUp == 1)
    }

    /// The issue's scale: 500 hosts and 200 services, one round within a 1 s interval, 14 queries.
    @Test func fiveHundredHostsAndTwoHundredServicesFitTheInterval() async throws {
        let queries = FleetQueries(source: .node, windowSeconds: 60).tickQueries()
        // Answers made once, so the round's time is the client's (requests, JSON, rows), not the fake's.
        var replies: [String: FakePrometheusAPI.Reply] = [:]
        for query in queries {
            let request = FakePrometheusAPI.Request(path: "/api/v1/query", parameters: ["query": query.text])
            replies[query.text] = FleetFixture.answer(request, queries: queries, hosts: 500, services: 200)
        }
        let answers = replies
        let api = try FakePrometheusAPI { answers[$0.parameters["query"] ?? ""] ?? FakePrometheusAPI.Reply(status: 400, body: "") }
        defer { api.stop() }
        let collector = FleetCollector(settings: try Self.settings(api.url))
        let clock = ContinuousClock()
        var times: [Duration] = []
        let cpuBefore = Self.processCPUSeconds()
        for round in 0..<3 {
            let start = clock.now
            await collector.round(at: 1_795_312_940 + Double(round), clock: clock)
            times.append(clock.now - start)
        }
        let cpu = (Self.processCPUSeconds() - cpuBefore) / 3
        let worst = times.max() ?? .zero
        let report = collector.report
        // The process's CPU time includes the fake server's threads: an upper bound of the client's cost.
        print("fleet round, 500 hosts + 200 services, 14 queries: wall \(times), CPU \(cpu) s per round "
              + "(interval 1 s)")
        #expect(report.hosts.count == 500 && report.services.count == 200)
        #expect(report.hosts.first?.severity == 99)
        #expect(zip(report.hosts, report.hosts.dropFirst()).allSatisfy { $0.severity >= $1.severity })
        #expect(api.requests.count == 3 * 14)
        // CPU, not wall time, is the bound: on a machine shared with parallel builds the wall time says more about
        // the neighbours than about the round.
        #expect(cpu < 1, "worst wall time \(worst)")
        // The panel draws from this report; encoding it (the `fleet` section) is part of a tick too.
        let start = clock.now
        let series = report.flatSeries()
        let expectedCount = 1 + 500 * 7 + 200 * 5
        #expect(series.count == expectedCount)
        #expect(clock.now - start < .milliseconds(200))
    }

    @Test func credentialsGoInTheAuthorizationHeader() async throws {
        let queries = FleetQueries(source: .node, windowSeconds: 60).tickQueries()
        let api = try FakePrometheusAPI { FleetFixture.answer($0, queries: queries, hosts: 1, services: 0) }
        defer { api.stop() }
        let bearer = FleetCollector(settings: try Self.settings(api.url, auth: .bearer("s3cret")))
        await bearer.round(at: 1, clock: ContinuousClock())
        #expect(api.requests.allSatisfy { $0.authorization == "Bearer s3cret" })
        let basic = FleetCollector(settings: try Self.settings(api.url, auth: .basic(user: "user", password: "pass")))
        await basic.round(at: 1, clock: ContinuousClock())
        #expect(api.requests.suffix(14).allSatisfy { $0.authorization == "Basic dXNlcjpwYXNz" })
        #expect(Base64.encode(Array("ab".utf8)) == "YWI=" && Base64.encode(Array("a".utf8)) == "YQ==")
    }

    /// Server down, slow, 500, bad JSON and an API error each give a line with the query; rows keep their values.
    @Test(arguments: ["down", "slow", "500", "json", "api"])
    func faultsNameTheQueryAndKeepTheRows(fault: String) async throws {
        let queries = FleetQueries(source: .node, windowSeconds: 60).tickQueries()
        let broken = Mutex(false)
        let api = try FakePrometheusAPI { request in
            guard broken.withLock({ $0 }) else { return FleetFixture.answer(request, queries: queries, hosts: 3, services: 2) }
            switch fault {
            case "slow": return FleetFixture.answer(request, queries: queries, hosts: 3, services: 2).delayed(1)
            case "500": return FakePrometheusAPI.Reply(status: 500, body: "internal error")
            case "json": return FakePrometheusAPI.Reply(body: "<html>proxy login</html>")
            default:
                return FakePrometheusAPI.Reply(body: #"{"status":"error","errorType":"execution","error":"query timed out in expression evaluation"}"#)
            }
        }
        defer { api.stop() }
        let collector = FleetCollector(settings: try Self.settings(api.url, timeout: .milliseconds(300)))
        await collector.round(at: 1, clock: ContinuousClock())
        let before = collector.report
        #expect(before.state == .up && before.hosts.count == 3)
        broken.withLock { $0 = true }
        if fault == "down" { api.stop() }
        await collector.round(at: 2, clock: ContinuousClock())
        let after = collector.report
        #expect(after.state == .down)
        #expect(after.failures.count == 14)
        #expect(after.hosts == before.hosts)
        #expect(after.services == before.services)
        let failure = try #require(after.failures.first { $0.id == "node.cpu_busy_percent" })
        let line = failure.line
        let expected = switch fault {
        case "down": failure.kind == .refused && line.contains("connect") ? String(line.prefix { $0 != "·" })
            : "a refused connection"
        case "slow": "timeout after 0.3 s"
        case "500": "HTTP 500"
        case "json": "not the Prometheus API's JSON (starts \"<html>proxy login</html>\")"
        default: "Prometheus error: execution: query timed out in expression evaluation"
        }
        #expect(line.hasPrefix(expected), "\(line)")
        #expect(line.contains(" · query: 100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~\"idle|iowait\"}[60s]))"))
    }

    /// https goes through the services' TLS path (URLSession): a self-signed server is one TLS line with the query,
    /// and the bearer token is sent over it only (never in the URL).
    @Test func httpsUsesTheServicesTLSPath() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let (server, port) = try ExpositionHTTPServer.start(tls: try SelfSignedCertificate.make(in: scratch))
        defer { server.stop() }
        let client = PrometheusClient(server: PrometheusServer(
            endpoint: try HTTPEndpoint(parsing: "https://127.0.0.1:\(port)"), auth: .bearer("t")))
        await #expect(throws: FleetQueryError(query: "up", kind: .tls, reason: "TLS: certificate not trusted")) {
            _ = try await client.query("up", at: 1)
        }
        // Over plain http the same server's answer (an exposition, not JSON) is refused as such.
        let (plain, plainPort) = try ExpositionHTTPServer.start()
        defer { plain.stop() }
        let http = PrometheusClient(server: PrometheusServer(endpoint: try HTTPEndpoint(parsing: "http://127.0.0.1:\(plainPort)")))
        do {
            _ = try await http.query("up", at: 1)
            Issue.record("an exposition was taken for the API's JSON")
        } catch {
            #expect(error.kind == .invalidData && error.reason.hasPrefix("not the Prometheus API's JSON"))
        }
    }

    /// What a server may send: NaN and infinities (no value), counts beyond Int, odd instance names, extra labels.
    @Test func hostileValuesAreNoValueNotATrap() async throws {
        let queries = FleetQueries(source: .perfdash, windowSeconds: 60).tickQueries()
        let api = try FakePrometheusAPI { request in
            let text = request.parameters["query"] ?? ""
            guard let query = queries.first(where: { $0.text == text }) else { return .vector([]) }
            switch query.field {
            case .targets: return .vector([(["instance": "a\nb", "job": "perfdash"], 1)])
            case .cpuBusy: return .vector([(["instance": "a\nb"], .nan)])
            case .memoryUsed: return .vector([(["instance": "a\nb"], .infinity)])
            case .load1: return .vector([(["instance": "a\nb"], -1e308)])
            case .serviceUp: return .vector([(["service": "s"], 1e300)])
            case .serviceInstances: return .vector([(["service": "s"], 3)])
            case .p95: return .vector([(["service": "s"], .nan)])
            case .requests: return .vector([(["nothing": "here"], 5)])
            default: return .vector([])
            }
        }
        defer { api.stop() }
        let collector = FleetCollector(settings: try Self.settings(api.url, source: .perfdash))
        await collector.round(at: 1, clock: ContinuousClock())
        let report = collector.report
        let host = try #require(report.hosts.first)
        #expect(host.instance == "a\nb" && host.up)
        #expect(host.cpuBusyPercent == nil && host.memoryUsedPercent == nil)
        #expect(host.load1 == -1e308)
        let service = try #require(report.services.first)
        #expect(service.name == "s" && service.instancesUp == nil && service.instances == 3)
        #expect(service.p95Seconds == nil && service.requestsPerSecond == nil)
        // The section encodes (no NaN in JSON).
        var snapshot = Snapshot(timestampUnixMs: 0, intervalSeconds: 1, elapsedSeconds: 1, window: .oneMinute,
                                host: try HostFixture.reading("ordinary", elapsed: .seconds(2)), stats: [:], notes: [])
        snapshot.fleet = report
        #expect(try SnapshotJSON.decode(try SnapshotJSON.encode(snapshot, pretty: false)).fleet == report)
    }

    @Test func aDrillDownFetchesHistoryWithRangeQueries() async throws {
        let queries = FleetQueries(source: .node, windowSeconds: 60).tickQueries()
        let api = try FakePrometheusAPI { request in
            guard request.path == "/api/v1/query_range" else {
                return FleetFixture.answer(request, queries: queries, hosts: 2, services: 1)
            }
            let start = Double(request.parameters["start"] ?? "") ?? 0
            let step = Double(request.parameters["step"] ?? "") ?? 1
            let points = (0..<3).map { "[\(start + Double($0) * step),\"\($0 + 1)\"]" }.joined(separator: ",")
            return FakePrometheusAPI.Reply(body: #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":["#
                + points + "]}]}}")
        }
        defer { api.stop() }
        let collector = FleetCollector(settings: try Self.settings(api.url))
        collector.setFocus(.host(instance: #"host-1:9100"#, source: .node))
        await collector.round(at: 10_000, clock: ContinuousClock())
        let detail = try #require(collector.report.detail)
        #expect(detail.graphs.map(\.field) == FleetField.hostGraphs)
        #expect(detail.graphs[0].values.prefix(4) == [1, 2, 3, nil])
        #expect(detail.stepSeconds == 900.0 / 120)
        let ranges = api.requests.filter { $0.path == "/api/v1/query_range" }
        #expect(ranges.count == 5)
        #expect(ranges.allSatisfy { $0.parameters["query"]?.contains(#"instance="host-1:9100""#) == true })
        #expect(collector.report.queriesPerRound == 19)
    }
}

extension FleetCollectorTests {
    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension FakePrometheusAPI.Reply {
    func delayed(_ seconds: Double) -> FakePrometheusAPI.Reply {
        var copy = self
        copy.delay = seconds
        return copy
    }
}
