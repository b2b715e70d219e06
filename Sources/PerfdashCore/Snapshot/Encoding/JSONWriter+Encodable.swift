#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JSONWriter {
    /// Writes a `Codable` value through Foundation's JSONEncoder (snake-case keys, sorted, slashes unescaped),
    /// re-indented to the writer's depth: the same bytes as hand-written members, for sections not yet written by
    /// hand. Costs a JSONEncoder per call; hot sections write themselves (`JSONWritable`).
    public mutating func encodable(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return null() }
        raw(Array(data))
    }
}
