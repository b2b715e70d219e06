import Foundation

/// JSON encoding of snapshots: snake-case keys (`busy_percent`), sorted for a stable order.
public enum SnapshotJSON {
    /// One snapshot as a JSON object; `pretty` indents it, otherwise it is one line.
    public static func encode(_ snapshot: Snapshot, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(snapshot), as: UTF8.self)
    }

    /// Decodes a snapshot written by `encode`.
    public static func decode(_ text: String) throws -> Snapshot {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Snapshot.self, from: Data(text.utf8))
    }
}
