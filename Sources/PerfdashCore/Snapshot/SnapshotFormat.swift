/// The headless output formats.
public enum SnapshotFormat: String, Sendable, Equatable, CaseIterable {
    /// One JSON object for a single snapshot, else one array closed at the end.
    case json
    /// One compact JSON object per line.
    case ndjson
    /// One header, then one row per series per snapshot.
    case csv
    /// Prometheus text exposition format 0.0.4, one complete exposition per snapshot.
    case prometheus

    /// Parses a format name; nil for an unknown one.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }
}
