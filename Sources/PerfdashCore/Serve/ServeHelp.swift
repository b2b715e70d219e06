/// The `# HELP` text and unit of each exposed family.
///
/// Families perfdash knows get a sentence that says what the number is (with the definition the panels use);
/// any other family (a section added later) gets a generic line naming the series and its unit, so a new section
/// is exposed correctly without touching this file.
enum ServeHelp {
    /// The unit suffix the family's metric name ends with, for OpenMetrics' `# UNIT` (nil: dimensionless).
    static func unitSuffix(_ unit: SeriesUnit) -> String? {
        switch unit {
        case .percent: "percent"
        case .bytes: "bytes"
        case .bytesPerSecond: "bytes_per_second"
        case .seconds: "seconds"
        case .celsius: "celsius"
        case .megahertz: "megahertz"
        case .perSecond, .load, .count, .ratio, .cores, .pagesPerSecond: nil
        }
    }

    /// The help text of `family` (sanitised, e.g. `disk_util_percent`), whose values are in `unit`.
    static func help(family: String, unit: SeriesUnit) -> String {
        if let known = known[family] { return known }
        let words: String
        switch unit {
        case .percent: words = "percent"
        case .bytes: words = "bytes"
        case .bytesPerSecond: words = "bytes per second"
        case .perSecond: words = "events per second"
        case .load: words = "runnable tasks (load average)"
        case .count: words = "a count"
        case .seconds: words = "seconds"
        case .ratio: words = "a ratio 0..1"
        case .celsius: words = "degrees Celsius"
        case .megahertz: words = "megahertz"
        case .cores: words = "CPU cores"
        case .pagesPerSecond: words = "memory pages per second"
        }
        return "perfdash series \(family), in \(words)."
    }

    private static let known: [String: String] = [
        "cpu_busy_percent": "CPU busy share over the last interval, all CPUs: 100*(dtotal-didle)/dtotal, idle including iowait.",
        "cpu_user_percent": "CPU user+nice share over the last interval, all CPUs.",
        "cpu_system_percent": "CPU system+irq+softirq share over the last interval, all CPUs.",
        "cpu_iowait_percent": "CPU iowait share over the last interval, all CPUs.",
        "cpu_steal_percent": "CPU steal share over the last interval, all CPUs.",
        "cpu_core_busy_percent": "Busy share of one CPU over the last interval.",
        "memory_used_percent": "Memory used: 100*(MemTotal-MemAvailable)/MemTotal.",
        "memory_used_bytes": "Memory used: MemTotal-MemAvailable.",
        "memory_available_bytes": "MemAvailable.",
        "memory_cached_bytes": "Page cache: Cached+SReclaimable-Shmem.",
        "memory_buffers_bytes": "Buffers.",
        "memory_total_bytes": "MemTotal.",
        "swap_used_percent": "Swap used: 100*(SwapTotal-SwapFree)/SwapTotal.",
        "swap_used_bytes": "Swap used: SwapTotal-SwapFree.",
        "memory_cgroup_used_percent": "Container memory.current over memory.max.",
        "memory_cgroup_used_bytes": "Container memory.current.",
        "memory_cgroup_limit_bytes": "Container memory.max.",
        "disk_read_bytes_per_second": "Bytes read per second by a whole disk (512-byte sectors).",
        "disk_write_bytes_per_second": "Bytes written per second by a whole disk (512-byte sectors).",
        "disk_read_iops": "Reads completed per second by a whole disk.",
        "disk_write_iops": "Writes completed per second by a whole disk.",
        "disk_util_percent": "Time a whole disk was busy with I/O over the last interval (io_ticks).",
        "disk_total_read_bytes_per_second": "Bytes read per second, all whole disks.",
        "disk_total_write_bytes_per_second": "Bytes written per second, all whole disks.",
        "disk_total_read_iops": "Reads per second, all whole disks.",
        "disk_total_write_iops": "Writes per second, all whole disks.",
        "disk_total_util_percent": "Mean busy time of the whole disks over the last interval.",
        "net_rx_bytes_per_second": "Bytes received per second by an interface.",
        "net_tx_bytes_per_second": "Bytes sent per second by an interface.",
        "net_rx_packets_per_second": "Packets received per second by an interface.",
        "net_tx_packets_per_second": "Packets sent per second by an interface.",
        "net_rx_errors_per_second": "Receive errors per second on an interface.",
        "net_tx_errors_per_second": "Transmit errors per second on an interface.",
        "net_rx_drops_per_second": "Received packets dropped per second on an interface.",
        "net_tx_drops_per_second": "Outgoing packets dropped per second on an interface.",
        "net_total_rx_bytes_per_second": "Bytes received per second, physical interfaces (lo and virtual ones excluded).",
        "net_total_tx_bytes_per_second": "Bytes sent per second, physical interfaces (lo and virtual ones excluded).",
        "load_1m": "1-minute load average.",
        "load_5m": "5-minute load average.",
        "load_15m": "15-minute load average.",
        "tasks_running": "Runnable tasks.",
        "tasks": "All tasks (the kernel's count in /proc/loadavg).",
        "service_up": "1 when the service's last scrape succeeded, 0 when it is down.",
        "service_scrape_duration_seconds": "Duration of the service's last scrape.",
        "service_series_count": "Series in the service's last successful scrape.",
        "service_cache_hit_rate_percent": "Cache hit rate over the window: 100*dhits/(dhits+dmisses); absent without traffic.",
        "service_cache_evictions": "Cache evictions in the window.",
        "service_queue_depth": "Jobs waiting in the queue now.",
        "service_latency_p50_seconds": "Latency median over the window (histogram_quantile on bucket deltas).",
        "service_latency_p95_seconds": "Latency 95th percentile over the window (histogram_quantile on bucket deltas).",
        "service_latency_p99_seconds": "Latency 99th percentile over the window (histogram_quantile on bucket deltas).",
        "service_requests_per_second": "Requests per second over the window.",
        "service_error_percent": "Share of requests that failed over the window.",
        "autoscaler_current_replicas": "Replica count the autoscaler's recommendation starts from.",
        "autoscaler_desired_replicas": "Replica count the autoscaler recommends.",
        "autoscaler_cooldown_seconds_left": "Seconds until the threshold policy's cooldown ends (0: none running).",
        "autoscaler_stabilization_seconds_left": "Seconds the target policy's stabilization window still holds the count.",
        "alert_level": "Alert state: 0 ok, 1 warning, 2 critical.",
        "fs_used_percent": "Filesystem space used, as df counts it, by mount point.",
        "fs_inodes_used_percent": "Filesystem inodes used, by mount point.",
        "pressure_stall_percent": "PSI: share of the last interval some (or all) tasks stalled on the resource.",
        "pressure_avg10": "PSI avg10 as the kernel reports it, by resource and kind.",
        "pressure_avg60": "PSI avg60 as the kernel reports it, by resource and kind.",
        "pressure_avg300": "PSI avg300 as the kernel reports it, by resource and kind.",
    ]
}
