/// The advisor's host rules: CPU bound, disk bound, memory pressure. Each reads several signals together over the
/// window and says nothing when its main signal is absent.
enum HostFindings {
    /// Busy CPU with a run queue longer than the CPUs (or CPU pressure): work waits for a CPU.
    static func cpuBound(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        guard let busy = s.avg(SeriesName.cpuBusy), busy >= t.cpuBusyPercent else { return [] }
        var evidence = ["CPU busy avg \(Evidence.percent(busy)) (≥ \(Evidence.limit(t.cpuBusyPercent)))"]
        var confirmed = false
        if let running = s.avg(SeriesName.tasksRunning), let cores = s.cores, cores > 0 {
            let perCore = running / Double(cores)
            if perCore >= t.runQueuePerCore {
                confirmed = true
                evidence.append("run queue avg \(Evidence.number(running)) runnable tasks on \(cores) CPUs "
                    + "(\(Evidence.number(perCore)) per CPU)")
            }
        }
        if let psi = s.avg(SeriesName.pressure("cpu", "some", "avg10")), psi >= t.cpuPressurePercent {
            confirmed = true
            evidence.append("CPU pressure: some tasks stalled \(Evidence.percent(psi)) of the time (PSI avg10)")
        }
        guard confirmed else { return [] }
        if let throttled = s.avg("cpu.cgroup.throttled_percent"), throttled > 0 {
            evidence.append("cgroup CPU throttled \(Evidence.percent(throttled)) of periods")
        }
        return [Finding(rule: "cpu_bound", severity: busy >= 98 ? .critical : .warning, subject: "host",
                        bottleneck: "CPU bound",
                        evidence: evidence,
                        suggestion: "add CPUs or replicas, or find the hot processes (Processes panel) and profile "
                            + "them; raise a cgroup CPU limit if it throttles")]
    }

    /// iowait with a saturated disk (or IO pressure): work waits for the disk.
    static func diskBound(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        let busiest = s.matching(SeriesName.disk("*", .utilPercent))
            .compactMap { entry in s.avg(entry.name).map { (entry.instance, $0) } }
            .filter { $0.1 >= t.diskUtilPercent }
            .sorted { $0.1 > $1.1 }
        let iowait = s.avg(SeriesName.cpuIowait)
        let psi = s.avg(SeriesName.pressure("io", "some", "avg10"))
        guard let disk = busiest.first else { return [] }
        let waits = (iowait ?? 0) >= t.iowaitPercent
        let stalls = (psi ?? 0) >= t.ioPressurePercent
        guard waits || stalls else { return [] }
        var evidence = ["disk \(disk.0) util avg \(Evidence.percent(disk.1)) (≥ \(Evidence.limit(t.diskUtilPercent)))"]
        if let iowait { evidence.append("iowait avg \(Evidence.percent(iowait))") }
        if let psi { evidence.append("IO pressure: some tasks stalled \(Evidence.percent(psi)) of the time (PSI avg10)") }
        for other in busiest.dropFirst().prefix(3) {
            evidence.append("disk \(other.0) util avg \(Evidence.percent(other.1))")
        }
        return [Finding(rule: "disk_bound", severity: disk.1 >= 99 && waits && stalls ? .critical : .warning,
                        subject: "host", bottleneck: "disk bound (\(disk.0))", evidence: evidence,
                        suggestion: "spread the I/O over more disks or a faster device, cut writes (batching, "
                            + "caching, fewer fsyncs), or give the page cache more memory")]
    }

    /// Little memory available with memory pressure or swap-ins: work waits for memory.
    static func memoryPressure(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        guard let used = s.avg(SeriesName.memoryUsedPercent), used >= t.memoryUsedPercent else { return [] }
        var evidence = ["memory used avg \(Evidence.percent(used)) (MemAvailable \(Evidence.percent(100 - used)) "
            + "of MemTotal)"]
        var confirmed = false
        if let psi = s.avg(SeriesName.pressure("memory", "some", "avg10")), psi >= t.memoryPressurePercent {
            confirmed = true
            evidence.append("memory pressure: some tasks stalled \(Evidence.percent(psi)) of the time (PSI avg10)")
        }
        if let swapIn = s.avg(SeriesName.swapInPagesPerSecond), swapIn >= t.swapInPagesPerSecond {
            confirmed = true
            evidence.append("swap-in avg \(Evidence.number(swapIn)) pages/s")
        }
        guard confirmed else { return [] }
        if let swap = s.last(SeriesName.swapUsedPercent), swap > 0 {
            evidence.append("swap used \(Evidence.percent(swap))")
        }
        return [Finding(rule: "memory_pressure", severity: used >= 97 ? .critical : .warning, subject: "host",
                        bottleneck: "memory pressure", evidence: evidence,
                        suggestion: "add memory or move work elsewhere; shrink the biggest processes (Processes "
                            + "panel, sort by memory) or their caches; check for a leak if used memory only grows")]
    }
}

/// Number formats of evidence lines.
enum Evidence {
    /// `97.3%`.
    static func percent(_ value: Double) -> String { PercentText.measured(value) }

    /// A configured threshold in percent: `90%`, `12.5%`.
    static func limit(_ value: Double) -> String { PercentText.configured(value) }

    /// `12`, `0.5`, `1.3`: whole numbers without decimals, others with one.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? MetricUnit.plain(value) : MetricUnit.oneDecimal(value)
    }
}
