@testable import PerfdashCore
import PerfdashTestSupport
import Testing

@Suite("Filesystems as df shows them")
struct FilesystemTests {
    static func stats(_ blocks: UInt64, free: UInt64, avail: UInt64, files: UInt64 = 1000, filesFree: UInt64 = 250,
                      device: UInt64) -> FilesystemStats {
        FilesystemStats(fragmentSize: 4096, blocks: blocks, blocksFree: free, blocksAvailable: avail, files: files,
                        filesFree: filesFree, deviceID: device)
    }

    @Test("mounts: octal escapes decoded; short lines skipped")
    func mounts() throws {
        let text = "/dev/sda1 /media/my\\040disk ext4 rw 0 0\nbroken\n/dev/x /a\\134b xfs rw 0 0\n"
        let entries = try MountsParser.parse(text)
        #expect(entries == [MountEntry(device: "/dev/sda1", mountPoint: "/media/my disk", type: "ext4"),
                            MountEntry(device: "/dev/x", mountPoint: "/a\\b", type: "xfs")])
    }

    @Test("size, used, available, used % and inodes % as df computes them")
    func figures() {
        // 1000 blocks, 400 free, 300 available (100 reserved): used 600, Use% = 600 / (600 + 300) = 66.67 %.
        let r = FilesystemReading.make(MountEntry(device: "/dev/sda1", mountPoint: "/", type: "ext4"),
                                       Self.stats(1000, free: 400, avail: 300, device: 1))
        #expect(r.sizeBytes == 4_096_000 && r.usedBytes == 2_457_600 && r.availableBytes == 1_228_800)
        #expect(approx(r.usedPercent, 200.0 / 3))
        #expect(r.inodesUsed == 750 && r.inodesUsedPercent == 75)
        let noInodes = FilesystemReading.make(MountEntry(device: "b", mountPoint: "/b", type: "btrfs"),
                                              Self.stats(10, free: 10, avail: 10, files: 0, filesFree: 0, device: 2))
        #expect(noInodes.inodesUsedPercent == nil && noInodes.usedPercent == 0)
        // Hostile figures saturate: free above the total, a size that overflows 64 bits.
        let hostile = FilesystemReading.make(MountEntry(device: "h", mountPoint: "/h", type: "x"),
                                             FilesystemStats(fragmentSize: .max, blocks: 5, blocksFree: 9,
                                                             blocksAvailable: 9, files: 1, filesFree: 7, deviceID: 3))
        #expect(hostile.sizeBytes == .max && hostile.usedBytes == 0 && hostile.inodesUsed == 0)
    }

    @Test("pseudo, zero-size, duplicate and over-mounted filesystems are left out unless asked for")
    func selection() {
        let mounts = [
            MountEntry(device: "/dev/vda", mountPoint: "/", type: "ext4"),
            MountEntry(device: "proc", mountPoint: "/proc", type: "proc"),
            MountEntry(device: "tmpfs", mountPoint: "/dev/shm", type: "tmpfs"),
            MountEntry(device: "/dev/vda", mountPoint: "/mnt/bind", type: "ext4"),   // same device as /
            MountEntry(device: "none", mountPoint: "/empty", type: "tmpfs"),         // zero blocks
            MountEntry(device: "/dev/vdb", mountPoint: "/data", type: "xfs"),
            MountEntry(device: "/dev/vdc", mountPoint: "/data", type: "xfs"),        // mounted over /data
            MountEntry(device: "gone", mountPoint: "/gone", type: "ext4"),           // statvfs fails
        ]
        let table: [String: FilesystemStats] = [
            "/": Self.stats(100, free: 50, avail: 40, device: 1), "/proc": Self.stats(0, free: 0, avail: 0, device: 2),
            "/dev/shm": Self.stats(10, free: 10, avail: 10, device: 3), "/mnt/bind": Self.stats(100, free: 50, avail: 40, device: 1),
            "/empty": Self.stats(0, free: 0, avail: 0, device: 4), "/data": Self.stats(50, free: 5, avail: 5, device: 6),
        ]
        let shown = FilesystemReader.select(mounts, includeAll: false) { table[$0] }
        #expect(shown.map(\.mountPoint) == ["/", "/dev/shm", "/data"])
        #expect(shown.last?.device == "/dev/vdc")
        let all = FilesystemReader.select(mounts, includeAll: true) { table[$0] }
        #expect(all.map(\.mountPoint) == ["/", "/proc", "/dev/shm", "/mnt/bind", "/empty", "/data", "/data"])
    }

    @Test("the fixture tree's mounts through the reader, with injected statvfs; series names")
    func reader() throws {
        let root = TestPaths.fixture("processes/basic/reading1").path
        let reader = try FilesystemReader(root: root) { point in
            point == "/" ? Self.stats(1000, free: 400, avail: 300, device: 1)
                : point == "/dev/shm" ? Self.stats(8, free: 6, avail: 6, files: 0, filesFree: 0, device: 2)
                : point == "/mnt/bind" ? Self.stats(1000, free: 400, avail: 300, device: 1) : nil
        }
        let readings = try reader.read()
        #expect(readings.map(\.mountPoint) == ["/", "/dev/shm"])
        let names = readings.flatMap { $0.flatSeries() }.map(\.name)
        #expect(names == ["fs./.used_percent", "fs./.inodes_used_percent", "fs./dev/shm.used_percent"])
    }
}
