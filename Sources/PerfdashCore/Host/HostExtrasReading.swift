/// A container's CPU limit and throttling over the interval (cgroup v2 cpu.max and cpu.stat).
public struct CgroupCPUReading: Sendable, Equatable, Codable {
    /// quota / period in cores; nil when cpu.max is `max` (no limit).
    public var limitCores: Double?
    /// Δusage_usec / Δt: the cores the container used.
    public var usageCores: Double
    /// 100 · Δnr_throttled / Δnr_periods: the share of enforcement periods in which the quota ran out (0 when no
    /// period elapsed).
    public var throttledPercent: Double
    /// Δthrottled_usec / Δt: seconds of runnable time held back per second.
    public var throttledSecondsPerSecond: Double

    /// Creates a reading.
    public init(limitCores: Double?, usageCores: Double, throttledPercent: Double, throttledSecondsPerSecond: Double) {
        self.limitCores = limitCores
        self.usageCores = usageCores
        self.throttledPercent = throttledPercent
        self.throttledSecondsPerSecond = throttledSecondsPerSecond
    }
}

/// Swap traffic over the interval (/proc/vmstat pswpin, pswpout): the sign of memory pressure that swap used % hides.
public struct SwapActivity: Sendable, Equatable, Codable {
    /// Pages read back from swap per second.
    public var inPagesPerSecond: Double
    /// Pages written to swap per second.
    public var outPagesPerSecond: Double

    /// Creates a reading.
    public init(inPagesPerSecond: Double, outPagesPerSecond: Double) {
        self.inPagesPerSecond = inPagesPerSecond
        self.outPagesPerSecond = outPagesPerSecond
    }
}

/// One pressure line over the interval: the kernel's averages and the stall share measured between two readings.
public struct PressureFigures: Sendable, Equatable, Codable {
    /// The kernel's 10 s average, percent.
    public var avg10: Double
    /// The kernel's 60 s average, percent.
    public var avg60: Double
    /// The kernel's 300 s average, percent.
    public var avg300: Double
    /// 100 · Δtotal µs / Δt µs, clamped to 0…100.
    public var stallPercent: Double

    /// Creates figures.
    public init(avg10: Double, avg60: Double, avg300: Double, stallPercent: Double) {
        self.avg10 = avg10
        self.avg60 = avg60
        self.avg300 = avg300
        self.stallPercent = stallPercent
    }
}

/// One resource's pressure: `some` (at least one task stalled) and `full` (all non-idle tasks stalled) when present.
public struct ResourcePressure: Sendable, Equatable, Codable {
    /// Some tasks stalled.
    public var some: PressureFigures
    /// All non-idle tasks stalled; nil when the kernel does not report it.
    public var full: PressureFigures?

    /// Creates a reading.
    public init(some: PressureFigures, full: PressureFigures?) {
        self.some = some
        self.full = full
    }
}

/// The snapshot's `pressure` section: pressure stall information for CPU, memory and I/O.
public struct PressureReading: Sendable, Equatable, Codable {
    /// /proc/pressure/cpu.
    public var cpu: ResourcePressure?
    /// /proc/pressure/memory.
    public var memory: ResourcePressure?
    /// /proc/pressure/io.
    public var io: ResourcePressure?

    /// Creates a reading.
    public init(cpu: ResourcePressure?, memory: ResourcePressure?, io: ResourcePressure?) {
        self.cpu = cpu
        self.memory = memory
        self.io = io
    }

    /// The resources present, by name, in cpu, memory, io order.
    public var resources: [(name: String, pressure: ResourcePressure)] {
        [("cpu", cpu), ("memory", memory), ("io", io)].compactMap { entry in entry.1.map { (entry.0, $0) } }
    }

    /// `pressure.<res>.<some|full>.<avg10|avg60|avg300|stall_percent>` (family `pressure.<metric>`, labels
    /// resource and kind).
    public func flatSeries() -> [FlatSeries] {
        var out: [FlatSeries] = []
        for (name, pressure) in resources {
            for (kind, figures) in [("some", pressure.some), ("full", pressure.full)] {
                guard let figures else { continue }
                let values: [(PressureMetric, Double)] = [(.avg10, figures.avg10), (.avg60, figures.avg60),
                                                         (.avg300, figures.avg300), (.stallPercent, figures.stallPercent)]
                for (metric, value) in values {
                    out.append(FlatSeries(name: SeriesName.pressure(name, kind, metric),
                                          family: "pressure." + metric.rawValue,
                                          labels: [SeriesLabel("resource", name), SeriesLabel("kind", kind)],
                                          value: value, unit: .percent))
                }
            }
        }
        return out
    }
}
