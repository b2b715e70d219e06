import Testing
@testable import PerfdashCore

/// The wide CSV layout: one row per snapshot, columns fixed by the first snapshot's header.
@Suite struct CSVWideTests {
    static func snapshot(disks: [String], at milliseconds: Int64) -> Snapshot {
        let shares = CPUShares(busyPercent: 40, userPercent: 30, systemPercent: 10, iowaitPercent: 0, stealPercent: 0)
        let devices = disks.enumerated().map { index, name in
            DiskRates(name: name, readBytesPerSecond: Double(index), writeBytesPerSecond: 0.5, readIops: 0,
                      writeIops: 0, utilPercent: 25)
        }
        let total = DiskRates(name: "total", readBytesPerSecond: 1, writeBytesPerSecond: 1, readIops: 0, writeIops: 0,
                              utilPercent: 25)
        let host = HostReading(cpu: CPUReading(total: shares, cores: []),
                               disks: DisksReading(devices: devices, total: total))
        return Snapshot(timestampUnixMs: milliseconds, intervalSeconds: 1, elapsedSeconds: 1, window: .oneMinute,
                        host: host, stats: [:], notes: [])
    }

    @Test func columnsFixedByTheFirstSnapshotAndNewSeriesAnnouncedOnce() throws {
        var stream = SnapshotStream(format: .csv, single: false)
        let first = try stream.record(Self.snapshot(disks: ["sda", "a,b"], at: 1_000))
        let lines = first.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let header = SnapshotCSV.headerFields(lines[0])
        #expect(header.prefix(8) == ["timestamp", "timestamp_unix_ms", "window", "cpu.busy_percent",
                                     "cpu.user_percent", "cpu.system_percent", "cpu.iowait_percent",
                                     "cpu.steal_percent"])
        #expect(header.contains("disk.a,b.read_bytes_per_second"))
        #expect(lines[0].contains("\"disk.a,b.read_bytes_per_second\""))
        #expect(lines[1].hasPrefix("1970-01-01T00:00:01.000Z,1000,1m,40,30,10,0,0,0,0.5,0,0,25,1,0.5,0,0,25,"))
        #expect(stream.takeNotices().isEmpty)

        // sda goes away, sdb comes: sda's columns are empty, sdb is announced once and not written.
        let second = try stream.record(Self.snapshot(disks: ["a,b", "sdb"], at: 2_000))
        let fields = SnapshotCSV.headerFields(String(second.dropLast()))
        #expect(fields.count == header.count)
        #expect(fields[header.firstIndex(of: "disk.sda.util_percent")!] == "")
        #expect(fields[header.firstIndex(of: "disk.a,b.read_bytes_per_second")!] == "0")
        let notices = stream.takeNotices()
        #expect(notices.count == 5)
        #expect(notices.first?.hasPrefix("new series disk.sdb.read_bytes_per_second is not in the CSV header") == true)
        _ = try stream.record(Self.snapshot(disks: ["sdb"], at: 3_000))
        #expect(stream.takeNotices().isEmpty)
    }

    @Test func continuingAFileKeepsItsColumns() throws {
        var stream = SnapshotStream(format: .csv, single: false, writeHeader: false,
                                    csvColumns: ["disk.sda.util_percent", "nope", "cpu.busy_percent"])
        let row = try stream.record(Self.snapshot(disks: ["sda"], at: 1_000))
        #expect(row == "1970-01-01T00:00:01.000Z,1000,1m,25,,40\n")
    }

    @Test(arguments: [("a,b,c", ["a", "b", "c"]), ("\"x,y\",\"say \"\"hi\"\"\",", ["x,y", "say \"hi\"", ""]),
                      ("one\r", ["one"])])
    func headerFields(line: String, fields: [String]) {
        #expect(SnapshotCSV.headerFields(line) == fields)
    }
}
