/// CSV encoding of snapshots in long form: one row per series per snapshot, so the columns never change when a
/// disk or interface comes or goes.
public enum SnapshotCSV {
    /// The column names, in their fixed order.
    public static let columns = ["timestamp", "timestamp_unix_ms", "window", "series", "unit", "value",
                                 "count", "avg", "min", "max", "p50", "p95", "p99"]

    /// The header line.
    public static let header = columns.joined(separator: ",") + "\n"

    /// The rows of one snapshot; statistics columns are empty for a series without statistics.
    public static func rows(_ snapshot: Snapshot) -> String {
        var out = ""
        let prefix = "\(snapshot.timestamp),\(snapshot.timestampUnixMs),\(snapshot.window.rawValue),"
        for series in snapshot.flatSeries() {
            out += prefix
            out += field(series.name) + "," + series.unit.rawValue + "," + NumberText.format(series.value)
            if let stats = snapshot.stats[series.name] {
                out += ",\(stats.count)"
                for value in [stats.avg, stats.min, stats.max, stats.p50, stats.p95, stats.p99] {
                    out += "," + NumberText.format(value)
                }
            } else {
                out += ",,,,,,,"
            }
            out += "\n"
        }
        return out
    }

    /// A field quoted as RFC 4180 asks when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

/// Number formatting shared by the text encoders.
enum NumberText {
    /// The shortest text that reads back as the same Double; integers without a fraction (`42`, not `42.0`).
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
