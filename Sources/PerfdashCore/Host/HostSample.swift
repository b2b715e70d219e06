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
    /// /proc/pressure/cpu|memory|io; nil without PSI.
    public var pressure: PressureSample?
    /// cgroup v2 cpu.max and cpu.stat; nil outside a cgroup v2 hierarchy with the CPU controller.
    public var cgroupCPU: CgroupCPU?
    /// /proc/vmstat pswpin and pswpout.
    public var swap: SwapCounters?
    /// hwmon temperatures and cpufreq frequencies; nil where the machine exposes neither.
    public var sensors: SensorsReading?

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

    /// Creates a sample with the optional sources beyond the core files.
    public init(cpu: CPUStat, memory: MemInfo?, cgroupMemory: CgroupMemory?, disks: [DiskCounters]?,
                interfaces: [InterfaceCounters]?, load: LoadAverage?, pressure: PressureSample?, cgroupCPU: CgroupCPU?,
                swap: SwapCounters?, sensors: SensorsReading?) {
        self.init(cpu: cpu, memory: memory, cgroupMemory: cgroupMemory, disks: disks, interfaces: interfaces,
                  load: load)
        self.pressure = pressure
        self.cgroupCPU = cgroupCPU
        self.swap = swap
        self.sensors = sensors
    }
}
