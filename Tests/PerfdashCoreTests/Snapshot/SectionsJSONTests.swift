import Foundation
import Testing
@testable import PerfdashCore

/// Every section written by hand gives JSONEncoder's bytes (snake-case keys, sorted, the schema's first encoder),
/// compact and pretty, on realistic and awkward values: nil optionals, empty arrays, strings needing escapes, huge
/// and tiny numbers, and non-finite numbers, which the hand-written encoders write as `null` in place.
@Suite struct SectionsJSONTests {
    /// A section and how to write it both ways.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let write: @Sendable (inout JSONWriter) -> Void
        let reference: @Sendable (Bool) throws -> String
        var testDescription: String { name }

        init<T: JSONWritable & Encodable & Sendable>(_ name: String, _ value: T) {
            self.name = name
            write = { value.writeJSON(to: &$0) }
            reference = { try SectionsJSONTests.reference(value, pretty: $0) }
        }
    }

    static let nonFinite = "NONFINITE-7f3a9c"

    /// JSONEncoder's bytes for `value`. JSONEncoder refuses non-finite numbers (the whole section used to become
    /// `null`); here they are encoded as a sentinel string that is then replaced by `null`, the hand-written rule.
    static func reference(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite,
                                                                      negativeInfinity: nonFinite, nan: nonFinite)
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return text.replacingOccurrences(of: "\"\(nonFinite)\"", with: "null")
    }

    static func cases() throws -> [Case] {
        let services = try SectionFixtures.services()
        var fleet = try SectionFixtures.fleet()
        let autoscaler = try SectionFixtures.predictiveAutoscaler()
        var targetFocus = fleet
        targetFocus.detail?.focus = .service(name: SectionFixtures.awkward, source: .perfdash)
        fleet.detail = nil
        var emptyMetrics = services[0]
        emptyMetrics.metrics?.caches = []
        emptyMetrics.metrics?.routes = nil
        emptyMetrics.metrics?.pools = nil
        emptyMetrics.metrics?.limiters = nil
        emptyMetrics.metrics?.presets = nil
        emptyMetrics.metrics?.red = nil
        emptyMetrics.metrics?.server?.postgres?.statements = nil
        emptyMetrics.metrics?.server?.postgres?.indexHints = nil
        var replicaSources = autoscaler
        replicaSources.spec.replicas = .fixed(3)
        var tracked = autoscaler
        tracked.spec.replicas = .tracked(initial: 0)
        tracked.spec.policy = .threshold(ThresholdPolicy(
            metric: MetricInput(series: "cpu.busy_percent", label: "cpu"), scaleUpThreshold: 80,
            scaleDownThreshold: 20, step: Int.max, cooldownUpSeconds: 60, cooldownDownSeconds: 1e300))
        tracked.replicas = nil
        tracked.recommendation.cooldownSecondsLeft = 0
        tracked.recommendation.stabilizationSecondsLeft = nil
        var unlimitedMetric = autoscaler
        unlimitedMetric.spec.replicas = .metric(series: "r", fallback: nil)
        if case .predictive(var policy) = unlimitedMetric.spec.policy {
            policy.seasonSeconds = nil
            unlimitedMetric.spec.policy = .target(policy.target)
        }
        return [
            Case("services", services), Case("services, sparse members", [emptyMetrics]),
            Case("services, empty", [ServiceReport]()),
            Case("fleet", fleet), Case("fleet, service focus", targetFocus),
            Case("fleet, pending", FleetReport.pending(server: "", source: .node, windowSeconds: 60)),
            Case("autoscaler, predictive", [autoscaler]), Case("autoscaler, fixed", [replicaSources]),
            Case("autoscaler, threshold", [tracked]), Case("autoscaler, target", [unlimitedMetric]),
            Case("filesystems", SectionFixtures.filesystems), Case("pressure", SectionFixtures.pressure),
            Case("pressure, none", PressureReading(cpu: nil, memory: nil, io: nil)),
            Case("processes", SectionFixtures.processes),
            Case("processes, empty", ProcessesSection.make([], sortedBy: .rss, count: 10)),
            Case("cgroup_cpu", SectionFixtures.cgroupCPU),
            Case("cgroup_cpu, no limit", CgroupCPUReading(limitCores: nil, usageCores: 0, throttledPercent: 0,
                                                          throttledSecondsPerSecond: 0)),
            Case("sensors", SectionFixtures.sensors), Case("sensors, empty", SensorsReading(temperatures: [], frequencies: [])),
            Case("swap_activity", SectionFixtures.swap),
        ]
    }

    @Test(arguments: [false, true])
    func handWrittenMatchesJSONEncoder(pretty: Bool) throws {
        for section in try Self.cases() {
            var writer = JSONWriter(pretty: pretty)
            section.write(&writer)
            #expect(writer.out.text == (try section.reference(pretty)), "\(section.name)")
        }
    }

    /// Non-finite numbers anywhere become `null` in place; the rest of the section is still written.
    @Test(arguments: [false, true])
    func nonFiniteNumbersAreNull(pretty: Bool) throws {
        var services = try SectionFixtures.services()
        services[0].metrics?.queues[0].now = .nan
        services[0].metrics?.caches[0].hitRatePercent = .infinity
        services[0].scrapeDurationSeconds = -.infinity
        services[0].metrics?.server?.postgres?.connections.usedPercent = .nan
        var fleet = try SectionFixtures.fleet()
        fleet.detail?.graphs[0].values[0] = .nan
        fleet.hosts[0].load1 = .nan
        var processes = SectionFixtures.processes
        processes.top[1].readBytesPerSecond = .infinity
        var pressure = SectionFixtures.pressure
        pressure.memory?.full?.avg10 = .nan
        for section in [Case("services", services), Case("fleet", fleet), Case("processes", processes),
                        Case("pressure", pressure)] {
            var writer = JSONWriter(pretty: pretty)
            section.write(&writer)
            let text = writer.out.text
            #expect(text == (try section.reference(pretty)), "\(section.name)")
            #expect(text.contains(pretty ? ": null" : ":null"), "\(section.name)")
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(section.name)")
        }
    }

    /// A snapshot with every section: the whole document matches JSONEncoder and decodes back to the snapshot.
    @Test(arguments: [false, true])
    func fullSnapshotMatchesAndRoundTrips(pretty: Bool) throws {
        var snapshot = ByteEncoderTests.awkwardSnapshot()
        snapshot.services = try SectionFixtures.services()
        snapshot.fleet = try SectionFixtures.fleet()
        // Decoded from snake case: the acronym fields must come back (`pressure_cpu_percent`, `cgroup_cpu`).
        #expect(snapshot.fleet?.hosts[0].pressureCPUPercent == 1 && snapshot.fleet?.hosts[0].pressureIOPercent == 0.5)
        snapshot.autoscaler = [try SectionFixtures.predictiveAutoscaler()]
        snapshot.filesystems = SectionFixtures.filesystems
        snapshot.pressure = SectionFixtures.pressure
        snapshot.processes = SectionFixtures.processes
        snapshot.host.cgroupCPU = SectionFixtures.cgroupCPU
        snapshot.host.sensors = SectionFixtures.sensors
        snapshot.host.swapActivity = SectionFixtures.swap
        let text = try SnapshotJSON.encode(snapshot, pretty: pretty)
        #expect(text == (try Self.reference(snapshot, pretty: pretty)))
        let decoded = try SnapshotJSON.decode(text)
        #expect(decoded == snapshot)
    }
}
