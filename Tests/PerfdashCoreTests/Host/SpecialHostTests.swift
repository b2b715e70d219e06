import Foundation
import Testing
@testable import PerfdashCore

/// The other fixture trees: 64 cores, a cgroup v2 container, counters that reset, no diskstats, a malformed file.
@Suite struct SpecialHostTests {
    @Test func sixtyFourCores() throws {
        // cpuK: Δuser K, Δsystem 10, Δidle 90−K → Δtotal 100, busy K + 10 %.
        // Aggregate: Δuser Σk = 2016, Δsystem 640, Δidle 64·90 − 2016 = 3744, Δtotal 6400;
        // busy = (6400 − 3744)/6400 = 41.5 %, user 2016/6400 = 31.5 %, system 640/6400 = 10 %.
        let reading = try HostFixture.reading("cores64", elapsed: .seconds(1))
        #expect(reading.cpu.cores.count == 64)
        for core in reading.cpu.cores {
            #expect(approx(core.shares.busyPercent, Double(core.id + 10)))
        }
        #expect(reading.cpu.cores[63].id == 63)
        #expect(approx(reading.cpu.total.busyPercent, 41.5))
        #expect(approx(reading.cpu.total.userPercent, 31.5))
        #expect(approx(reading.cpu.total.systemPercent, 10))
        #expect(reading.load?.tasksTotal == 2048)
    }

    @Test func containerWithMemoryLimit() throws {
        // MemTotal 16777216 kB = 16 GiB; memory.max 536870912 (512 MiB) is lower, so the cgroup section appears:
        // memory.current 268435456 / 536870912 = 50 %. Host used = 16777216 − 12582912 = 4194304 kB = 25 %.
        let reading = try HostFixture.reading("container", elapsed: .seconds(1))
        let memory = try #require(reading.memory)
        #expect(memory.cgroup == CgroupMemoryReading(limitBytes: 536_870_912, usedBytes: 268_435_456, usedPercent: 50))
        #expect(memory.usedPercent == 25)
        // No sys/block in the tree: name rules keep vda and drop vda1. vda over 1 s: Δreads 10, Δsectors 200 →
        // 102400 B/s; Δwrites 20, Δsectors 400 → 204800 B/s; Δio_ticks 50 ms / 1000 ms = 5 %.
        #expect(reading.disks?.devices == [DiskRates(name: "vda", readBytesPerSecond: 102_400,
                                                     writeBytesPerSecond: 204_800, readIops: 10, writeIops: 20,
                                                     utilPercent: 5)])
        // Δuser 100, Δsystem 50, Δidle 50 → busy 150/200 = 75 %.
        #expect(reading.cpu.total.busyPercent == 75)
        let names = reading.flatSeries().map(\.name)
        #expect(names.contains(SeriesName.cgroupMemoryUsedPercent))
    }

    @Test func unlimitedCgroupOrLimitAboveTotalIsNotShown() throws {
        // memory.max "max" parses to nil; a limit at or above MemTotal is no limit worth showing.
        #expect(try CgroupValueParser.parse("max\n") == nil)
        let info = try MemInfoParser.parse("MemTotal: 1000 kB\nMemAvailable: 500 kB\n")
        #expect(HostRates.memory(info, cgroup: CgroupMemory(usageBytes: 10, limitBytes: nil)).cgroup == nil)
        #expect(HostRates.memory(info, cgroup: CgroupMemory(usageBytes: 10, limitBytes: 1_024_000)).cgroup == nil)
    }

    @Test func countersThatGoDownGiveZero() throws {
        // Over 1 s. CPU aggregate: user 1000 → 900 gives 0; Δsystem 100, Δidle 100 → busy 100/200 = 50 %, user 0.
        let reading = try HostFixture.reading("reset", elapsed: .seconds(1))
        #expect(reading.cpu.total == CPUShares(busyPercent: 50, userPercent: 0, systemPercent: 50, iowaitPercent: 0,
                                               stealPercent: 0))
        // cpu0 normal: Δuser 100, Δsystem 50, Δidle 50 → 75 %. cpu1 reset (every counter lower) → Δtotal 0 → 0 %.
        #expect(reading.cpu.cores[0].shares.busyPercent == 75)
        #expect(reading.cpu.cores[1].shares.busyPercent == 0)
        // sda: every counter lower → all 0. vdb: Δreads 10, Δsectors 1024 → 524288 B/s; Δwrites 5, Δsectors 512 →
        // 262144 B/s; Δio_ticks 250 → 25 %. Total util = mean(0, 25) = 12.5.
        let disks = try #require(reading.disks)
        #expect(disks.devices[0] == DiskRates(name: "sda", readBytesPerSecond: 0, writeBytesPerSecond: 0, readIops: 0,
                                              writeIops: 0, utilPercent: 0))
        #expect(disks.devices[1] == DiskRates(name: "vdb", readBytesPerSecond: 524_288, writeBytesPerSecond: 262_144,
                                              readIops: 10, writeIops: 5, utilPercent: 25))
        #expect(disks.total.utilPercent == 12.5)
        // eth0: rx bytes wrapped (4294967000 → 100) and rx packets fell → 0; tx +1000 B, +10 packets.
        let eth0 = try #require(reading.network?.interfaces.first)
        #expect(eth0.rxBytesPerSecond == 0)
        #expect(eth0.rxPacketsPerSecond == 0)
        #expect(eth0.txBytesPerSecond == 1000)
        #expect(eth0.txPacketsPerSecond == 10)
    }

    @Test func missingDiskstatsLeavesAnEmptySectionAndANote() throws {
        let root = HostFixture.root("no-diskstats", 1)
        let reader = try HostReader(root: root)
        #expect(reader.notes == ["\(root)/proc/diskstats not found: disk section left empty"])
        let reading = try HostFixture.reading("no-diskstats", elapsed: .seconds(1))
        #expect(reading.disks == nil)
        // Everything else works: Δuser 100, Δidle 100 → 50 %; eth0 rx +1000 B in 1 s.
        #expect(reading.cpu.total.busyPercent == 50)
        #expect(reading.network?.interfaces.first?.rxBytesPerSecond == 1000)
        #expect(reading.memory != nil)
        #expect(!reading.flatSeries().contains { $0.name.hasPrefix("disk.") })
    }

    @Test func malformedFileNamesFileAndLine() throws {
        let root = HostFixture.root("malformed", 1)
        let reader = try HostReader(root: root)
        #expect(throws: HostReadError.malformed(path: "\(root)/proc/stat", line: 3,
                                                message: "field 2 is not a counter in 'cpu1 500 abc 500 4000 0 0 0 0 0 0'")) {
            try reader.sample()
        }
    }

    @Test func rootWithoutProcStatIsRefused() {
        let root = FileManager.default.temporaryDirectory.path
        #expect(throws: HostReadError.missing(path: HostPath.join(root, "proc/stat"))) {
            try HostReader(root: root)
        }
    }

    @Test func openFilesSeeContentsRewrittenInPlace() throws {
        // The reader keeps its descriptors: rewriting the files in place must show the new contents.
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        let reader = try HostReader(root: tree.path)
        let first = try reader.sample()
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        let second = try reader.sample()
        #expect(first == (try HostFixture.sample("ordinary", 1)))
        #expect(second == (try HostFixture.sample("ordinary", 2)))
    }
}
