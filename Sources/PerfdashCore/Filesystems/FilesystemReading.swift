/// One mounted filesystem's space and inodes, as `df` and `df -i` show them.
public struct FilesystemReading: Sendable, Equatable, Codable {
    /// The mounted device or source.
    public var device: String
    /// Where it is mounted (as written in /proc/self/mounts, decoded).
    public var mountPoint: String
    /// The filesystem type.
    public var type: String
    /// f_blocks · f_frsize.
    public var sizeBytes: UInt64
    /// (f_blocks − f_bfree) · f_frsize.
    public var usedBytes: UInt64
    /// f_bavail · f_frsize: what an unprivileged user can still write (reserved blocks excluded).
    public var availableBytes: UInt64
    /// 100 · used / (used + available), df's Use% before its rounding up; 0 for an empty filesystem.
    public var usedPercent: Double
    /// f_files (0: the filesystem has no inode count, e.g. btrfs).
    public var inodesTotal: UInt64
    /// f_files − f_ffree.
    public var inodesUsed: UInt64
    /// 100 · inodes used / f_files; nil when f_files is 0.
    public var inodesUsedPercent: Double?

    /// Creates a reading.
    public init(device: String, mountPoint: String, type: String, sizeBytes: UInt64, usedBytes: UInt64,
                availableBytes: UInt64, usedPercent: Double, inodesTotal: UInt64, inodesUsed: UInt64,
                inodesUsedPercent: Double?) {
        self.device = device
        self.mountPoint = mountPoint
        self.type = type
        self.sizeBytes = sizeBytes
        self.usedBytes = usedBytes
        self.availableBytes = availableBytes
        self.usedPercent = usedPercent
        self.inodesTotal = inodesTotal
        self.inodesUsed = inodesUsed
        self.inodesUsedPercent = inodesUsedPercent
    }

    /// `fs.<mountpoint>.used_percent` and, when the filesystem counts inodes, `fs.<mountpoint>.inodes_used_percent`.
    public func flatSeries() -> [FlatSeries] {
        let label = [SeriesLabel("mountpoint", mountPoint)]
        var out = [FlatSeries(name: SeriesName.filesystem(mountPoint, .usedPercent),
                              family: "fs." + FilesystemMetric.usedPercent.rawValue, labels: label,
                              value: usedPercent, unit: .percent)]
        if let inodes = inodesUsedPercent {
            out.append(FlatSeries(name: SeriesName.filesystem(mountPoint, .inodesUsedPercent),
                                  family: "fs." + FilesystemMetric.inodesUsedPercent.rawValue, labels: label,
                                  value: inodes, unit: .percent))
        }
        return out
    }

    /// The reading of `mount` from its statvfs figures; saturating, so no figure from the kernel can trap.
    public static func make(_ mount: MountEntry, _ stats: FilesystemStats) -> FilesystemReading {
        let unit = stats.fragmentSize
        let free = min(stats.blocksFree, stats.blocks)
        let used = stats.blocks - free
        let bytes = { (blocks: UInt64) -> UInt64 in
            let (product, overflow) = blocks.multipliedReportingOverflow(by: unit)
            return overflow ? .max : product
        }
        let usable = Double(used) + Double(stats.blocksAvailable)
        let inodesFree = min(stats.filesFree, stats.files)
        return FilesystemReading(
            device: mount.device, mountPoint: mount.mountPoint, type: mount.type, sizeBytes: bytes(stats.blocks),
            usedBytes: bytes(used), availableBytes: bytes(stats.blocksAvailable),
            usedPercent: usable > 0 ? min(100, Double(used) / usable * 100) : 0,
            inodesTotal: stats.files, inodesUsed: stats.files - inodesFree,
            inodesUsedPercent: stats.files > 0 ? Double(stats.files - inodesFree) / Double(stats.files) * 100 : nil)
    }
}

/// What statvfs and stat say about a mount point: sizes in fragments, inode counts, and the device id that tells
/// duplicate mounts apart.
public struct FilesystemStats: Sendable, Equatable {
    /// f_frsize: the unit of the block counts.
    public var fragmentSize: UInt64
    /// f_blocks.
    public var blocks: UInt64
    /// f_bfree (root may still use these).
    public var blocksFree: UInt64
    /// f_bavail.
    public var blocksAvailable: UInt64
    /// f_files.
    public var files: UInt64
    /// f_ffree.
    public var filesFree: UInt64
    /// st_dev of the mount point: two mounts with the same id show the same filesystem.
    public var deviceID: UInt64

    /// Creates the figures.
    public init(fragmentSize: UInt64, blocks: UInt64, blocksFree: UInt64, blocksAvailable: UInt64, files: UInt64,
                filesFree: UInt64, deviceID: UInt64) {
        self.fragmentSize = fragmentSize
        self.blocks = blocks
        self.blocksFree = blocksFree
        self.blocksAvailable = blocksAvailable
        self.files = files
        self.filesFree = filesFree
        self.deviceID = deviceID
    }
}

/// The per-filesystem series, by the suffix of their name.
public enum FilesystemMetric: String, Sendable, CaseIterable {
    /// Space used, percent of used + available.
    case usedPercent = "used_percent"
    /// Inodes used, percent of all.
    case inodesUsedPercent = "inodes_used_percent"
}
