/// Frames a run of snapshots in one format: each call returns a whole record to write and flush at once, so an
/// interrupted run never leaves half a record, and `finish()` closes what the format needs closed (the JSON array).
public struct SnapshotStream: Sendable {
    /// The format written.
    public let format: SnapshotFormat
    /// True when exactly one snapshot is expected: JSON then writes a bare object rather than an array.
    public let single: Bool
    private let writesHeader: Bool
    private var written = 0
    private var keptClosed = false

    /// Creates a stream; `writeHeader: false` continues a CSV file that already has its header.
    public init(format: SnapshotFormat, single: Bool, writeHeader: Bool = true) {
        self.format = format
        self.single = single
        writesHeader = writeHeader
    }

    /// The bytes of one snapshot, with whatever framing precedes it (array opener, comma, CSV header).
    public mutating func record(_ snapshot: Snapshot) throws -> String {
        defer { written += 1 }
        switch format {
        case .json:
            let object = try SnapshotJSON.encode(snapshot, pretty: true)
            if single { return object + "\n" }
            return (written == 0 ? "[\n" : ",\n") + object
        case .ndjson:
            return try SnapshotJSON.encode(snapshot, pretty: false) + "\n"
        case .csv:
            let rows = SnapshotCSV.rows(snapshot)
            return written == 0 && writesHeader ? SnapshotCSV.header + rows : rows
        case .prometheus:
            return (written == 0 ? "" : "\n") + SnapshotPrometheus.exposition(snapshot)
        }
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
    /// it replaces (the closing `]`), and the text replacing them, which closes the document again.
    public mutating func closedRecord(_ snapshot: Snapshot) throws -> (replacing: Int, text: String) {
        guard format == .json, keptClosed else { return (0, try record(snapshot)) }
        let object = try SnapshotJSON.encode(snapshot, pretty: true)
        defer { written += 1 }
        // "[]\n" → the object alone (single), or "[" + "\n" + object + "\n]\n"; later ones replace "\n]\n".
        if single { return written == 0 ? (3, object + "\n") : (0, "") }
        return written == 0 ? (2, "\n" + object + "\n]\n") : (3, ",\n" + object + "\n]\n")
    }
}
