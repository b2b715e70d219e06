/// One raw reading of the host: cumulative counters and gauges, before any rate is computed.
///
/// Optional sections are nil when their file is absent under the root (see `HostReader.notes`).
public struct HostSample: Sendable, Equatable {
    /// /proc/stat's CPU counters (always present: a root without proc/stat is refused).
    public var cpu: CPUStat
    /// /proc/meminfo.
    public var memory: MemInfo?
    /// memory.current / memory.max of a cgroup v2 hierarchy.
    public var cgroupMemory: CgroupMemory?
    /// Whole disks from /proc/diskstats.
    public var disks: [DiskCounters]?
    /// Interfaces from /proc/net/dev.
    public var interfaces: [InterfaceCounters]?
    /// /proc/loadavg.
    public var load: LoadAverage?

    /// Creates a sample.
    public init(cpu: CPUStat, memory: MemInfo? = nil, cgroupMemory: CgroupMemory? = nil,
                disks: [DiskCounters]? = nil, interfaces: [InterfaceCounters]? = nil, load: LoadAverage? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.cgroupMemory = cgroupMemory
        self.disks = disks
        self.interfaces = interfaces
        self.load = load
    }
}
