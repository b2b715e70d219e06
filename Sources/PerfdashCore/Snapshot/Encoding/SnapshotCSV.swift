/// CSV layouts of snapshots.
public enum SnapshotCSVLayout: String, Sendable, Equatable, CaseIterable {
    /// One row per snapshot, one column per series (as glances, dstat and sadf write): the columns are fixed by the
    /// first snapshot's header.
    case wide
    /// One row per series per snapshot, with the window statistics: the columns never change.
    case long
}

/// CSV encoding of snapshots (RFC 4180: fields quoted only when they hold a comma, quote or line break).
public enum SnapshotCSV {
    /// The long form's column names, in their fixed order.
    public static let columns = ["timestamp", "timestamp_unix_ms", "window", "series", "unit", "value",
                                 "count", "avg", "min", "max", "p50", "p95", "p99"]

    /// The long form's header line.
    public static let header = columns.joined(separator: ",") + "\n"

    /// The columns of the wide form before the series: the time and the window.
    public static let wideLeadingColumns = ["timestamp", "timestamp_unix_ms", "window"]

    /// The long-form rows of one snapshot; statistics columns are empty for a series without statistics.
    public static func rows(_ snapshot: Snapshot) -> String {
        var out = OutputBytes(capacity: 16_384)
        writeLongRows(snapshot, series: snapshot.flatSeries(), to: &out)
        return out.text
    }

    /// Writes the long-form rows of `snapshot`, whose series are `series`.
    static func writeLongRows(_ snapshot: Snapshot, series: [FlatSeries], to out: inout OutputBytes) {
        let statsIndex = StatsAlignment(series: series, stats: snapshot.stats)
        for (index, entry) in series.enumerated() {
            writeLeading(snapshot, to: &out)
            writeField(entry.name, to: &out)
            out.byte(UInt8(ascii: ","))
            out.utf8(entry.unit.rawValue)
            out.byte(UInt8(ascii: ","))
            out.textNumber(entry.value)
            if let stats = statsIndex.summary(at: index, of: series, in: snapshot.stats) {
                out.byte(UInt8(ascii: ","))
                out.integer(Int64(stats.count))
                func field(_ value: Double) {
                    out.byte(UInt8(ascii: ","))
                    out.textNumber(value)
                }
                field(stats.avg)
                field(stats.min)
                field(stats.max)
                field(stats.p50)
                field(stats.p95)
                field(stats.p99)
            } else {
                out.ascii(",,,,,,,")
            }
            out.byte(UInt8(ascii: "\n"))
        }
    }

    /// `timestamp,timestamp_unix_ms,window,` of a row.
    static func writeLeading(_ snapshot: Snapshot, to out: inout OutputBytes) {
        out.utf8(snapshot.timestamp)
        out.byte(UInt8(ascii: ","))
        out.integer(snapshot.timestampUnixMs)
        out.byte(UInt8(ascii: ","))
        out.utf8(snapshot.window.rawValue)
        out.byte(UInt8(ascii: ","))
    }

    /// The fields of one CSV line (RFC 4180 quotes undone; a trailing carriage return dropped).
    public static func headerFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var bytes = Array(line.utf8)
        if bytes.last == 0x0D { bytes.removeLast() }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22, index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                    field.append(0x22)
                    index += 1
                } else if byte == 0x22 {
                    quoted = false
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
            } else {
                field.append(byte)
            }
            index += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }

    /// A field quoted as RFC 4180 asks when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        var out = OutputBytes()
        writeField(text, to: &out)
        return out.text
    }

    /// Writes `text` as one field.
    static func writeField(_ text: String, to out: inout OutputBytes) {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return out.utf8(text)
        }
        out.byte(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == 0x22 { out.byte(0x22) }
            out.byte(byte)
        }
        out.byte(UInt8(ascii: "\""))
    }
}

/// Where each series' summary sits in the snapshot's stats: normally at the same index (both come from the same
/// interned layout, so comparing names is comparing pointers), else found by name.
struct StatsAlignment {
    private let aligned: Bool

    init(series: [FlatSeries], stats: SnapshotStats) {
        aligned = stats.count >= series.count && series.indices.allSatisfy { stats.names[$0] == series[$0].name }
    }

    func summary(at index: Int, of series: [FlatSeries], in stats: SnapshotStats) -> Summary? {
        aligned ? stats.summaries[index] : stats[series[index].name]
    }
}
