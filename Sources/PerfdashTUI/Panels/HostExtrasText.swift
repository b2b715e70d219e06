import PerfdashCore

/// One-line texts for the sources beyond /proc/stat and meminfo: pressure, the cgroup CPU limit, swap traffic,
/// temperatures and frequencies. Each is nil where the machine has no such source: nothing is shown then.
enum HostExtrasText {
    /// `cpu pressure some 1.2% 10s  0.8% 1m  0.3% 5m · stalled 1.1%` (and `full` when the kernel has it).
    static func pressure(_ name: String, _ pressure: ResourcePressure?) -> [String] {
        guard let pressure else { return [] }
        var lines = ["\(name) pressure some " + figures(pressure.some)]
        if let full = pressure.full { lines.append("\(name) pressure full " + figures(full)) }
        return lines
    }

    private static func figures(_ f: PressureFigures) -> String {
        "\(Humanize.percent(f.avg10)) 10s  \(Humanize.percent(f.avg60)) 1m  \(Humanize.percent(f.avg300)) 5m"
            + " · stalled \(Humanize.percent(f.stallPercent))"
    }

    /// `cgroup CPU limit 1.50 cores · using 1.00 · throttled 25.0% of periods (0.15 s/s)`.
    static func cgroupCPU(_ c: CgroupCPUReading?) -> String? {
        guard let c else { return nil }
        let limit = c.limitCores.map { "limit \(Humanize.fixed($0, 2)) cores" } ?? "no limit"
        return "cgroup CPU \(limit) · using \(Humanize.fixed(c.usageCores, 2)) · throttled "
            + "\(Humanize.percent(c.throttledPercent)) of periods (\(Humanize.fixed(c.throttledSecondsPerSecond, 2)) s/s)"
    }

    /// `swap in 12 pages/s · out 0 pages/s`.
    static func swap(_ s: SwapActivity?) -> String? {
        guard let s else { return nil }
        return "swap in \(Humanize.count(s.inPagesPerSecond)) pages/s · out \(Humanize.count(s.outPagesPerSecond)) pages/s"
    }

    /// `freq avg 1800 MHz (1200…2400)`.
    static func frequency(_ sensors: SensorsReading?) -> String? {
        guard let sensors, let mean = sensors.meanFrequencyMHz else { return nil }
        let values = sensors.frequencies.map(\.mhz)
        return "freq avg \(Humanize.fixed(mean, 0)) MHz (\(Humanize.fixed(values.min() ?? 0, 0))…"
            + "\(Humanize.fixed(values.max() ?? 0, 0)))"
    }

    /// `temp coretemp Package id 0 45°C · nvme Composite 38.9°C…`, hottest first.
    static func temperatures(_ sensors: SensorsReading?) -> String? {
        guard let sensors, !sensors.temperatures.isEmpty else { return nil }
        let sorted = sensors.temperatures.sorted { $0.celsius > $1.celsius }
        return "temp " + sorted.map { "\($0.chip) \($0.label) \(Humanize.fixed($0.celsius, 1))°C" }
            .joined(separator: " · ")
    }
}
