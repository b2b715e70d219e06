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

    private func appendDisks(to out: inout [FlatSeries]) {
        guard let disks else { return }
        for (disk, isTotal) in disks.devices.map({ ($0, false) }) + [(disks.total, true)] {
            for metric in DiskMetric.allCases {
                let value: Double = switch metric {
                case .readBytesPerSecond: disk.readBytesPerSecond
                case .writeBytesPerSecond: disk.writeBytesPerSecond
                case .readIops: disk.readIops
                case .writeIops: disk.writeIops
                case .utilPercent: disk.utilPercent
                }
                out.append(FlatSeries(
                    name: SeriesName.disk(disk.name, metric),
                    family: isTotal ? SeriesName.disk(SeriesName.total, metric) : "disk." + metric.rawValue,
                    labels: isTotal ? [] : [SeriesLabel("device", disk.name)], value: value,
                    unit: metric.unit))
            }
        }
    }

    private func appendNetwork(to out: inout [FlatSeries]) {
        guard let network else { return }
        for (interface, isTotal) in network.interfaces.map({ ($0, false) }) + [(network.total, true)] {
            for metric in NetMetric.allCases {
                let value: Double = switch metric {
                case .rxBytesPerSecond: interface.rxBytesPerSecond
                case .txBytesPerSecond: interface.txBytesPerSecond
                case .rxPacketsPerSecond: interface.rxPacketsPerSecond
                case .txPacketsPerSecond: interface.txPacketsPerSecond
                case .rxErrorsPerSecond: interface.rxErrorsPerSecond
                case .txErrorsPerSecond: interface.txErrorsPerSecond
                case .rxDropsPerSecond: interface.rxDropsPerSecond
                case .txDropsPerSecond: interface.txDropsPerSecond
                }
                out.append(FlatSeries(
                    name: SeriesName.net(interface.name, metric),
                    family: isTotal ? SeriesName.net(SeriesName.total, metric) : "net." + metric.rawValue,
                    labels: isTotal ? [] : [SeriesLabel("interface", interface.name)], value: value,
                    unit: metric.unit))
            }
        }
    }
}

extension DiskMetric {
    /// The unit of the metric's values.
    public var unit: SeriesUnit {
        switch self {
        case .readBytesPerSecond, .writeBytesPerSecond: .bytesPerSecond
        case .readIops, .writeIops: .perSecond
        case .utilPercent: .percent
        }
    }
}

extension NetMetric {
    /// The unit of the metric's values.
    public var unit: SeriesUnit {
        switch self {
        case .rxBytesPerSecond, .txBytesPerSecond: .bytesPerSecond
        default: .perSecond
        }
    }
}
