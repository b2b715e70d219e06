import Foundation
import Testing
@testable import PerfdashCore

/// The byte encoders against references: JSON byte for byte against Foundation's JSONEncoder (the encoder the
/// schema was first written with: snake case, sorted keys), on snapshots with awkward strings and numbers.
@Suite struct ByteEncoderTests {
    /// Foundation's encoding of `value`, as the schema documents it.
    static func reference(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A host with 12 cores (so `cpu.core10` sorts before `cpu.core2`), a cgroup limit, two disks, an interface
    /// whose name needs escaping, and numbers of every shape.
    static func awkwardHost() -> HostReading {
        let numbers: [Double] = [0, -0.0, 1, 0.1, 1e-05, 2.5e-7, 123_456.789, 1e15, 9_007_199_254_740_994, 1.5e16,
                                 1e21, .leastNonzeroMagnitude, 1.7976931348623157e308, 100, 99.99999999999999, 1 / 3]
        func n(_ index: Int) -> Double { numbers[index % numbers.count] }
        let shares = { (i: Int) in
            CPUShares(busyPercent: n(i), userPercent: n(i + 1), systemPercent: n(i + 2), iowaitPercent: n(i + 3),
                      stealPercent: n(i + 4))
        }
        let disk = { (name: String, i: Int) in
            DiskRates(name: name, readBytesPerSecond: n(i), writeBytesPerSecond: n(i + 1), readIops: n(i + 2),
                      writeIops: n(i + 3), utilPercent: n(i + 4))
        }
        let interface = { (name: String, i: Int) in
            InterfaceRates(name: name, rxBytesPerSecond: n(i), txBytesPerSecond: n(i + 1), rxPacketsPerSecond: n(i + 2),
                           txPacketsPerSecond: n(i + 3), rxErrorsPerSecond: n(i + 4), txErrorsPerSecond: n(i + 5),
                           rxDropsPerSecond: n(i + 6), txDropsPerSecond: n(i + 7))
        }
        return HostReading(
            cpu: CPUReading(total: shares(0), cores: (0..<12).map { CoreReading(id: $0, shares: shares($0)) }),
            memory: MemoryReading(totalBytes: UInt64.max, usedBytes: 6_291_456_000, usedPercent: n(6),
                                  availableBytes: 0, freeBytes: 1, cachedBytes: 1 << 53 + 1, buffersBytes: 42,
                                  swapTotalBytes: 0, swapUsedBytes: 0, swapUsedPercent: 0,
                                  cgroup: CgroupMemoryReading(limitBytes: 1 << 30, usedBytes: 3, usedPercent: n(9))),
            disks: DisksReading(devices: [disk("sda", 3), disk("nvme0n1", 7)], total: disk("total", 11)),
            network: NetworkReading(interfaces: [interface("eth0", 2), interface("we\"ird\\if\u{1}\té/", 5)],
                                    total: interface("total", 1), totalExcludes: ["lo", "veth*", ""]),
            load: LoadAverage(oneMinute: 0.5, fiveMinutes: 1e-05, fifteenMinutes: 12, tasksRunning: 3,
                              tasksTotal: Int.max))
    }

    static func awkwardSnapshot() -> Snapshot {
        let host = awkwardHost()
        var history = History(interval: .seconds(1))
        for step in 0..<5 {
            history.record(host.flatSeries().map { FlatSeries(name: $0.name, value: $0.value * Double(step), unit: $0.unit) })
        }
        var stats: [String: Summary] = [:]
        for series in host.flatSeries() { stats[series.name] = history.summary(series.name, window: .oneMinute) }
        return Snapshot(timestampUnixMs: 1_795_312_940_989, intervalSeconds: 0.01, elapsedSeconds: 0.010_000_3,
                        window: .fifteenMinutes, host: host, stats: stats,
                        notes: ["proc/meminfo: missing", "control \u{8}\u{c}\r\n and \u{7f} \u{2028} 😀"])
    }

    @Test(arguments: [false, true])
    func jsonIsByteForByteFoundations(pretty: Bool) throws {
        let snapshot = Self.awkwardSnapshot()
        #expect(try SnapshotJSON.encode(snapshot, pretty: pretty) == (try Self.reference(snapshot, pretty: pretty)))
        var minimal = snapshot
        minimal.host = HostReading(cpu: CPUReading(total: snapshot.host.cpu.total, cores: []))
        minimal.notes = []
        minimal.stats = [:]
        #expect(try SnapshotJSON.encode(minimal, pretty: pretty) == (try Self.reference(minimal, pretty: pretty)))
    }

    @Test(arguments: [false, true])
    func jsonWithAutoscalersIsByteForByteFoundations(pretty: Bool) throws {
        let snapshot = try AutoscalerSectionTests().snapshot
        #expect(try SnapshotJSON.encode(snapshot, pretty: pretty) == (try Self.reference(snapshot, pretty: pretty)))
    }

    @Test func streamJSONMatchesTheStatelessEncoderAcrossLayoutChanges() throws {
        let first = Self.awkwardSnapshot()
        var second = first
        second.host.disks?.devices.removeLast()
        second.stats["disk.nvme0n1.util_percent"] = nil
        var stream = SnapshotStream(format: .ndjson, single: false)
        for snapshot in [first, first, second, first] {
            #expect(try stream.record(snapshot) == SnapshotJSON.encode(snapshot, pretty: false) + "\n")
        }
    }

    @Test(arguments: [(0.0, "0"), (-0.0, "-0"), (3, "3"), (0.5, "0.5"), (1e-05, "1e-05"), (1e15, "1000000000000000"),
                      (9_007_199_254_740_992, "9007199254740992"), (9_007_199_254_740_994, "9.007199254740994e+15"),
                      (1.5e16, "1.5e+16"), (.nan, "null"), (.infinity, "null")])
    func jsonNumbers(value: Double, text: String) {
        var out = OutputBytes()
        out.jsonNumber(value)
        #expect(out.text == text)
    }

    @Test(arguments: [Int64.min, -1, 0, 7, 10, 1_795_312_940_989, Int64.max])
    func integers(value: Int64) {
        var out = OutputBytes()
        out.integer(value)
        #expect(out.text == String(value))
    }
}
