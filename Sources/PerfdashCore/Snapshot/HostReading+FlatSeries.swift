extension HostReading {
    /// Every numeric value of the reading as named series (see `SeriesName`).
    public func flatSeries() -> [FlatSeries] {
        var out: [FlatSeries] = []
        out.reserveCapacity(32 + cpu.cores.count + (disks?.devices.count ?? 0) * 5
                            + (network?.interfaces.count ?? 0) * 8)
        appendCPU(to: &out)
        appendMemory(to: &out)
        appendDisks(to: &out)
        appendNetwork(to: &out)
        if let load {
            out.append(FlatSeries(name: SeriesName.load1, value: load.oneMinute, unit: .load))
            out.append(FlatSeries(name: SeriesName.load5, value: load.fiveMinutes, unit: .load))
            out.append(FlatSeries(name: SeriesName.load15, value: load.fifteenMinutes, unit: .load))
            out.append(FlatSeries(name: SeriesName.tasksRunning, value: Double(load.tasksRunning), unit: .count))
            out.append(FlatSeries(name: SeriesName.tasksTotal, value: Double(load.tasksTotal), unit: .count))
        }
        appendExtras(to: &out)
        return out
    }

    private func appendCPU(to out: inout [FlatSeries]) {
        out.append(FlatSeries(name: SeriesName.cpuBusy, value: cpu.total.busyPercent, unit: .percent))
        out.append(FlatSeries(name: SeriesName.cpuUser, value: cpu.total.userPercent, unit: .percent))
        out.append(FlatSeries(name: SeriesName.cpuSystem, value: cpu.total.systemPercent, unit: .percent))
        out.append(FlatSeries(name: SeriesName.cpuIowait, value: cpu.total.iowaitPercent, unit: .percent))
        out.append(FlatSeries(name: SeriesName.cpuSteal, value: cpu.total.stealPercent, unit: .percent))
        for core in cpu.cores {
            out.append(FlatSeries(name: SeriesName.cpuCoreBusy(core.id), family: "cpu.core.busy_percent",
                                  labels: [SeriesLabel("core", String(core.id))], value: core.shares.busyPercent,
                                  unit: .percent))
        }
    }

    private func appendMemory(to out: inout [FlatSeries]) {
        guard let memory else { return }
        let bytes = { (name: String, value: UInt64) in FlatSeries(name: name, value: Double(value), unit: .bytes) }
        out.append(FlatSeries(name: SeriesName.memoryUsedPercent, value: memory.usedPercent, unit: .percent))
        out.append(bytes(SeriesName.memoryUsedBytes, memory.usedBytes))
        out.append(bytes(SeriesName.memoryAvailableBytes, memory.availableBytes))
        out.append(bytes(SeriesName.memoryCachedBytes, memory.cachedBytes))
        out.append(bytes(SeriesName.memoryBuffersBytes, memory.buffersBytes))
        out.append(bytes(SeriesName.memoryTotalBytes, memory.totalBytes))
        out.append(FlatSeries(name: SeriesName.swapUsedPercent, value: memory.swapUsedPercent, unit: .percent))
        out.append(bytes(SeriesName.swapUsedBytes, memory.swapUsedBytes))
        if let cgroup = memory.cgroup {
            out.append(FlatSeries(name: SeriesName.cgroupMemoryUsedPercent, value: cgroup.usedPercent,
                                  unit: .percent))
            out.append(bytes(SeriesName.cgroupMemoryUsedBytes, cgroup.usedBytes))
            out.append(bytes(SeriesName.cgroupMemoryLimitBytes, cgroup.limitBytes))
        }
    }

    private func appendExtras(to out: inout [FlatSeries]) {
        if let cgroup = cgroupCPU {
            out.append(FlatSeries(name: SeriesName.cgroupCPUThrottledPercent, value: cgroup.throttledPercent,
                                  unit: .percent))
            out.append(FlatSeries(name: SeriesName.cgroupCPUUsageCores, value: cgroup.usageCores, unit: .cores))
            if let limit = cgroup.limitCores {
                out.append(FlatSeries(name: SeriesName.cgroupCPULimitCores, value: limit, unit: .cores))
            }
        }
        if let swap = swapActivity {
            out.append(FlatSeries(name: SeriesName.swapInPagesPerSecond, value: swap.inPagesPerSecond,
                                  unit: .pagesPerSecond))
            out.append(FlatSeries(name: SeriesName.swapOutPagesPerSecond, value: swap.outPagesPerSecond,
                                  unit: .pagesPerSecond))
        }
        if let sensors { out += sensors.flatSeries() }
    }

    private func appendDisks(to out: inout [FlatSeries]) {
        guard let disks else { return }
        Self.appendInstances(disks.devices, total: disks.total, prefix: "disk", label: "device",
                             seriesName: SeriesName.disk, to: &out)
    }

    private func appendNetwork(to out: inout [FlatSeries]) {
        guard let network else { return }
        Self.appendInstances(network.interfaces, total: network.total, prefix: "net", label: "interface",
                             seriesName: SeriesName.net, to: &out)
    }

    /// Every metric of every instance (`disk.sda.read_iops`, label device=sda) and of the total, which has no
    /// label and a family of its own (`disk.total.read_iops`) so that summing a family never counts twice.
    private static func appendInstances<Metric: InstanceMetric>(
        _ instances: [Metric.Rates], total: Metric.Rates, prefix: String, label: String,
        seriesName: (String, Metric) -> String, to out: inout [FlatSeries]
    ) {
        for (rates, isTotal) in instances.map({ ($0, false) }) + [(total, true)] {
            let instance = Metric.instanceName(of: rates)
            for metric in Metric.allCases {
                out.append(FlatSeries(
                    name: seriesName(instance, metric),
                    family: isTotal ? seriesName(SeriesName.total, metric) : "\(prefix).\(metric.rawValue)",
                    labels: isTotal ? [] : [SeriesLabel(label, instance)],
                    value: metric.value(of: rates), unit: metric.unit))
            }
        }
    }
}

/// A per-instance metric (of a disk or an interface): its unit and how to read it from the instance's rates.
protocol InstanceMetric: RawRepresentable<String>, CaseIterable where AllCases == [Self] {
    associatedtype Rates
    var unit: SeriesUnit { get }
    func value(of rates: Rates) -> Double
    static func instanceName(of rates: Rates) -> String
}

extension DiskMetric: InstanceMetric {
    /// The unit of the metric's values.
    public var unit: SeriesUnit {
        switch self {
        case .readBytesPerSecond, .writeBytesPerSecond: .bytesPerSecond
        case .readIops, .writeIops: .perSecond
        case .utilPercent: .percent
        }
    }

    func value(of rates: DiskRates) -> Double {
        switch self {
        case .readBytesPerSecond: rates.readBytesPerSecond
        case .writeBytesPerSecond: rates.writeBytesPerSecond
        case .readIops: rates.readIops
        case .writeIops: rates.writeIops
        case .utilPercent: rates.utilPercent
        }
    }

    static func instanceName(of rates: DiskRates) -> String { rates.name }
}

extension NetMetric: InstanceMetric {
    /// The unit of the metric's values.
    public var unit: SeriesUnit {
        switch self {
        case .rxBytesPerSecond, .txBytesPerSecond: .bytesPerSecond
        default: .perSecond
        }
    }

    func value(of rates: InterfaceRates) -> Double {
        switch self {
        case .rxBytesPerSecond: rates.rxBytesPerSecond
        case .txBytesPerSecond: rates.txBytesPerSecond
        case .rxPacketsPerSecond: rates.rxPacketsPerSecond
        case .txPacketsPerSecond: rates.txPacketsPerSecond
        case .rxErrorsPerSecond: rates.rxErrorsPerSecond
        case .txErrorsPerSecond: rates.txErrorsPerSecond
        case .rxDropsPerSecond: rates.rxDropsPerSecond
        case .txDropsPerSecond: rates.txDropsPerSecond
        }
    }

    static func instanceName(of rates: InterfaceRates) -> String { rates.name }
}
