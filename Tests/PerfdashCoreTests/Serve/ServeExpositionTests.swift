import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// `perfdash serve`'s exposition: the snapshot of the ordinary fixture, parsed back with perfdash's own exposition
/// parser in both formats, checked by `promtool check metrics`, and negotiated by Accept.
@Suite struct ServeExpositionTests {
    let snapshot: Snapshot

    init() throws {
        var host = try HostFixture.reading("ordinary", elapsed: .seconds(2))
        // Hostile names: quotes, a backslash and a newline in an interface name must be escaped, not break lines.
        host.network?.interfaces[0].name = "e\"th\\0\nx"
        var history = History(interval: .seconds(2))
        history.record(host.flatSeries())
        var stats: [String: Summary] = [:]
        for series in host.flatSeries() { stats[series.name] = history.summary(series.name, window: .oneMinute) }
        var snapshot = Snapshot(timestampUnixMs: 1_795_312_940_989, intervalSeconds: 2, elapsedSeconds: 2,
                                window: .oneMinute, host: host, stats: stats, notes: [])
        snapshot.autoscaler = [AutoscalerStatus(
            name: "web", summary: "", spec: AutoscaleTestSupport.thresholdSpec(window: 15), replicas: 3,
            recommendation: Recommendation(autoscaler: "web", policy: "threshold", time: 10, action: .up, from: 3,
                                           to: 4, rule: .thresholdUp, reason: "r", metrics: []),
            missingSeries: [], decisions: [])]
        self.snapshot = snapshot
    }

    @Test(arguments: ServeFormat.allCases)
    func everySeriesReadsBackWithItsLabels(format: ServeFormat) throws {
        let bytes = ServeExposition.render(snapshot, ticks: 7, format: format)
        let families = try Exposition.families(from: bytes, contentType: format.contentType)
        var values: [String: Double] = [:]
        for family in families {
            for sample in family.samples {
                let labels = sample.labels.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: ",")
                values["\(sample.name){\(labels)}"] = sample.value
            }
        }
        #expect(values["perfdash_cpu_busy_percent{}"] == 40)
        #expect(values["perfdash_memory_used_bytes{}"] == 6_291_456_000)
        #expect(values["perfdash_disk_read_bytes_per_second{device=sda}"] == 1_048_576)
        #expect(values["perfdash_net_rx_bytes_per_second{interface=e\"th\\0\nx}"] != nil)
        #expect(values["perfdash_window_cpu_busy_percent{stat=p95,window=1m}"] == 40)
        #expect(values["perfdash_autoscaler_desired_replicas{autoscaler=web}"] == 4)
        #expect(values["perfdash_autoscaler_action{action=up,autoscaler=web}"] == 1)
        #expect(values["perfdash_autoscaler_action{action=none,autoscaler=web}"] == 0)
        #expect(values["perfdash_ticks_total{}"] == 7)
        #expect(values["perfdash_tasks{}"] == 412)
        #expect(values["perfdash_snapshot_timestamp_seconds{}"] == 1_795_312_940.989)
        // Every flat series is exposed once, and nothing else is a gauge of the snapshot.
        let gauges = families.filter { $0.name.hasPrefix("perfdash_") && !$0.name.hasPrefix("perfdash_window_") }
            .flatMap(\.samples).count
        #expect(gauges == snapshot.flatSeries().count + 4 + 3)
    }

    @Test func openMetricsHasUnitsTotalsAndEOF() throws {
        let text = String(decoding: ServeExposition.render(snapshot, ticks: 1, format: .openMetrics), as: UTF8.self)
        #expect(text.hasSuffix("# EOF\n"))
        #expect(text.contains("# TYPE perfdash_ticks counter\nperfdash_ticks_total 1\n"))
        #expect(text.contains("# UNIT perfdash_cpu_busy_percent percent\n"))
        #expect(text.contains("# UNIT perfdash_disk_read_bytes_per_second bytes_per_second\n"))
        let plain = String(decoding: ServeExposition.render(snapshot, ticks: 1, format: .prometheusText), as: UTF8.self)
        #expect(!plain.contains("# EOF") && !plain.contains("# UNIT"))
        #expect(plain.contains("# TYPE perfdash_ticks_total counter\nperfdash_ticks_total 1\n"))
    }

    @Test func promtoolAcceptsTheTextFormat() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("metrics.txt")
        try Data(ServeExposition.render(snapshot, ticks: 3, format: .prometheusText)).write(to: file)
        let result = try runProcess(["promtool", "check", "metrics"], stdin: String(contentsOf: file, encoding: .utf8))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "lint: \(result.stdout)\(result.stderr)")
    }

    @Test(arguments: [
        (nil, ServeFormat.prometheusText),
        ("text/plain", .prometheusText),
        ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1", .openMetrics),
        ("application/openmetrics-text; version=1.0.0; q=0.2, text/plain;q=0.9", .prometheusText),
        ("application/openmetrics-text;q=0", .prometheusText),
        ("application/openmetrics-text;q=nan", .prometheusText),
        ("*/*", .prometheusText),
        ("application/json", .prometheusText),
    ] as [(String?, ServeFormat)])
    func acceptPicksTheFormat(accept: String?, expected: ServeFormat) {
        #expect(ServeFormat.negotiate(accept: accept) == expected)
    }

    @Test(arguments: [("127.0.0.1:9464", "127.0.0.1", 9464), ("[::1]:0", "::1", 0), ("0.0.0.0:80", "0.0.0.0", 80)])
    func listenAddressesParse(text: String, host: String, port: Int) throws {
        let parsed = try MetricsEndpoint.parseListen(text)
        #expect(parsed.host == host && parsed.port == port)
    }

    @Test(arguments: ["9464", "host:", ":9464", "host:99999", "host:-1"])
    func badListenAddressesAreRefused(text: String) {
        #expect(throws: EndpointError.self) { try MetricsEndpoint.parseListen(text) }
    }

    /// Active alerts come out as Prometheus' own ALERTS families, in both formats, and pass promtool.
    @Test(arguments: ServeFormat.allCases)
    func activeAlertsAreALERTS(format: ServeFormat) throws {
        var snapshot = snapshot
        snapshot.alerts = AlertsSection(active: [
            ActiveAlert(name: "cpu-busy", series: "cpu.busy_percent", state: .firing, level: .critical, value: 97,
                        threshold: 95, above: true, aggregate: "avg", activeSince: "2026-11-22T03:22:20.989Z",
                        activeSinceUnixMs: 1_795_312_940_989, firedAt: "2026-11-22T03:22:20.989Z",
                        activeSeconds: 10, peak: 97),
            ActiveAlert(name: "fs-full", series: "fs./home.used_percent", instance: "/home", state: .pending,
                        level: .warning, value: 91, threshold: 90, above: true, aggregate: "last",
                        activeSince: "2026-11-22T03:22:25.989Z", activeSinceUnixMs: 1_795_312_945_989, firedAt: nil,
                        activeSeconds: 5, peak: 91),
        ], log: [], rules: 9, inactiveRules: [])
        let bytes = ServeExposition.render(snapshot, ticks: 7, format: format)
        let families = try Exposition.families(from: bytes, contentType: format.contentType)
        let alerts = try #require(families.first { $0.name == "ALERTS" })
        let rendered = alerts.samples.map { sample in
            sample.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + " \(sample.value)"
        }
        #expect(rendered == ["alertname=cpu-busy,alertstate=firing,severity=critical,series=cpu.busy_percent 1.0",
                             "alertname=fs-full,alertstate=pending,severity=warning,series=fs./home.used_percent,"
                                 + "instance_name=/home 1.0"])
        let since = try #require(families.first { $0.name == "ALERTS_FOR_STATE" })
        #expect(since.samples.map(\.value) == [1_795_312_940.989, 1_795_312_945.989])
        #expect(since.samples.allSatisfy { !$0.labels.contains { $0.name == "alertstate" } })
    }
}
