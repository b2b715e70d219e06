#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads the mount table under a root and each mount's statvfs, and keeps the filesystems `df` shows.
///
/// By default, as GNU df without `-a`: pseudo filesystems (df's dummy types such as proc, sysfs, devpts, and any
/// filesystem of zero blocks) are left out; of a mount point mounted over, only the last mount counts; of several
/// mounts of one device (bind mounts, the same tmpfs twice), the one with the shortest mount point stays;
/// filesystems whose statvfs fails (permission, a vanished mount) are left out. `includeAll` keeps all of them
/// that statvfs can answer for.
public struct FilesystemReader: Sendable {
    /// statvfs + stat of a path, or nil when either fails.
    public typealias StatsFunction = @Sendable (String) -> FilesystemStats?

    /// df's dummy types, plus the pseudo filesystems newer kernels add; zero-block filesystems are left out too.
    public static let pseudoTypes: Set<String> = [
        "autofs", "proc", "subfs", "debugfs", "devpts", "fusectl", "fuse.portal", "mqueue", "rpc_pipefs", "sysfs",
        "devfs", "kernfs", "ignore", "securityfs", "tracefs", "configfs", "pstore", "bpf", "binfmt_misc", "cgroup",
        "cgroup2", "hugetlbfs", "nsfs", "efivarfs", "selinuxfs",
    ]

    /// The root the mount points are looked up under.
    public let root: String
    /// Whether pseudo, duplicate and over-mounted filesystems are kept.
    public let includeAll: Bool
    private let mounts: MountTable
    private let stats: StatsFunction

    /// Opens `root`/proc/self/mounts; `stats` defaults to statvfs and stat of `root` + mount point.
    public init(root: String, includeAll: Bool = false, stats: StatsFunction? = nil) throws(HostReadError) {
        self.root = root
        self.includeAll = includeAll
        mounts = try MountTable(root: root)
        self.stats = stats ?? { [root] point in Self.systemStats(HostPath.join(root, String(point.dropFirst()))) }
    }

    /// Reads the mount table and every kept mount's figures, in mount-table order.
    public func read() throws(HostReadError) -> [FilesystemReading] {
        try Self.select(mounts.read(), includeAll: includeAll, stats: stats)
    }

    /// The filesystems df would list from `mounts` (see the type's rules).
    public static func select(_ mounts: [MountEntry], includeAll: Bool,
                              stats: (String) -> FilesystemStats?) -> [FilesystemReading] {
        var kept: [(mount: MountEntry, stats: FilesystemStats)] = []
        var indexByPoint: [String: Int] = [:]
        var indexByDevice: [UInt64: Int] = [:]
        for mount in mounts where !mount.mountPoint.isEmpty {
            guard includeAll || !pseudoTypes.contains(mount.type), let figures = stats(mount.mountPoint) else {
                continue
            }
            if includeAll {
                kept.append((mount, figures))
                continue
            }
            guard figures.blocks > 0 else { continue }
            // A later mount over the same point hides the earlier one.
            if let index = indexByPoint[mount.mountPoint] {
                let old = kept[index].stats.deviceID
                if indexByDevice[old] == index { indexByDevice[old] = nil }
                kept[index] = (mount, figures)
                indexByDevice[figures.deviceID] = indexByDevice[figures.deviceID] ?? index
                continue
            }
            if let index = indexByDevice[figures.deviceID] {
                if mount.mountPoint.utf8.count < kept[index].mount.mountPoint.utf8.count {
                    indexByPoint[kept[index].mount.mountPoint] = nil
                    kept[index] = (mount, figures)
                    indexByPoint[mount.mountPoint] = index
                }
                continue
            }
            indexByPoint[mount.mountPoint] = kept.count
            indexByDevice[figures.deviceID] = kept.count
            kept.append((mount, figures))
        }
        return kept.map { FilesystemReading.make($0.mount, $0.stats) }
    }

    /// statvfs and stat of `path` on this machine.
    public static func systemStats(_ path: String) -> FilesystemStats? {
        var vfs = statvfs()
        var info = stat()
        guard statvfs(path, &vfs) == 0, stat(path, &info) == 0 else { return nil }
        return FilesystemStats(
            fragmentSize: UInt64(vfs.f_frsize), blocks: UInt64(vfs.f_blocks), blocksFree: UInt64(vfs.f_bfree),
            blocksAvailable: UInt64(vfs.f_bavail), files: UInt64(vfs.f_files), filesFree: UInt64(vfs.f_ffree),
            deviceID: UInt64(info.st_dev))
    }
}
