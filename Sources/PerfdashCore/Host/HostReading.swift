/// The host over one interval: rates and shares computed from two samples, plus the current gauges.
///
/// Field names carry their unit (`_percent`, `_bytes`, `_per_second`) once encoded in snake case.
public struct HostReading: Sendable, Equatable, Codable {
    /// CPU shares over the interval.
    public var cpu: CPUReading
    /// Memory at the end of the interval; nil when proc/meminfo is missing.
    public var memory: MemoryReading?
    /// Disk rates; nil when proc/diskstats is missing.
    public var disks: DisksReading?
    /// Network rates; nil when proc/net/dev is missing.
    public var network: NetworkReading?
    /// Load average; nil when proc/loadavg is missing.
    public var load: LoadAverage?
    /// The container's CPU limit and throttling; nil outside a cgroup v2 hierarchy with the CPU controller.
    public var cgroupCPU: CgroupCPUReading?
    /// Pages swapped in and out per second; nil when proc/vmstat is missing.
    public var swapActivity: SwapActivity?
    /// Temperatures and CPU frequencies; nil where the machine exposes neither.
    public var sensors: SensorsReading?

    // `cgroupCpu`: what `convertFromSnakeCase` makes of `cgroup_cpu` (and `convertToSnakeCase` turns back into it),
    // so that a snapshot decodes the section it wrote.
    private enum CodingKeys: String, CodingKey {
        case cpu, memory, disks, network, load, swapActivity, sensors
        case cgroupCPU = "cgroupCpu"
    }

    /// Creates a reading.
    public init(cpu: CPUReading, memory: MemoryReading? = nil, disks: DisksReading? = nil,
                network: NetworkReading? = nil, load: LoadAverage? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.disks = disks
        self.network = network
        self.load = load
    }
}

/// Shares of CPU time over an interval, each 0…100. busy = user + system + steal.
public struct CPUShares: Sendable, Equatable, Codable {
    /// 100·(Δtotal − Δ(idle + iowait)) / Δtotal.
    public var busyPercent: Double
    /// user + nice.
    public var userPercent: Double
    /// system + irq + softirq.
    public var systemPercent: Double
    /// Waiting for I/O (counted as idle in busy %).
    public var iowaitPercent: Double
    /// Taken by the hypervisor.
    public var stealPercent: Double

    /// Creates shares.
    public init(busyPercent: Double, userPercent: Double, systemPercent: Double, iowaitPercent: Double,
                stealPercent: Double) {
        self.busyPercent = busyPercent
        self.userPercent = userPercent
        self.systemPercent = systemPercent
        self.iowaitPercent = iowaitPercent
        self.stealPercent = stealPercent
    }
}

/// The shares of one core.
public struct CoreReading: Sendable, Equatable, Codable {
    /// N of `cpuN`.
    public var id: Int
    /// The core's shares.
    public var shares: CPUShares

    /// Creates a core reading.
    public init(id: Int, shares: CPUShares) {
        self.id = id
        self.shares = shares
    }
}

/// All CPUs together and each core.
public struct CPUReading: Sendable, Equatable, Codable {
    /// The aggregate `cpu` line.
    public var total: CPUShares
    /// One entry per online core, in /proc/stat order.
    public var cores: [CoreReading]

    /// Creates a CPU reading.
    public init(total: CPUShares, cores: [CoreReading]) {
        self.total = total
        self.cores = cores
    }
}

/// Memory in bytes; used = MemTotal − MemAvailable.
public struct MemoryReading: Sendable, Equatable, Codable {
    /// MemTotal.
    public var totalBytes: UInt64
    /// MemTotal − MemAvailable.
    public var usedBytes: UInt64
    /// 100 · used / total.
    public var usedPercent: Double
    /// MemAvailable: what can be allocated without swapping.
    public var availableBytes: UInt64
    /// MemFree: not used at all (less useful than available).
    public var freeBytes: UInt64
    /// Cached + SReclaimable − Shmem.
    public var cachedBytes: UInt64
    /// Buffers: block-device metadata cache.
    public var buffersBytes: UInt64
    /// SwapTotal.
    public var swapTotalBytes: UInt64
    /// SwapTotal − SwapFree.
    public var swapUsedBytes: UInt64
    /// 100 · swap used / swap total (0 without swap).
    public var swapUsedPercent: Double
    /// The cgroup v2 limit and usage, present only when the limit is below MemTotal.
    public var cgroup: CgroupMemoryReading?

    /// Creates a memory reading.
    public init(totalBytes: UInt64, usedBytes: UInt64, usedPercent: Double, availableBytes: UInt64,
                freeBytes: UInt64, cachedBytes: UInt64, buffersBytes: UInt64, swapTotalBytes: UInt64,
                swapUsedBytes: UInt64, swapUsedPercent: Double, cgroup: CgroupMemoryReading? = nil) {
        self.totalBytes = totalBytes
        self.usedBytes = usedBytes
        self.usedPercent = usedPercent
        self.availableBytes = availableBytes
        self.freeBytes = freeBytes
        self.cachedBytes = cachedBytes
        self.buffersBytes = buffersBytes
        self.swapTotalBytes = swapTotalBytes
        self.swapUsedBytes = swapUsedBytes
        self.swapUsedPercent = swapUsedPercent
        self.cgroup = cgroup
    }
}

/// A container's memory limit and usage (cgroup v2 memory.max and memory.current).
public struct CgroupMemoryReading: Sendable, Equatable, Codable {
    /// memory.max.
    public var limitBytes: UInt64
    /// memory.current (includes the container's page cache).
    public var usedBytes: UInt64
    /// 100 · used / limit.
    public var usedPercent: Double

    /// Creates a cgroup reading.
    public init(limitBytes: UInt64, usedBytes: UInt64, usedPercent: Double) {
        self.limitBytes = limitBytes
        self.usedBytes = usedBytes
        self.usedPercent = usedPercent
    }
}

/// Rates of one disk (or of the total) over the interval.
public struct DiskRates: Sendable, Equatable, Codable {
    /// Device name, or `total`.
    public var name: String
    /// Bytes read per second (512-byte sectors).
    public var readBytesPerSecond: Double
    /// Bytes written per second (512-byte sectors).
    public var writeBytesPerSecond: Double
    /// Reads completed per second.
    public var readIops: Double
    /// Writes completed per second.
    public var writeIops: Double
    /// Δio_ticks(ms) / Δt(ms) · 100, clamped to 0…100; for the total, the mean over the disks.
    public var utilPercent: Double

    /// Creates disk rates.
    public init(name: String, readBytesPerSecond: Double, writeBytesPerSecond: Double, readIops: Double,
                writeIops: Double, utilPercent: Double) {
        self.name = name
        self.readBytesPerSecond = readBytesPerSecond
        self.writeBytesPerSecond = writeBytesPerSecond
        self.readIops = readIops
        self.writeIops = writeIops
        self.utilPercent = utilPercent
    }
}

/// Every whole disk and their total (stacked dm/md devices are listed but not added).
public struct DisksReading: Sendable, Equatable, Codable {
    /// Whole disks in /proc/diskstats order.
    public var devices: [DiskRates]
    /// Sums over the disks (stacked devices excluded); util is their mean.
    public var total: DiskRates

    /// Creates a disk reading.
    public init(devices: [DiskRates], total: DiskRates) {
        self.devices = devices
        self.total = total
    }
}

/// Rates of one interface (or of the total) over the interval.
public struct InterfaceRates: Sendable, Equatable, Codable {
    /// Interface name, or `total`.
    public var name: String
    /// Bytes received per second.
    public var rxBytesPerSecond: Double
    /// Bytes sent per second.
    public var txBytesPerSecond: Double
    /// Packets received per second.
    public var rxPacketsPerSecond: Double
    /// Packets sent per second.
    public var txPacketsPerSecond: Double
    /// Receive errors per second.
    public var rxErrorsPerSecond: Double
    /// Transmit errors per second.
    public var txErrorsPerSecond: Double
    /// Received packets dropped per second.
    public var rxDropsPerSecond: Double
    /// Outgoing packets dropped per second.
    public var txDropsPerSecond: Double

    /// Creates interface rates.
    public init(name: String, rxBytesPerSecond: Double, txBytesPerSecond: Double, rxPacketsPerSecond: Double,
                txPacketsPerSecond: Double, rxErrorsPerSecond: Double, txErrorsPerSecond: Double,
                rxDropsPerSecond: Double, txDropsPerSecond: Double) {
        self.name = name
        self.rxBytesPerSecond = rxBytesPerSecond
        self.txBytesPerSecond = txBytesPerSecond
        self.rxPacketsPerSecond = rxPacketsPerSecond
        self.txPacketsPerSecond = txPacketsPerSecond
        self.rxErrorsPerSecond = rxErrorsPerSecond
        self.txErrorsPerSecond = txErrorsPerSecond
        self.rxDropsPerSecond = rxDropsPerSecond
        self.txDropsPerSecond = txDropsPerSecond
    }
}

/// Every interface and the filtered total.
public struct NetworkReading: Sendable, Equatable, Codable {
    /// Every interface in /proc/net/dev order.
    public var interfaces: [InterfaceRates]
    /// Sum over the interfaces the filter includes.
    public var total: InterfaceRates
    /// The patterns left out of the total.
    public var totalExcludes: [String]

    /// Creates a network reading.
    public init(interfaces: [InterfaceRates], total: InterfaceRates, totalExcludes: [String]) {
        self.interfaces = interfaces
        self.total = total
        self.totalExcludes = totalExcludes
    }
}
