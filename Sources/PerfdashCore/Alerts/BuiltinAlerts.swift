/// perfdash's built-in host alert rules: what a user of glances or node_exporter's mixin would expect without
/// writing a config. A `[[alert]]` table of the same name changes any field or switches one off
/// (`enabled = false`); `[alerts] builtin = false` switches them all off.
///
/// The filesystem and PSI rules read series that exist only on kernels and branches that provide them
/// (`fs.<mountpoint>.…`, `pressure.…`); without those series they stay inactive.
public enum BuiltinAlerts {
    /// The rules, in the order they are listed.
    public static let rules: [AlertRule] = [
        AlertRule(name: "cpu-busy", series: SeriesName.cpuBusy, aggregate: .avg, windowSeconds: 60,
                  warning: 80, critical: 95, forSeconds: 120, recover: 75),
        AlertRule(name: "memory-used", series: SeriesName.memoryUsedPercent, aggregate: .avg, windowSeconds: 60,
                  warning: 85, critical: 95, forSeconds: 60, recover: 80),
        AlertRule(name: "swap-used", series: SeriesName.swapUsedPercent, aggregate: .avg, windowSeconds: 60,
                  warning: 50, critical: 80, forSeconds: 120, recover: 45),
        AlertRule(name: "disk-util", series: SeriesName.disk("*", .utilPercent), aggregate: .avg, windowSeconds: 60,
                  warning: 80, critical: 95, forSeconds: 120, recover: 70),
        AlertRule(name: "fs-full", series: SeriesName.filesystemUsedPercent("*"), aggregate: .last, windowSeconds: 0,
                  warning: 85, critical: 95, forSeconds: 60, recover: 83),
        AlertRule(name: "fs-inodes", series: SeriesName.filesystemInodesUsedPercent("*"), aggregate: .last,
                  windowSeconds: 0, warning: 85, critical: 95, forSeconds: 60, recover: 83),
        AlertRule(name: "psi-cpu", series: SeriesName.pressure("cpu", "some", "avg10"), aggregate: .avg,
                  windowSeconds: 60, warning: 20, critical: 50, forSeconds: 60, recover: 15),
        AlertRule(name: "psi-memory", series: SeriesName.pressure("memory", "some", "avg10"), aggregate: .avg,
                  windowSeconds: 60, warning: 10, critical: 30, forSeconds: 60, recover: 5),
        AlertRule(name: "psi-io", series: SeriesName.pressure("io", "some", "avg10"), aggregate: .avg,
                  windowSeconds: 60, warning: 20, critical: 50, forSeconds: 60, recover: 15),
    ]
}
