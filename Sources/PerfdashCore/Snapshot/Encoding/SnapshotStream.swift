/// Frames a run of snapshots in one format: each call returns a whole record to write and flush at once, so an
/// interrupted run never leaves half a record, and `finish()` closes what the format needs closed (the JSON array).
///
/// The stream keeps what depends only on the set of series (the JSON key order of `stats`, the Prometheus
/// families and line prefixes, the CSV columns) from one record to the next while that set does not change.
public struct SnapshotStream: Sendable {
    /// The format written.
    public let format: SnapshotFormat
    /// True when exactly one snapshot is expected: JSON then writes a bare object rather than an array.
    public let single: Bool
    /// The CSV layout.
    public let csvLayout: SnapshotCSVLayout
    private let writesHeader: Bool
    private var written = 0
    private var keptClosed = false
    private var out = OutputBytes(capacity: 16_384)
    private var statsNames: [String] = []
    private var statsOrder: [Int] = []
    private var prometheus: PrometheusLayout?
    private var wide: SnapshotCSVWide

    /// Creates a stream; `writeHeader: false` continues a CSV file that already has its header, whose columns
    /// `csvColumns` gives for the wide layout (the series columns, after the time and window).
    public init(format: SnapshotFormat, single: Bool, writeHeader: Bool = true, csvLayout: SnapshotCSVLayout = .wide,
                csvColumns: [String]? = nil) {
        self.format = format
        self.single = single
        self.csvLayout = csvLayout
        writesHeader = writeHeader
        wide = SnapshotCSVWide(columns: csvColumns)
    }

    /// Messages for the user since the last call (a series new since the wide CSV header); empty otherwise.
    public mutating func takeNotices() -> [String] {
        defer { wide.notices = [] }
        return wide.notices
    }

    /// The bytes of one snapshot, with whatever framing precedes it (array opener, comma, CSV header).
    public mutating func recordBytes(_ snapshot: Snapshot) -> [UInt8] {
        defer { written += 1 }
        out.removeAll()
        switch format {
        case .json:
            if !single { written == 0 ? out.ascii("[\n") : out.ascii(",\n") }
            writeJSON(snapshot, pretty: true)
            if single { out.byte(UInt8(ascii: "\n")) }
        case .ndjson:
            writeJSON(snapshot, pretty: false)
            out.byte(UInt8(ascii: "\n"))
        case .csv:
            let series = snapshot.flatSeries()
            switch csvLayout {
            case .long:
                if written == 0 && writesHeader { out.utf8(SnapshotCSV.header) }
                SnapshotCSV.writeLongRows(snapshot, series: series, to: &out)
            case .wide:
                if written == 0 && writesHeader { wide.writeHeader(for: series, to: &out) }
                wide.writeRow(snapshot, series: series, to: &out)
            }
        case .prometheus:
            if written > 0 { out.byte(UInt8(ascii: "\n")) }
            let series = snapshot.flatSeries()
            if prometheus?.fits(series, window: snapshot.window) != true {
                prometheus = PrometheusLayout(series: series, window: snapshot.window)
            }
            prometheus!.write(snapshot, series: series, to: &out)
        }
        return out.bytes
    }

    /// The text of one snapshot (see `recordBytes`). Never throws; `throws` stays for existing callers.
    public mutating func record(_ snapshot: Snapshot) throws -> String {
        String(decoding: recordBytes(snapshot), as: UTF8.self)
    }

    /// What closes the stream: `]` for a JSON array, `[]` when nothing was written (a single snapshot too), else
    /// nothing.
    public func finish() -> String {
        guard format == .json, !keptClosed else { return "" }
        if written == 0 { return "[]\n" }
        return single ? "" : "\n]\n"
    }

    /// For output that can be rewritten in place (a regular file): what to write first so the file is a complete
    /// document from the first instant — `[]` for JSON — after which `closedRecord` keeps it complete.
    public mutating func startClosed() -> String {
        guard format == .json else { return "" }
        keptClosed = true
        return "[]\n"
    }

    /// One snapshot for output started with `startClosed()`: the bytes at the end of what was written before that
    /// it replaces (the closing `]`), and the bytes replacing them, which close the document again.
    public mutating func closedRecord(_ snapshot: Snapshot) -> (replacing: Int, bytes: [UInt8]) {
        guard format == .json, keptClosed else { return (0, recordBytes(snapshot)) }
        defer { written += 1 }
        // "[]\n" → the object alone (single), or "[" + "\n" + object + "\n]\n"; later ones replace "\n]\n".
        if single && written > 0 { return (0, []) }
        out.removeAll()
        if !single { out.ascii(written == 0 ? "\n" : ",\n") }
        writeJSON(snapshot, pretty: true)
        out.ascii(single ? "\n" : "\n]\n")
        return (single ? 3 : written == 0 ? 2 : 3, out.bytes)
    }

    private mutating func writeJSON(_ snapshot: Snapshot, pretty: Bool) {
        let names = snapshot.stats.names
        if names.count != statsNames.count || !names.indices.allSatisfy({ names[$0] == statsNames[$0] }) {
            statsNames = names
            statsOrder = snapshot.stats.sortedIndices()
        }
        var writer = JSONWriter(pretty: pretty, out: out)
        out = OutputBytes()
        snapshot.writeJSON(to: &writer, statsOrder: statsOrder)
        out = writer.out
    }
}
