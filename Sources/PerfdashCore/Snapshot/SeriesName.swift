/// The names of every series perfdash records: the one place that spells them.
///
/// Names are dot-separated: `cpu.busy_percent`, `disk.sda.read_bytes_per_second`, `net.total.rx_bytes_per_second`.
/// The autoscaler selects its input by these names; services add `service.<name>.…`.
public enum SeriesName {
    /// The instance name of an aggregate over disks or interfaces.
    public static let total = "total"

    /// All CPUs, busy share.
    public static let cpuBusy = "cpu.busy_percent"
    /// All CPUs, user + nice share.
    public static let cpuUser = "cpu.user_percent"
    /// All CPUs, system + irq + softirq share.
    public static let cpuSystem = "cpu.system_percent"
    /// All CPUs, iowait share.
    public static let cpuIowait = "cpu.iowait_percent"
    /// All CPUs, steal share.
    public static let cpuSteal = "cpu.steal_percent"

    /// `cpu.core<N>.busy_percent`.
    public static func cpuCoreBusy(_ core: Int) -> String { "cpu.core\(core).busy_percent" }

    /// 100 · (MemTotal − MemAvailable) / MemTotal.
    public static let memoryUsedPercent = "memory.used_percent"
    /// MemTotal − MemAvailable.
    public static let memoryUsedBytes = "memory.used_bytes"
    /// MemAvailable.
    public static let memoryAvailableBytes = "memory.available_bytes"
    /// Cached + SReclaimable − Shmem.
    public static let memoryCachedBytes = "memory.cached_bytes"
    /// Buffers.
    public static let memoryBuffersBytes = "memory.buffers_bytes"
    /// MemTotal.
    public static let memoryTotalBytes = "memory.total_bytes"
    /// 100 · swap used / SwapTotal.
    public static let swapUsedPercent = "swap.used_percent"
    /// SwapTotal − SwapFree.
    public static let swapUsedBytes = "swap.used_bytes"
    /// Container usage / limit (only under a limit below MemTotal).
    public static let cgroupMemoryUsedPercent = "memory.cgroup.used_percent"
    /// Container memory.current.
    public static let cgroupMemoryUsedBytes = "memory.cgroup.used_bytes"
    /// Container memory.max.
    public static let cgroupMemoryLimitBytes = "memory.cgroup.limit_bytes"

    /// `disk.<device>.<metric>`; `device` is a kernel name or `total`.
    public static func disk(_ device: String, _ metric: DiskMetric) -> String { "disk.\(device).\(metric.rawValue)" }

    /// `net.<interface>.<metric>`; `interface` is a kernel name or `total`.
    public static func net(_ interface: String, _ metric: NetMetric) -> String {
        "net.\(interface).\(metric.rawValue)"
    }

    /// 1-minute load average.
    public static let load1 = "load.1m"
    /// 5-minute load average.
    public static let load5 = "load.5m"
    /// 15-minute load average.
    public static let load15 = "load.15m"
    /// Runnable tasks.
    public static let tasksRunning = "tasks.running"
    /// All tasks.
    public static let tasksTotal = "tasks.total"

    /// Processes (threads folded in).
    public static let processesTotal = "processes.total"
    /// Processes in state R.
    public static let processesRunning = "processes.running"

    /// `fs.<mountpoint>.<metric>`, the mount point as written in /proc/self/mounts (`fs./home.used_percent`).
    public static func filesystem(_ mountPoint: String, _ metric: FilesystemMetric) -> String {
        "fs.\(mountPoint).\(metric.rawValue)"
    }

    /// `pressure.<cpu|memory|io>.<some|full>.<avg10|avg60|avg300|stall_percent>`.
    public static func pressure(_ resource: String, _ kind: String, _ metric: PressureMetric) -> String {
        "pressure.\(resource).\(kind).\(metric.rawValue)"
    }

    /// Share of the container's enforcement periods that were throttled (cgroup v2 cpu.stat).
    public static let cgroupCPUThrottledPercent = "cpu.cgroup.throttled_percent"
    /// The container's CPU limit in cores (cpu.max quota / period); only under a limit.
    public static let cgroupCPULimitCores = "cpu.cgroup.limit_cores"
    /// The container's CPU use in cores (Δusage_usec / Δt).
    public static let cgroupCPUUsageCores = "cpu.cgroup.usage_cores"
    /// Pages swapped in per second (/proc/vmstat pswpin).
    public static let swapInPagesPerSecond = "memory.swap_in_pages_per_second"
    /// Pages swapped out per second (/proc/vmstat pswpout).
    public static let swapOutPagesPerSecond = "memory.swap_out_pages_per_second"
    /// Mean current frequency over the CPUs with cpufreq.
    public static let cpuFrequency = "cpu.frequency_mhz"

    /// `temperature.<chip>.<sensor>.celsius`, the sensor label with spaces as underscores.
    public static func temperature(chip: String, label: String) -> String {
        "temperature.\(chip).\(label.replacingSpaces).celsius"
    }

    /// `service.<service>.<metric>` for series of instrumented services.
    public static func service(_ service: String, _ metric: String) -> String { "service.\(service).\(metric)" }

    /// `alert.<name>.level` (0 ok, 1 warning, 2 critical), or `alert.<name>.<instance>.level` for one series of a
    /// rule written with `*` (`alert.fs-full./home.level`).
    public static func alertLevel(_ name: String, instance: String? = nil) -> String {
        instance.map { "alert.\(name).\($0).level" } ?? "alert.\(name).level"
    }

    /// Pressure stall information by the metric's name: `pressure.<cpu|memory|io>.<some|full>.<avg10|avg60|avg300|stall_percent>`.
    public static func pressure(_ resource: String, _ kind: String, _ metric: String) -> String {
        "pressure.\(resource).\(kind).\(metric)"
    }

    /// `fs.<mountpoint>.used_percent`.
    public static func filesystemUsedPercent(_ mountpoint: String) -> String { "fs.\(mountpoint).used_percent" }
    /// `fs.<mountpoint>.inodes_used_percent`.
    public static func filesystemInodesUsedPercent(_ mountpoint: String) -> String {
        "fs.\(mountpoint).inodes_used_percent"
    }

    /// `promql.<autoscaler>` (first input) or `promql.<autoscaler>.<n>`: the value of an autoscaler's PromQL input.
    public static func promQLInput(_ autoscaler: String, _ index: Int) -> String {
        index == 0 ? "promql.\(autoscaler)" : "promql.\(autoscaler).\(index)"
    }

    /// Issue 9's service figures, the part after `service.<svc>.`: `requests_per_second`, `error_percent`,
    /// `route.<route>.requests_per_second|error_percent|p95_seconds`, `pool.<pool>.utilization_percent|pending`,
    /// `limiter.<limiter>.rejections_per_second`.
    public enum ServiceFigureSeries {
        /// Requests per second of the whole service.
        public static let requestsPerSecond = "requests_per_second"
        /// Error percent of the whole service.
        public static let errorPercent = "error_percent"
        /// p95 latency of the whole service.
        public static let p95Seconds = "p95_seconds"
        /// Pool utilization, percent.
        public static let utilizationPercent = "utilization_percent"
        /// Pool waiters.
        public static let pending = "pending"
        /// Limiter rejections per second.
        public static let rejectionsPerSecond = "rejections_per_second"

        /// `route.<route>.<metric>`.
        public static func route(_ route: String, _ metric: String) -> String { "route.\(route).\(metric)" }
        /// `pool.<pool>.<metric>`.
        public static func pool(_ pool: String, _ metric: String) -> String { "pool.\(pool).\(metric)" }
        /// `limiter.<limiter>.<metric>`.
        public static func limiter(_ limiter: String, _ metric: String) -> String { "limiter.\(limiter).\(metric)" }
    }

    /// `autoscaler.<name>.<metric>`: an autoscaler's current recommendation.
    public static func autoscaler(_ name: String, _ metric: AutoscalerMetric) -> String {
        "autoscaler.\(name).\(metric.rawValue)"
    }
}

/// The per-pressure-line series, by the suffix of their name.
public enum PressureMetric: String, Sendable, CaseIterable {
    /// The kernel's 10 s running average, percent.
    case avg10
    /// The kernel's 60 s running average, percent.
    case avg60
    /// The kernel's 300 s running average, percent.
    case avg300
    /// 100 · Δtotal µs / Δt µs over the last interval.
    case stallPercent = "stall_percent"
}

extension String {
    /// The string with spaces turned into underscores (for sensor labels inside series names).
    var replacingSpaces: String { String(map { $0 == " " ? "_" : $0 }) }
}

/// The per-autoscaler series, by the suffix of their name.
public enum AutoscalerMetric: String, Sendable, CaseIterable {
    /// The replica count the recommendation starts from.
    case currentReplicas = "current_replicas"
    /// The recommended replica count.
    case desiredReplicas = "desired_replicas"
    /// Threshold policy: seconds until the cooldown ends (0 when none runs).
    case cooldownSecondsLeft = "cooldown_seconds_left"
    /// Target policy: seconds until the stabilization window stops holding the count (0 when it does not).
    case stabilizationSecondsLeft = "stabilization_seconds_left"
}

/// The per-disk series, by the suffix of their name.
public enum DiskMetric: String, Sendable, CaseIterable {
    /// Bytes read per second.
    case readBytesPerSecond = "read_bytes_per_second"
    /// Bytes written per second.
    case writeBytesPerSecond = "write_bytes_per_second"
    /// Reads per second.
    case readIops = "read_iops"
    /// Writes per second.
    case writeIops = "write_iops"
    /// Time busy with I/O, percent.
    case utilPercent = "util_percent"
}

/// The per-interface series, by the suffix of their name.
public enum NetMetric: String, Sendable, CaseIterable {
    /// Bytes received per second.
    case rxBytesPerSecond = "rx_bytes_per_second"
    /// Bytes sent per second.
    case txBytesPerSecond = "tx_bytes_per_second"
    /// Packets received per second.
    case rxPacketsPerSecond = "rx_packets_per_second"
    /// Packets sent per second.
    case txPacketsPerSecond = "tx_packets_per_second"
    /// Receive errors per second.
    case rxErrorsPerSecond = "rx_errors_per_second"
    /// Transmit errors per second.
    case txErrorsPerSecond = "tx_errors_per_second"
    /// Received packets dropped per second.
    case rxDropsPerSecond = "rx_drops_per_second"
    /// Outgoing packets dropped per second.
    case txDropsPerSecond = "tx_drops_per_second"
}

/// The series of database and cache servers, as the `<metric>` of `SeriesName.service(_:_:)`.
public enum ServerSeries {
    /// PostgreSQL buffer cache hit rate over the window, percent.
    public static let dbBufferHitPercent = "db.buffer_hit_percent"
    /// PostgreSQL commits per second.
    public static let dbTransactionsPerSecond = "db.transactions_per_second"
    /// PostgreSQL rollbacks per second.
    public static let dbRollbacksPerSecond = "db.rollbacks_per_second"
    /// PostgreSQL client connections against max_connections, percent.
    public static let dbConnectionsUsedPercent = "db.connections_used_percent"
    /// PostgreSQL client backends waiting on a lock.
    public static let dbWaitingOnLocks = "db.waiting_on_locks"
    /// PostgreSQL deadlocks in the window.
    public static let dbDeadlocks = "db.deadlocks"
    /// PostgreSQL bytes written to temporary files in the window.
    public static let dbTempBytes = "db.temp_bytes"
    /// Redis commands per second, perfdash's own left out.
    public static let redisOpsPerSecond = "redis.ops_per_second"
    /// Redis used_memory against maxmemory, percent.
    public static let redisMemoryUsedPercent = "redis.memory_used_percent"
    /// Redis connected clients, perfdash's own left out.
    public static let redisClients = "redis.clients"
    /// memcached bytes against limit_maxbytes, percent.
    public static let memcachedMemoryUsedPercent = "memcached.memory_used_percent"
    /// memcached items stored.
    public static let memcachedItems = "memcached.items"
    /// memcached client connections.
    public static let memcachedConnections = "memcached.connections"

    /// `queue.<queue>.<part>`: one key of a Redis queue (`queue.default.failed`, `queue.hi.priority_3`).
    public static func queuePart(_ queue: String, _ part: String) -> String {
        "queue.\(queue).\(part.replacingSpaces)"
    }
}

