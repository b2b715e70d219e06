#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON encoding of snapshots: snake-case keys (`busy_percent`) in UTF-8 byte order, written directly as bytes
/// (`Snapshot.writeJSON`), the layout of Foundation's JSONEncoder with `.sortedKeys`.
public enum SnapshotJSON {
    /// One snapshot as a JSON object; `pretty` indents it, otherwise it is one line. Never throws (non-finite
    /// numbers are written as `null`); `throws` stays for the callers written against the Codable encoder.
    public static func encode(_ snapshot: Snapshot, pretty: Bool) throws -> String {
        var writer = JSONWriter(pretty: pretty)
        snapshot.writeJSON(to: &writer, statsOrder: snapshot.stats.sortedIndices())
        return writer.out.text
    }

    /// Decodes a snapshot written by `encode`.
    public static func decode(_ text: String) throws -> Snapshot {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Snapshot.self, from: Data(text.utf8))
    }
}
