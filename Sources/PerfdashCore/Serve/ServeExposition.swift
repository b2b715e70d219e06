/// What `perfdash serve` answers on `/metrics`: one snapshot of the live monitor as a Prometheus exposition.
///
/// Families, in order:
/// - `perfdash_build_info{version}` (1), `perfdash_ticks_total` (counter: snapshots made since the start),
///   `perfdash_snapshot_timestamp_seconds` and `perfdash_interval_seconds`;
/// - every series of `Snapshot.flatSeries()` (host, services, autoscalers, and whatever later sections add) as a
///   gauge `perfdash_<family>` with its labels (`device`, `interface`, `core`, `service`, `level`, `queue`,
///   `family`, `autoscaler`…): the family is the series name without its instance, so `disk.sda.util_percent`
///   is `perfdash_disk_util_percent{device="sda"}`; aggregates over instances keep a family of their own
///   (`perfdash_disk_total_util_percent`) so that summing a family never counts twice;
/// - the window statistics of those series as `perfdash_window_<family>{…,window="1m",stat="avg|min|max|p50|p95|p99"}`
///   gauges (not a summary: a window's count and sum go down, which a summary's must not);
/// - each autoscaler's action as `perfdash_autoscaler_action{autoscaler,action="up|down|none"}`, 1 for the current
///   one and 0 for the others (a state set in both formats).
///
/// Alerts come out twice: their levels as `perfdash_alert_level{alert="…"}` (from `Snapshot.flatSeries()`), and the
/// active alerts as Prometheus' own `ALERTS` / `ALERTS_FOR_STATE` families.
public enum ServeExposition {
    /// The exposition of `snapshot`; `ticks` is the number of snapshots made so far.
    public static func render(_ snapshot: Snapshot, ticks: Int, format: ServeFormat) -> [UInt8] {
        var writer = ExpositionWriter(format: format)
        writer.family("perfdash_build_info", type: .gauge, help: "perfdash build; the value is always 1.")
        writer.sample([SeriesLabel("version", PerfdashCore.version)], 1)
        writer.family("perfdash_ticks", type: .counter, help: "Snapshots computed since perfdash serve started.")
        writer.sample([], Double(max(0, ticks)))
        writer.family("perfdash_snapshot_timestamp_seconds", type: .gauge,
                      help: "Wall-clock time of the snapshot these values come from.", unit: "seconds")
        writer.sample([], Double(snapshot.timestampUnixMs) / 1000)
        writer.family("perfdash_interval_seconds", type: .gauge, help: "Configured sampling interval.",
                      unit: "seconds")
        writer.sample([], snapshot.intervalSeconds)

        let families = grouped(snapshot.flatSeries())
        for (family, members) in families {
            let unit = ServeHelp.unitSuffix(members[0].unit)
            writer.family("perfdash_" + family, type: .gauge, help: ServeHelp.help(family: family, unit: members[0].unit),
                          unit: unit)
            for series in members { writer.sample(series.labels, series.value) }
        }
        let window = snapshot.window.rawValue
        for (family, members) in families {
            let withStats = members.compactMap { series in snapshot.stats[series.name].map { (series, $0) } }
            guard !withStats.isEmpty else { continue }
            writer.family("perfdash_window_" + family, type: .gauge,
                          help: "\(ServeHelp.help(family: family, unit: members[0].unit)) Statistics over the last "
                              + "\(window) of samples.",
                          unit: ServeHelp.unitSuffix(members[0].unit))
            for (series, stats) in withStats {
                for (stat, value) in [("avg", stats.avg), ("min", stats.min), ("max", stats.max), ("p50", stats.p50),
                                      ("p95", stats.p95), ("p99", stats.p99)] {
                    writer.sample(series.labels + [SeriesLabel("window", window), SeriesLabel("stat", stat)], value)
                }
            }
        }
        if let autoscalers = snapshot.autoscaler, !autoscalers.isEmpty {
            writer.family("perfdash_autoscaler_action", type: .gauge,
                          help: "The autoscaler's current recommendation: 1 for its action (up, down or none), "
                              + "0 for the others.")
            for status in autoscalers {
                for action in ScaleAction.allCases {
                    writer.sample([SeriesLabel("autoscaler", status.name), SeriesLabel("action", action.rawValue)],
                                  status.recommendation.action == action ? 1 : 0)
                }
            }
        }
        if let alerts = snapshot.alerts { writeAlerts(alerts, to: &writer) }
        return writer.finish()
    }

    /// The alerts as Prometheus exposes its own (see `AlertsExposition`): `ALERTS{alertname, alertstate, severity,
    /// series[, instance_name]} 1` per pending or firing alert and `ALERTS_FOR_STATE{…}` = when it became active,
    /// Unix seconds; both families exist, empty, while nothing is active.
    private static func writeAlerts(_ section: AlertsSection, to writer: inout ExpositionWriter) {
        func labels(_ alert: ActiveAlert, state: Bool) -> [SeriesLabel] {
            var out = [SeriesLabel("alertname", alert.name)]
            if state { out.append(SeriesLabel("alertstate", alert.state.rawValue)) }
            out += [SeriesLabel("severity", alert.level.name), SeriesLabel("series", alert.series)]
            if let instance = alert.instance { out.append(SeriesLabel("instance_name", instance)) }
            return out
        }
        writer.family("ALERTS", type: .gauge, help: "Pending and firing perfdash alerts.")
        for alert in section.active { writer.sample(labels(alert, state: true), 1) }
        writer.family("ALERTS_FOR_STATE", type: .gauge, help: "When each active alert became active, Unix seconds.")
        for alert in section.active {
            writer.sample(labels(alert, state: false), Double(alert.activeSinceUnixMs) / 1000)
        }
    }

    /// Series grouped by family, families in order of first appearance, each family's metric name unique after
    /// sanitising (two families that sanitise alike are merged: their samples stay contiguous). A family ending in
    /// `_total` (`tasks.total`) loses that suffix, as in `perfdash snapshot --format prometheus`: `_total` is the
    /// counter suffix, and these are gauges.
    static func grouped(_ series: [FlatSeries]) -> [(String, [FlatSeries])] {
        var order: [String] = []
        var members: [String: [FlatSeries]] = [:]
        for entry in series {
            var key = ExpositionWriter.metricName(entry.family)
            if key.hasSuffix("_total") { key = String(key.dropLast("_total".count)) }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(entry)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
