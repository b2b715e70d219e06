/// The two exposition formats `perfdash serve` answers in, chosen per scrape by the `Accept` header.
public enum ServeFormat: String, Sendable, CaseIterable {
    /// Prometheus text format 0.0.4: what every scraper reads, and the answer when nothing else is asked for.
    case prometheusText = "text"
    /// OpenMetrics 1.0.0 text: `# UNIT` lines, `_total` counters under their family name, `# EOF` at the end.
    case openMetrics = "openmetrics"

    /// The `Content-Type` of a response in this format.
    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// The format an `Accept` header asks for: OpenMetrics when it lists `application/openmetrics-text` with a
    /// quality above 0 that is not below the best text/plain (or wildcard) entry; otherwise Prometheus text 0.0.4.
    /// Prometheus sends `application/openmetrics-text;version=1.0.0,…;q=0.5,text/plain;version=0.0.4;q=0.4,…`.
    public static func negotiate(accept: String?) -> ServeFormat {
        guard let accept else { return .prometheusText }
        var openMetrics = 0.0
        var text = 0.0
        for entry in accept.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
            guard let type = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)).map { $0.isFinite ? min(max($0, 0), 1) : 0 } ?? 0
            }
            switch type {
            case "application/openmetrics-text": openMetrics = max(openMetrics, quality)
            case "text/plain", "text/*", "*/*": text = max(text, quality)
            default: break
            }
        }
        return openMetrics > 0 && openMetrics >= text ? .openMetrics : .prometheusText
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
