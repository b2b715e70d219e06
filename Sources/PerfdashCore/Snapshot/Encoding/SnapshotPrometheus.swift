/// Prometheus text exposition format 0.0.4 of a snapshot.
///
/// Each series family becomes a gauge `perfdash_<family>` (dots → underscores) with its labels; the window's
/// statistics become a summary `perfdash_<family>_window{window=…}` with quantiles 0 (min), 0.5, 0.95, 0.99 and
/// 1 (max), `_sum` and `_count` (avg = sum / count). No sample timestamps: the textfile collector rejects them;
/// `perfdash_snapshot_timestamp_seconds` carries the time instead.
public enum SnapshotPrometheus {
    /// The exposition of one snapshot.
    public static func exposition(_ snapshot: Snapshot) -> String {
        var out = OutputBytes(capacity: 32_768)
        let series = snapshot.flatSeries()
        PrometheusLayout(series: series, window: snapshot.window).write(snapshot, series: series, to: &out)
        return out.text
    }

    /// `perfdash_` + the family with every character outside `[a-zA-Z0-9_]` turned into `_`, less a trailing
    /// `_total`: every family here is a gauge, and Prometheus keeps that suffix for counters (`tasks.total` is
    /// `perfdash_tasks`, which promtool accepts).
    static func metricName(_ family: String) -> String {
        let name = "perfdash_" + String(family.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return name.hasSuffix("_total") ? String(name.dropLast("_total".count)) : name
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

/// Everything of an exposition that depends only on the series' names, labels and units, as bytes: built once per
/// set of series (a stream keeps it while no disk or interface comes or goes), so a record writes numbers only.
struct PrometheusLayout: Sendable {
    /// One family: its header, then its members (indices into the series) with their line prefixes.
    struct Family: Sendable {
        var header: [UInt8]
        var members: [Member]
        var windowHeader: [UInt8]
    }

    /// One series: `name{labels} ` and the summary's line prefixes.
    struct Member: Sendable {
        var index: Int
        var gauge: [UInt8]
        /// `name_window{labels,window="1m",quantile="` then per quantile `0"} ` … `1"} `.
        var quantiles: [[UInt8]]
        var sum: [UInt8]
        var count: [UInt8]
    }

    private(set) var names: [String]
    let window: StatsWindow
    private var families: [Family] = []

    init(series: [FlatSeries], window: StatsWindow) {
        names = series.map(\.name)
        self.window = window
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, entry) in series.enumerated() {
            if members[entry.family] == nil { order.append(entry.family) }
            members[entry.family, default: []].append(index)
        }
        let windowLabel = SeriesLabel("window", window.rawValue)
        families = order.map { family in
            let indices = members[family]!
            let name = SnapshotPrometheus.metricName(family)
            let unit = series[indices[0]].unit.rawValue
            let header = "# HELP \(name) \(family) (\(unit)).\n# TYPE \(name) gauge\n"
            let windowHeader = "# HELP \(name)_window \(family) (\(unit)) over the last \(window.rawValue).\n"
                + "# TYPE \(name)_window summary\n"
            return Family(header: Array(header.utf8), members: indices.map { index in
                let labels = series[index].labels
                let quantiles = ["0", "0.5", "0.95", "0.99", "1"].map { quantile in
                    let all = labels + [windowLabel, SeriesLabel("quantile", quantile)]
                    return Array("\(name)_window\(SnapshotPrometheus.labels(all)) ".utf8)
                }
                let base = SnapshotPrometheus.labels(labels + [windowLabel])
                return Member(index: index, gauge: Array("\(name)\(SnapshotPrometheus.labels(labels)) ".utf8),
                              quantiles: quantiles, sum: Array("\(name)_window_sum\(base) ".utf8),
                              count: Array("\(name)_window_count\(base) ".utf8))
            }, windowHeader: Array(windowHeader.utf8))
        }
    }

    /// True when the layout was built for these series (names compared in order; the same interned names
    /// compare by pointer).
    func fits(_ series: [FlatSeries], window: StatsWindow) -> Bool {
        window == self.window && series.count == names.count
            && series.indices.allSatisfy { series[$0].name == names[$0] }
    }

    /// The exposition of `snapshot`, whose series are `series` (which this layout fits).
    func write(_ snapshot: Snapshot, series: [FlatSeries], to out: inout OutputBytes) {
        out.ascii("# HELP perfdash_snapshot_timestamp_seconds Wall-clock time of the snapshot.\n")
        out.ascii("# TYPE perfdash_snapshot_timestamp_seconds gauge\n")
        out.ascii("perfdash_snapshot_timestamp_seconds ")
        out.textNumber(Double(snapshot.timestampUnixMs) / 1000)
        out.byte(UInt8(ascii: "\n"))
        let stats = StatsAlignment(series: series, stats: snapshot.stats)
        for family in families {
            out.write(family.header)
            for member in family.members {
                out.write(member.gauge)
                out.textNumber(series[member.index].value)
                out.byte(UInt8(ascii: "\n"))
            }
            var wroteHeader = false
            for member in family.members {
                guard let summary = stats.summary(at: member.index, of: series, in: snapshot.stats) else { continue }
                if !wroteHeader {
                    out.write(family.windowHeader)
                    wroteHeader = true
                }
                func line(_ prefix: [UInt8], _ value: Double) {
                    out.write(prefix)
                    out.textNumber(value)
                    out.byte(UInt8(ascii: "\n"))
                }
                line(member.quantiles[0], summary.min)
                line(member.quantiles[1], summary.p50)
                line(member.quantiles[2], summary.p95)
                line(member.quantiles[3], summary.p99)
                line(member.quantiles[4], summary.max)
                line(member.sum, summary.avg * Double(summary.count))
                line(member.count, Double(summary.count))
            }
        }
    }
}
