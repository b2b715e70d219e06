/// The advisor's switch and the thresholds its rules use (`[advisor]` in the config; every key optional).
public struct AdvisorSettings: Sendable, Equatable, Codable {
    /// False: no findings at all.
    public var enabled = true
    /// CPU bound: average busy share over the window at or above this.
    public var cpuBusyPercent = 90.0
    /// CPU bound: runnable tasks per CPU at or above this (the run queue is longer than the CPUs).
    public var runQueuePerCore = 1.0
    /// CPU bound: `pressure.cpu.some.avg10` at or above this also counts as evidence (when PSI exists).
    public var cpuPressurePercent = 20.0
    /// Disk bound: average iowait share at or above this.
    public var iowaitPercent = 20.0
    /// Disk bound: a disk's average utilization at or above this.
    public var diskUtilPercent = 90.0
    /// Disk bound: `pressure.io.some.avg10` at or above this.
    public var ioPressurePercent = 20.0
    /// Memory pressure: memory used (MemTotal − MemAvailable) at or above this.
    public var memoryUsedPercent = 90.0
    /// Memory pressure: `pressure.memory.some.avg10` at or above this.
    public var memoryPressurePercent = 10.0
    /// Memory pressure: pages swapped in per second at or above this.
    public var swapInPagesPerSecond = 10.0
    /// Caches: the hit-rate target (the seeds' KPI: ≥ 85 %).
    public var hitRateTargetPercent = 85.0
    /// Queues: growth over the window (items) at or above this counts as growing.
    public var queueGrowthItems = 10.0
    /// Queues and pools: a pool (or the CPU) this busy counts as busy workers.
    public var workersBusyPercent = 80.0
    /// Pools: utilization at or above this with waiters means the pool limits throughput.
    public var poolSaturationPercent = 95.0
    /// Database: p99 latency rising by this share over the window (percent of its start).
    public var latencyRisePercent = 20.0
    /// Database: the buffer hit rate falling by at least this many points over the window.
    public var bufferHitDropPoints = 1.0
    /// Database: and ending below this.
    public var bufferHitTargetPercent = 99.0
    /// Sequential scans: per table and second, at or above this.
    public var seqScansPerSecond = 1.0
    /// Sequential scans: rows read by them per second at or above this.
    public var seqRowsPerSecond = 10_000.0

    /// The defaults.
    public init() {}

    /// Config keys → fields, for the parser and `perfdash config check`.
    static var numericKeys: [(key: String, path: WritableKeyPath<AdvisorSettings, Double>)] { [
        ("cpu_busy_percent", \.cpuBusyPercent), ("run_queue_per_core", \.runQueuePerCore),
        ("cpu_pressure_percent", \.cpuPressurePercent), ("iowait_percent", \.iowaitPercent),
        ("disk_util_percent", \.diskUtilPercent), ("io_pressure_percent", \.ioPressurePercent),
        ("memory_used_percent", \.memoryUsedPercent), ("memory_pressure_percent", \.memoryPressurePercent),
        ("swap_in_pages_per_second", \.swapInPagesPerSecond), ("hit_rate_target_percent", \.hitRateTargetPercent),
        ("queue_growth_items", \.queueGrowthItems), ("workers_busy_percent", \.workersBusyPercent),
        ("pool_saturation_percent", \.poolSaturationPercent), ("latency_rise_percent", \.latencyRisePercent),
        ("buffer_hit_drop_points", \.bufferHitDropPoints), ("buffer_hit_target_percent", \.bufferHitTargetPercent),
        ("seq_scans_per_second", \.seqScansPerSecond), ("seq_rows_per_second", \.seqRowsPerSecond),
    ] }

    /// Reads `[advisor]`: `enabled` and any threshold; each must be a finite number ≥ 0.
    public static func parse(_ table: ConfigTable?) throws(ConfigError) -> AdvisorSettings {
        var settings = AdvisorSettings()
        guard var table else { return settings }
        table.context = "[advisor]"
        try table.rejectUnknownKeys(allowed: Set(numericKeys.map(\.key) + ["enabled"]))
        if let enabled = try table.bool("enabled") { settings.enabled = enabled }
        for (key, path) in numericKeys {
            guard let value = try table.number(key) else { continue }
            guard value.isFinite, value >= 0 else { throw table.error(key, "expected a finite number ≥ 0") }
            settings[keyPath: path] = value
        }
        return settings
    }
}
