/// The wide CSV form of a run of snapshots: a header of series names fixed by the first snapshot, then one row of
/// values per snapshot. A series missing from a later snapshot leaves its field empty; a series the header does not
/// have is left out, and announced once (`notices`) so the user can switch to the long form.
struct SnapshotCSVWide: Sendable {
    /// The series columns, after the leading time and window columns.
    private(set) var columns: [String]
    /// Messages for the user (new series not in the header), taken by the caller.
    var notices: [String] = []
    private var announced: Set<String> = []
    /// The series names the current mapping was built for, and for each column the index of its series there.
    private var mappedNames: [String] = []
    private var sourceIndex: [Int?] = []

    /// A writer whose columns come from an existing header (continuing a file), or nil to take the first
    /// snapshot's series.
    init(columns: [String]?) {
        self.columns = columns ?? []
        fixed = columns != nil
    }

    private var fixed: Bool

    /// The header line for `series`: fixes the columns.
    mutating func writeHeader(for series: [FlatSeries], to out: inout OutputBytes) {
        if !fixed {
            columns = series.map(\.name)
            fixed = true
        }
        for (index, name) in (SnapshotCSV.wideLeadingColumns + columns).enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            SnapshotCSV.writeField(name, to: &out)
        }
        out.byte(UInt8(ascii: "\n"))
    }

    /// One row: the time, the window, then each column's value or nothing.
    mutating func writeRow(_ snapshot: Snapshot, series: [FlatSeries], to out: inout OutputBytes) {
        if !fixed {
            columns = series.map(\.name)
            fixed = true
        }
        remap(series)
        SnapshotCSV.writeLeading(snapshot, to: &out)
        for (column, source) in sourceIndex.enumerated() {
            if column > 0 { out.byte(UInt8(ascii: ",")) }
            if let source { out.textNumber(series[source].value) }
        }
        out.byte(UInt8(ascii: "\n"))
    }

    /// Rebuilds the column → series mapping when the series changed (rare: a disk or interface came or went).
    private mutating func remap(_ series: [FlatSeries]) {
        let unchanged = series.count == mappedNames.count
            && series.indices.allSatisfy { series[$0].name == mappedNames[$0] }
        guard !unchanged else { return }
        mappedNames = series.map(\.name)
        var position: [String: Int] = [:]
        for (index, name) in mappedNames.enumerated() { position[name] = index }
        sourceIndex = columns.map { position[$0] }
        let known = Set(columns)
        for name in mappedNames where !known.contains(name) && announced.insert(name).inserted {
            notices.append("new series \(name) is not in the CSV header (the columns are fixed by the first "
                           + "snapshot); --csv-layout long writes every series")
        }
    }
}
