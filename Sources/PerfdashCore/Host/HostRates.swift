/// Turns two host samples into a `HostReading`: CPU shares, per-second rates, and the current gauges.
///
/// Rates divide by the measured elapsed time. A counter that went down (reset, wrap, device replaced) gives a delta
/// of 0 for that tick, never a negative or huge rate. Devices without a previous sample get rates of 0.
public enum HostRates {
    /// Computes the reading for the interval from `previous` to `current`, `elapsed` apart.
    public static func compute(from previous: HostSample, to current: HostSample, elapsed: Duration,
                               networkTotal: InterfaceFilter = .defaultTotal) -> HostReading {
        let seconds = elapsed.seconds
        var reading = HostReading(
            cpu: cpu(from: previous.cpu, to: current.cpu),
            memory: current.memory.map { memory($0, cgroup: current.cgroupMemory) },
            disks: current.disks.map { disks(from: previous.disks ?? [], to: $0, seconds: seconds) },
            network: current.interfaces.map {
                network(from: previous.interfaces ?? [], to: $0, seconds: seconds, filter: networkTotal)
            },
            load: current.load)
        reading.cgroupCPU = current.cgroupCPU.map { cgroupCPU(from: previous.cgroupCPU, to: $0, seconds: seconds) }
        reading.swapActivity = current.swap.map { swap(from: previous.swap, to: $0, seconds: seconds) }
        reading.sensors = current.sensors
        return reading
    }

    /// CPU shares of the aggregate line and of every core present in both samples.
    static func cpu(from previous: CPUStat, to current: CPUStat) -> CPUReading {
        let cores = current.cores.enumerated().map { index, core in
            let before = matching(previous.cores, at: index, id: core.id, key: \.id)?.times ?? core.times
            return CoreReading(id: core.id, shares: shares(from: before, to: core.times))
        }
        return CPUReading(total: shares(from: previous.total, to: current.total), cores: cores)
    }

    /// busy = 100·(Δtotal − Δidle)/Δtotal with total = user+nice+system+idle+iowait+irq+softirq+steal (guest is
    /// inside user) and idle = idle+iowait; Δtotal = 0 gives 0.
    static func shares(from a: CPUTimes, to b: CPUTimes) -> CPUShares {
        // Counters come from a file: a corrupt one may hold values whose sum does not fit, so sums saturate.
        let user = delta(a.user, b.user).addingSaturating(delta(a.nice, b.nice))
        let system = [delta(a.system, b.system), delta(a.irq, b.irq), delta(a.softirq, b.softirq)].saturatingSum()
        let idle = delta(a.idle, b.idle)
        let iowait = delta(a.iowait, b.iowait)
        let steal = delta(a.steal, b.steal)
        let total = [user, system, idle, iowait, steal].saturatingSum()
        guard total > 0 else {
            return CPUShares(busyPercent: 0, userPercent: 0, systemPercent: 0, iowaitPercent: 0, stealPercent: 0)
        }
        let share = { (part: UInt64) in clampPercent(100 * Double(part) / Double(total)) }
        return CPUShares(busyPercent: share(total.subtractingSaturating(idle.addingSaturating(iowait))), userPercent: share(user),
                         systemPercent: share(system), iowaitPercent: share(iowait), stealPercent: share(steal))
    }

    /// Memory gauges; the cgroup part only when its limit is below MemTotal.
    static func memory(_ info: MemInfo, cgroup: CgroupMemory?) -> MemoryReading {
        let used = info.totalBytes - min(info.availableBytes, info.totalBytes)
        let cachedPlusReclaimable = info.cachedBytes.addingSaturating(info.sReclaimableBytes)
        let swapUsed = info.swapTotalBytes - min(info.swapFreeBytes, info.swapTotalBytes)
        var limited: CgroupMemoryReading?
        if let cgroup, let limit = cgroup.limitBytes, limit < info.totalBytes, limit > 0 {
            limited = CgroupMemoryReading(limitBytes: limit, usedBytes: cgroup.usageBytes,
                                          usedPercent: clampPercent(percent(cgroup.usageBytes, of: limit)))
        }
        return MemoryReading(
            totalBytes: info.totalBytes, usedBytes: used, usedPercent: percent(used, of: info.totalBytes),
            availableBytes: info.availableBytes, freeBytes: info.freeBytes,
            cachedBytes: cachedPlusReclaimable - min(info.shmemBytes, cachedPlusReclaimable),
            buffersBytes: info.buffersBytes, swapTotalBytes: info.swapTotalBytes, swapUsedBytes: swapUsed,
            swapUsedPercent: percent(swapUsed, of: info.swapTotalBytes), cgroup: limited)
    }

    /// Per-disk rates and their total; stacked devices (dm, md) are not added to the total.
    static func disks(from previous: [DiskCounters], to current: [DiskCounters], seconds: Double) -> DisksReading {
        let devices = current.enumerated().map { index, disk in
            let before = matching(previous, at: index, id: disk.name, key: \.name) ?? disk
            let rate = { (a: UInt64, b: UInt64) in perSecond(delta(a, b), seconds) }
            let busyMilliseconds = Double(delta(before.ioTicksMilliseconds, disk.ioTicksMilliseconds))
            return DiskRates(
                name: disk.name,
                readBytesPerSecond: rate(before.sectorsRead, disk.sectorsRead) * 512,
                writeBytesPerSecond: rate(before.sectorsWritten, disk.sectorsWritten) * 512,
                readIops: rate(before.readsCompleted, disk.readsCompleted),
                writeIops: rate(before.writesCompleted, disk.writesCompleted),
                utilPercent: seconds > 0 ? clampPercent(busyMilliseconds / (seconds * 1000) * 100) : 0)
        }
        let counted = devices.filter { !DiskFilter.isStacked($0.name) }
        let total = DiskRates(
            name: SeriesName.total,
            readBytesPerSecond: counted.reduce(0) { $0 + $1.readBytesPerSecond },
            writeBytesPerSecond: counted.reduce(0) { $0 + $1.writeBytesPerSecond },
            readIops: counted.reduce(0) { $0 + $1.readIops },
            writeIops: counted.reduce(0) { $0 + $1.writeIops },
            utilPercent: counted.isEmpty ? 0 : counted.reduce(0) { $0 + $1.utilPercent } / Double(counted.count))
        return DisksReading(devices: devices, total: total)
    }

    /// Per-interface rates and the total over the interfaces `filter` includes.
    static func network(from previous: [InterfaceCounters], to current: [InterfaceCounters], seconds: Double,
                        filter: InterfaceFilter) -> NetworkReading {
        var total = InterfaceRates(name: SeriesName.total, rxBytesPerSecond: 0, txBytesPerSecond: 0,
                                   rxPacketsPerSecond: 0, txPacketsPerSecond: 0, rxErrorsPerSecond: 0,
                                   txErrorsPerSecond: 0, rxDropsPerSecond: 0, txDropsPerSecond: 0)
        let interfaces = current.enumerated().map { index, counters in
            let before = matching(previous, at: index, id: counters.name, key: \.name) ?? counters
            let rate = { (a: UInt64, b: UInt64) in perSecond(delta(a, b), seconds) }
            let rates = InterfaceRates(
                name: counters.name,
                rxBytesPerSecond: rate(before.rxBytes, counters.rxBytes),
                txBytesPerSecond: rate(before.txBytes, counters.txBytes),
                rxPacketsPerSecond: rate(before.rxPackets, counters.rxPackets),
                txPacketsPerSecond: rate(before.txPackets, counters.txPackets),
                rxErrorsPerSecond: rate(before.rxErrors, counters.rxErrors),
                txErrorsPerSecond: rate(before.txErrors, counters.txErrors),
                rxDropsPerSecond: rate(before.rxDrops, counters.rxDrops),
                txDropsPerSecond: rate(before.txDrops, counters.txDrops))
            if filter.includes(counters.name) { total.add(rates) }
            return rates
        }
        return NetworkReading(interfaces: interfaces, total: total, totalExcludes: filter.excluded)
    }

    /// The element of `previous` with the same identity: the same index in the usual case, else a search.
    private static func matching<Element, ID: Equatable>(_ previous: [Element], at index: Int, id: ID,
                                                         key: (Element) -> ID) -> Element? {
        if index < previous.count, key(previous[index]) == id { return previous[index] }
        return previous.first { key($0) == id }
    }

    /// b − a, or 0 when the counter went down.
    static func delta(_ a: UInt64, _ b: UInt64) -> UInt64 { b >= a ? b - a : 0 }

    private static func perSecond(_ count: UInt64, _ seconds: Double) -> Double {
        seconds > 0 ? Double(count) / seconds : 0
    }

    private static func percent(_ part: UInt64, of whole: UInt64) -> Double {
        whole > 0 ? 100 * Double(part) / Double(whole) : 0
    }

    private static func clampPercent(_ value: Double) -> Double { min(max(value, 0), 100) }
}

extension InterfaceRates {
    /// Adds another interface's rates (for the total).
    fileprivate mutating func add(_ other: InterfaceRates) {
        rxBytesPerSecond += other.rxBytesPerSecond
        txBytesPerSecond += other.txBytesPerSecond
        rxPacketsPerSecond += other.rxPacketsPerSecond
        txPacketsPerSecond += other.txPacketsPerSecond
        rxErrorsPerSecond += other.rxErrorsPerSecond
        txErrorsPerSecond += other.txErrorsPerSecond
        rxDropsPerSecond += other.rxDropsPerSecond
        txDropsPerSecond += other.txDropsPerSecond
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
