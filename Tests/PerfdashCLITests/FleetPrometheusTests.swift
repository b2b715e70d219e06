import Foundation
import PerfdashCore
import PerfdashTestSupport
import Testing

/// The fleet end to end: a real Prometheus server (1 s scrape, own config and storage in a scratch directory)
/// scraping three `perfdash serve` agents on fixture roots, a real node_exporter and itself. The Fleet's figures
/// equal the same PromQL, written out by hand here, evaluated by the server at the same instant; agents pass
/// `promtool check metrics` and are scraped as OpenMetrics; an autoscaler on PromQL decides as on the local series.
@Suite(.serialized) struct FleetPrometheusTests {
    static let fixtures = ["ordinary", "cores64", "container"]

    /// One `perfdash serve` on a fixture root and a free port.
    final class Agent: Sendable {
        let child: ChildProcess
        let port: Int

        init(fixture: String) throws {
            child = try ChildProcess([TestPaths.perfdashBinary.path, "serve", "--root",
                                      TestPaths.fixture("host/\(fixture)/reading2").path, "--listen", "127.0.0.1:0",
                                      "--interval", "250ms"], output: .pipe)
            guard let line = child.readLine(), let url = line.split(separator: " ").last,
                  let port = Int(url.split(separator: ":").last?.split(separator: "/").first ?? "") else {
                child.stop()
                throw ChildProcess.SpawnError(code: EIO, command: "perfdash serve")
            }
            self.port = port
        }

        var target: String { "127.0.0.1:\(port)" }
    }

    /// The stack, started once for the suite's tests that need it and stopped at the end of each.
    struct Stack {
        let scratch: ScratchDirectory
        let agents: [Agent]
        let node: NodeExporterProcess
        let prometheus: PrometheusProcess
        let client: PrometheusClient

        init() async throws {
            scratch = try ScratchDirectory()
            agents = try FleetPrometheusTests.fixtures.map(Agent.init)
            node = try NodeExporterProcess()
            prometheus = try PrometheusProcess(jobs: [("perfdash", agents.map(\.target)), ("node", [node.target])],
                                               scrapeSelf: true, in: scratch)
            client = PrometheusClient(server: PrometheusServer(endpoint: try HTTPEndpoint(parsing: prometheus.url)))
            // Rates need two scrapes in the window: wait (bounded) until every target is up and has two samples.
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(30))
            while clock.now < deadline {
                let up = (try? await client.query("count(up == 1)", at: nil))?.first?.value ?? 0
                let rated = (try? await client.query("count(count_over_time(up[1m]) >= 3)", at: nil))?.first?.value ?? 0
                if up == 5, rated == 5 { return }
                try await Task.sleep(for: .milliseconds(200))
            }
            stop()
            throw ChildProcess.SpawnError(code: ETIMEDOUT, command: "prometheus stack (targets not all up in 30 s)")
        }

        func stop() {
            prometheus.stop()
            node.stop()
            agents.forEach { $0.child.stop() }
            scratch.remove()
        }

        /// The server's answer to `query` at `time`, by the value of `label`.
        func values(_ query: String, at time: Double, by label: String = "instance") async throws -> [String: Double] {
            var out: [String: Double] = [:]
            for sample in try await client.query(query, at: time) { out[sample.labels[label] ?? ""] = sample.value }
            return out
        }
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// One stack (starting it is most of the time) for the three checks.
    @Test func fleetOnARealPrometheus() async throws {
        let stack = try await Stack()
        defer { stack.stop() }
        try await fleetFiguresEqualTheServersPromQL(stack)
        try await agentsPassPromtoolAndAreScrapedAsOpenMetrics(stack)
        try snapshotHasTheFleetAndPromQLAutoscalers(stack)
    }

    func fleetFiguresEqualTheServersPromQL(_ stack: Stack) async throws {
        let settings = FleetSettings(server: stack.client.server, queries: FleetQueries(source: .auto, windowSeconds: 60))
        let collector = FleetCollector(settings: settings)
        let time = (Double(WallClock.unixMilliseconds()) / 1000).rounded(.down)
        await collector.round(at: time, clock: ContinuousClock())
        let report = collector.report
        #expect(report.state == .up, "\(report.failures.map(\.line))")
        #expect(report.queriesPerRound == 29)

        // node_exporter, with the definitions written out independently.
        let real = #"fstype!~"tmpfs|ramfs|devtmpfs|overlay|squashfs|nsfs|autofs|proc|sysfs|cgroup2?|fuse\\..*",mountpoint!~"/(run|dev|sys|proc)($|/.*)""#
        let node: [(String, KeyPath<FleetHostRow, Double?>)] = [
            (#"100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait",job="node"}[1m])) / sum by (instance) (rate(node_cpu_seconds_total{job="node"}[1m])))"#, \.cpuBusyPercent),
            (#"100 * (1 - node_memory_MemAvailable_bytes{job="node"} / node_memory_MemTotal_bytes{job="node"})"#, \.memoryUsedPercent),
            (#"node_load1{job="node"}"#, \.load1),
            (#"sum by (instance) (rate(node_disk_read_bytes_total{job="node",device!~"(dm-|md).*"}[1m])) + sum by (instance) (rate(node_disk_written_bytes_total{job="node",device!~"(dm-|md).*"}[1m]))"#, \.diskBytesPerSecond),
            (#"100 * max by (instance) (rate(node_disk_io_time_seconds_total{job="node",device!~"(dm-|md).*"}[1m]))"#, \.diskUtilPercent),
            (#"sum by (instance) (rate(node_network_receive_bytes_total{job="node",device!~"lo|veth.*|docker.*|br-.*|virbr.*"}[1m])) + sum by (instance) (rate(node_network_transmit_bytes_total{job="node",device!~"lo|veth.*|docker.*|br-.*|virbr.*"}[1m]))"#, \.networkBytesPerSecond),
            ("max by (instance) (100 * (1 - node_filesystem_avail_bytes{\(real)} / (node_filesystem_size_bytes{\(real)} > 0)))", \.filesystemFullestPercent),
        ]
        let nodeRow = try #require(report.hosts.first { $0.instance == stack.node.target })
        #expect(nodeRow.source == .node && nodeRow.job == "node" && nodeRow.up)
        #expect(nodeRow.cpuBusyPercent != nil && nodeRow.memoryUsedPercent != nil && nodeRow.load1 != nil)
        for (query, field) in node {
            let expected = try await stack.values(query, at: time)[stack.node.target]
            #expect(Self.close(nodeRow[keyPath: field], expected), "\(query): \(String(describing: nodeRow[keyPath: field])) vs \(String(describing: expected))")
        }
        let psi = try await stack.values(#"100 * rate(node_pressure_io_waiting_seconds_total{job="node"}[1m])"#, at: time)
        #expect(Self.close(nodeRow.pressureIOPercent, psi[stack.node.target]))

        // The agents, from their own series; the ordinary fixture's memory by hand: 100 · (16384000 − 10240000) / 16384000.
        for agent in stack.agents {
            let row = try #require(report.hosts.first { $0.instance == agent.target })
            #expect(row.source == .perfdash && row.job == "perfdash" && row.up)
            let memory = try await stack.values(#"perfdash_memory_used_percent{job="perfdash"}"#, at: time)
            #expect(Self.close(row.memoryUsedPercent, memory[agent.target]))
            let cpu = try await stack.values(#"avg_over_time(perfdash_cpu_busy_percent{job="perfdash"}[1m])"#, at: time)
            #expect(Self.close(row.cpuBusyPercent, cpu[agent.target]))
            let load = try await stack.values(#"perfdash_load_1m{job="perfdash"}"#, at: time)
            #expect(Self.close(row.load1, load[agent.target]))
        }
        let ordinary = try #require(report.hosts.first { $0.instance == stack.agents[0].target })
        #expect(ordinary.memoryUsedPercent == 37.5)
        #expect(ordinary.load1 == 1.25)

        // The server itself is a service job: RED from its own histograms and counters.
        let service = try #require(report.services.first { $0.name == "prometheus" })
        #expect(service.instances == 1 && service.instancesUp == 1)
        let requests = try await stack.values(#"sum by (job) (rate({__name__=~".+_requests_total",job="prometheus"}[1m]))"#, at: time, by: "job")
        #expect(Self.close(service.requestsPerSecond, requests["prometheus"]))
        let p95 = try await stack.values(#"histogram_quantile(0.95, sum by (job, le) (rate({__name__=~".+_request_duration_seconds_bucket",job="prometheus"}[1m])))"#, at: time, by: "job")
        let expectedP95 = p95["prometheus"].flatMap { $0.isFinite ? $0 : nil }
        #expect(Self.close(service.p95Seconds, expectedP95))
        // Hosts never appear as services.
        #expect(!report.services.contains { $0.name == "node" || $0.name == "perfdash" })
    }

    func agentsPassPromtoolAndAreScrapedAsOpenMetrics(_ stack: Stack) async throws {
        let agent = stack.agents[0]
        let text = try #require(SimpleHTTP.get(port: agent.port, path: "/metrics", accept: "text/plain"))
        #expect(text.status == 200)
        let lint = try runProcess(["promtool", "check", "metrics"], stdin: text.body)
        #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)\(lint.stderr)")
        let openMetrics = try #require(SimpleHTTP.get(port: agent.port, path: "/metrics",
                                                      accept: "application/openmetrics-text;version=1.0.0"))
        #expect(openMetrics.body.hasSuffix("# EOF\n"))
        // The server negotiated OpenMetrics (its Accept prefers it) and took every sample.
        let time = Double(WallClock.unixMilliseconds()) / 1000
        let up = try await stack.values(#"up{job="perfdash"}"#, at: time)
        #expect(up == Dictionary(uniqueKeysWithValues: stack.agents.map { ($0.target, 1.0) }))
        let samples = try await stack.values(#"scrape_samples_scraped{job="perfdash"}"#, at: time)
        #expect(samples.values.allSatisfy { $0 > 100 }, "\(samples)")
        let ticks = try await stack.values(#"perfdash_ticks_total{job="perfdash"}"#, at: time)
        #expect(ticks.values.allSatisfy { $0 >= 2 })
        let build = try await stack.values(#"perfdash_build_info{job="perfdash"}"#, at: time, by: "version")
        #expect(build.keys.contains(PerfdashCore.version))
    }

    /// `perfdash snapshot --prometheus`: the fleet section, and an autoscaler on PromQL beside the same autoscaler
    /// on the local series of the same fixture, recommending the same.
    func snapshotHasTheFleetAndPromQLAutoscalers(_ stack: Stack) throws {
        let config = stack.scratch.file("perfdash.toml")
        let agent = stack.agents[0].target
        try """
            [[autoscaler]]
            name = "local"
            policy = "target"
            metric = "memory.used_percent"
            target = 25
            replicas = 4
            max_replicas = 20

            [[autoscaler]]
            name = "fleet"
            policy = "target"
            query = 'perfdash_memory_used_percent{instance="\(agent)"}'
            target_type = "utilization"
            target = 25
            replicas = 4
            max_replicas = 20
            """.write(to: config, atomically: true, encoding: .utf8)
        let result = try runPerfdash(["snapshot", "--root", TestPaths.fixture("host/ordinary/reading2").path,
                                      "--prometheus", stack.prometheus.url, "--config", config.path,
                                      "--interval", "100ms", "--count", "2", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let last = try #require(array.last)
        let fleet = try #require(last["fleet"] as? [String: Any])
        #expect(fleet["state"] as? String == "up")
        let hosts = try #require(fleet["hosts"] as? [[String: Any]])
        #expect(hosts.contains { $0["instance"] as? String == agent && $0["memory_used_percent"] as? Double == 37.5 })
        // 37.5 % against a 25 % target: ceil(4 · 37.5 / 25) = 6 at once; then ceil(6 · 1.5) = 9, limited by HPA's
        // default scale-up policies to max(4 + 4, 2 · 4) = 8 within 15 s. The same on both autoscalers.
        for (snapshot, to) in zip(array, [6, 8]) {
            let autoscalers = try #require(snapshot["autoscaler"] as? [[String: Any]])
            let recommendations = autoscalers.compactMap { $0["recommendation"] as? [String: Any] }
            #expect(recommendations.map { $0["to"] as? Int } == [to, to])
            #expect(recommendations.map { $0["action"] as? String } == ["up", "up"])
            #expect(Set(recommendations.compactMap { $0["rule"] as? String }).count == 1)
        }
    }

    @Test func aServerThatIsDownIsOneLineAndTheSnapshotStillComes() throws {
        let port = try Sockets.closedPort()
        let result = try runPerfdash(["snapshot", "--prometheus", "http://127.0.0.1:\(port)", "--interval", "50ms",
                                      "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let fleet = try #require(object["fleet"] as? [String: Any])
        #expect(fleet["state"] as? String == "down")
        let failures = try #require(fleet["failures"] as? [[String: Any]])
        #expect(failures.count == 29)
        #expect(failures.allSatisfy { ($0["kind"] as? String) == "refused" && ($0["query"] as? String)?.isEmpty == false })
        #expect(object["host"] != nil)
    }
}
