/// Prometheus text exposition format 0.0.4 of a snapshot.
///
/// Each series family becomes a gauge `perfdash_<family>` (dots → underscores) with its labels; the window's
/// statistics become a summary `perfdash_<family>_window{window=…}` with quantiles 0 (min), 0.5, 0.95, 0.99 and
/// 1 (max), `_sum` and `_count` (avg = sum / count). No sample timestamps: the textfile collector rejects them;
/// `perfdash_snapshot_timestamp_seconds` carries the time instead.
public enum SnapshotPrometheus {
    /// The exposition of one snapshot.
    public static func exposition(_ snapshot: Snapshot) -> String {
        var out = "# HELP perfdash_snapshot_timestamp_seconds Wall-clock time of the snapshot.\n"
        out += "# TYPE perfdash_snapshot_timestamp_seconds gauge\n"
        out += "perfdash_snapshot_timestamp_seconds \(NumberText.format(Double(snapshot.timestampUnixMs) / 1000))\n"
        let window = SeriesLabel("window", snapshot.window.rawValue)
        for (family, members) in grouped(snapshot.flatSeries()) {
            let name = metricName(family)
            let unit = members[0].unit.rawValue
            out += "# HELP \(name) \(family) (\(unit)).\n# TYPE \(name) gauge\n"
            for series in members {
                out += name + labels(series.labels) + " " + NumberText.format(series.value) + "\n"
            }
            let withStats = members.compactMap { series in snapshot.stats[series.name].map { (series, $0) } }
            guard !withStats.isEmpty else { continue }
            out += "# HELP \(name)_window \(family) (\(unit)) over the last \(snapshot.window.rawValue).\n"
            out += "# TYPE \(name)_window summary\n"
            for (series, stats) in withStats {
                let quantiles: [(String, Double)] = [("0", stats.min), ("0.5", stats.p50), ("0.95", stats.p95),
                                                     ("0.99", stats.p99), ("1", stats.max)]
                for (quantile, value) in quantiles {
                    let all = series.labels + [window, SeriesLabel("quantile", quantile)]
                    out += "\(name)_window\(labels(all)) \(NumberText.format(value))\n"
                }
                let base = labels(series.labels + [window])
                out += "\(name)_window_sum\(base) \(NumberText.format(stats.avg * Double(stats.count)))\n"
                out += "\(name)_window_count\(base) \(stats.count)\n"
            }
        }
        return out
    }

    /// Series grouped by family, families in order of first appearance (a family's samples must be contiguous).
    static func grouped(_ series: [FlatSeries]) -> [(String, [FlatSeries])] {
        var order: [String] = []
        var members: [String: [FlatSeries]] = [:]
        for entry in series {
            if members[entry.family] == nil { order.append(entry.family) }
            members[entry.family, default: []].append(entry)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// `perfdash_` + the family with every character outside `[a-zA-Z0-9_]` turned into `_`.
    static func metricName(_ family: String) -> String {
        "perfdash_" + String(family.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// `{a="x",b="y"}`, or nothing without labels; values escaped as the format asks (\\, \", \n).
    static func labels(_ labels: [SeriesLabel]) -> String {
        guard !labels.isEmpty else { return "" }
        let pairs = labels.map { label in
            var value = ""
            for character in label.value {
                switch character {
                case "\\": value += "\\\\"
                case "\"": value += "\\\""
                case "\n": value += "\\n"
                default: value.append(character)
                }
            }
            return "\(label.name)=\"\(value)\""
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}
