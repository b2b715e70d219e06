import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which /proc/diskstats devices count as disks: whole disks only, never partitions, loop, ram or zram devices.
public struct DiskFilter: Sendable, Equatable {
    /// Also list device-mapper and software-RAID devices (`dm-*`, `md*`). They sit on top of physical disks, so they
    /// are listed separately and never added to the total.
    public var includeStacked: Bool

    /// Creates a filter; by default stacked devices are left out.
    public init(includeStacked: Bool = false) {
        self.includeStacked = includeStacked
    }

    /// True for `dm-*` and `md*` devices.
    public static func isStacked(_ name: String) -> Bool {
        name.hasPrefix("dm-") || name.hasPrefix("md")
    }

    /// True for devices that are never disks: loop, ram and zram.
    public static func isPseudo(_ name: String) -> Bool {
        name.hasPrefix("loop") || name.hasPrefix("ram") || name.hasPrefix("zram")
    }

    /// Name rules for a partition, used when the root has no sys/block to ask: `sda1`, `vdb2`, `xvda1`,
    /// `nvme0n1p1`, `mmcblk0p1`.
    public static func looksLikePartition(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let last = bytes.last, isDigit(last) else { return false }
        if name.hasPrefix("nvme") || name.hasPrefix("mmcblk") {
            // The partition suffix is `p<digits>` after a digit.
            var index = bytes.count - 1
            while index > 0, isDigit(bytes[index]) { index -= 1 }
            return bytes[index] == UInt8(ascii: "p") && index > 0 && isDigit(bytes[index - 1])
        }
        for prefix in ["sd", "hd", "vd", "xvd"] where name.hasPrefix(prefix) { return true }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- ASCII.zero < 10 }
}

/// Reads /proc/diskstats under a root and keeps the whole disks, asking `sys/block/<dev>` once per device name.
public final class DiskReader: Sendable {
    private let reader: ProcReader<DiskStatsParser>
    private let filter: DiskFilter
    private let root: String
    private let hasSysBlock: Bool
    /// Whole-disk decisions by device name: the sys/block lookup is a syscall, names rarely change.
    private let decisions: Mutex<[String: Bool]>

    /// Opens proc/diskstats under `root`; throws `.missing` when it is absent.
    public init(root: String, filter: DiskFilter = DiskFilter()) throws(HostReadError) {
        reader = try ProcReader(root: root, relativePath: DiskStatsParser.relativePath)
        self.filter = filter
        self.root = root
        hasSysBlock = access(HostPath.join(root, "sys/block"), F_OK) == 0
        decisions = Mutex([:])
    }

    /// The whole disks' counters, in file order.
    public func read() throws(HostReadError) -> [DiskCounters] {
        let all = try reader.read()
        return decisions.withLock { cache in
            all.filter { disk in
                if let known = cache[disk.name] { return known }
                let keep = isWholeDisk(disk.name)
                cache[disk.name] = keep
                return keep
            }
        }
    }

    private func isWholeDisk(_ name: String) -> Bool {
        if DiskFilter.isPseudo(name) { return false }
        if DiskFilter.isStacked(name) { return filter.includeStacked }
        guard hasSysBlock else { return !DiskFilter.looksLikePartition(name) }
        // sys/block spells a '/' in a device name (cciss/c0d0) as '!'.
        let entry = String(name.map { $0 == "/" ? "!" : $0 })
        return access(HostPath.join(root, "sys/block/" + entry), F_OK) == 0
    }
}
