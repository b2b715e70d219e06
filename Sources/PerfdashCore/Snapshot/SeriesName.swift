/// The names of every series perfdash records: the one place that spells them.
///
/// Names are dot-separated: `cpu.busy_percent`, `disk.sda.read_bytes_per_second`, `net.total.rx_bytes_per_second`.
/// The autoscaler selects its input by these names; services add `service.<name>.…`.
public enum SeriesName {
    /// The instance name of an aggregate over disks or interfaces.
    public static let total = "total"

    public static let cpuBusy = "cpu.busy_percent"
    public static let cpuUser = "cpu.user_percent"
    public static let cpuSystem = "cpu.system_percent"
    public static let cpuIowait = "cpu.iowait_percent"
    public static let cpuSteal = "cpu.steal_percent"

    /// `cpu.core<N>.busy_percent`.
    public static func cpuCoreBusy(_ core: Int) -> String { "cpu.core\(core).busy_percent" }

    public static let memoryUsedPercent = "memory.used_percent"
    public static let memoryUsedBytes = "memory.used_bytes"
    public static let memoryAvailableBytes = "memory.available_bytes"
    public static let memoryCachedBytes = "memory.cached_bytes"
    public static let memoryBuffersBytes = "memory.buffers_bytes"
    public static let memoryTotalBytes = "memory.total_bytes"
    public static let swapUsedPercent = "swap.used_percent"
    public static let swapUsedBytes = "swap.used_bytes"
    public static let cgroupMemoryUsedPercent = "memory.cgroup.used_percent"
    public static let cgroupMemoryUsedBytes = "memory.cgroup.used_bytes"
    public static let cgroupMemoryLimitBytes = "memory.cgroup.limit_bytes"

    /// `disk.<device>.<metric>`; `device` is a kernel name or `total`.
    public static func disk(_ device: String, _ metric: DiskMetric) -> String { "disk.\(device).\(metric.rawValue)" }

    /// `net.<interface>.<metric>`; `interface` is a kernel name or `total`.
    public static func net(_ interface: String, _ metric: NetMetric) -> String {
        "net.\(interface).\(metric.rawValue)"
    }

    public static let load1 = "load.1m"
    public static let load5 = "load.5m"
    public static let load15 = "load.15m"
    public static let tasksRunning = "tasks.running"
    public static let tasksTotal = "tasks.total"

    /// `service.<service>.<metric>` for series of instrumented services.
    public static func service(_ service: String, _ metric: String) -> String { "service.\(service).\(metric)" }
}

/// The per-disk series, by the suffix of their name.
public enum DiskMetric: String, Sendable, CaseIterable {
    case readBytesPerSecond = "read_bytes_per_second"
    case writeBytesPerSecond = "write_bytes_per_second"
    case readIops = "read_iops"
    case writeIops = "write_iops"
    case utilPercent = "util_percent"
}

/// The per-interface series, by the suffix of their name.
public enum NetMetric: String, Sendable, CaseIterable {
    case rxBytesPerSecond = "rx_bytes_per_second"
    case txBytesPerSecond = "tx_bytes_per_second"
    case rxPacketsPerSecond = "rx_packets_per_second"
    case txPacketsPerSecond = "tx_packets_per_second"
    case rxErrorsPerSecond = "rx_errors_per_second"
    case txErrorsPerSecond = "tx_errors_per_second"
    case rxDropsPerSecond = "rx_drops_per_second"
    case txDropsPerSecond = "tx_drops_per_second"
}
