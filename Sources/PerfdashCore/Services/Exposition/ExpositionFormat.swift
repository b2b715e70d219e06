import Glibc

/// The two text formats perfdash reads.
public enum ExpositionFormat: String, Sendable, Codable {
    /// Prometheus text format 0.0.4 (`text/plain; version=0.0.4`).
    case prometheus
    /// OpenMetrics 1.0 (`application/openmetrics-text`), which must end with `# EOF`.
    case openMetrics

    /// The format a Content-Type header names, or nil when the header says neither (then detect from the body).
    public init?(contentType: String?) {
        guard let contentType else { return nil }
        let mediaType = String(contentType.prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" }).lowercased()
        switch mediaType {
        case "application/openmetrics-text": self = .openMetrics
        case "text/plain": self = .prometheus
        default: return nil
        }
    }

    /// Guesses the format from the body: OpenMetrics when a line is exactly `# EOF`, otherwise 0.0.4.
    public static func detect(_ body: UnsafeRawBufferPointer) -> ExpositionFormat {
        guard let base = body.baseAddress else { return .prometheus }
        let marker: StaticString = "# EOF"
        var offset = 0
        // Jump from '#' to '#' with memchr; `# EOF` normally is the last line, but any line counts.
        while offset + 5 <= body.count, let hash = memchr(base + offset, Int32(UInt8(ascii: "#")), body.count - offset) {
            offset = base.distance(to: UnsafeRawPointer(hash))
            let atLineStart = offset == 0 || body[offset - 1] == UInt8(ascii: "\n")
            let atLineEnd = offset + 5 == body.count || (offset + 5 < body.count && body[offset + 5] == UInt8(ascii: "\n"))
            if atLineStart, atLineEnd, offset + 5 <= body.count, memcmp(base + offset, marker.utf8Start, 5) == 0 {
                return .openMetrics
            }
            offset += 1
        }
        return .prometheus
    }
}
