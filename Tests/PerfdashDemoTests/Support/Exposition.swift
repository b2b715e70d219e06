/// Reads sample values out of Prometheus text exposition: `series → value`, the series written exactly as exposed
/// (`demo_cache_hits_total{level="l1"}`). Enough for checking the demo's own output, not a general parser.
enum Exposition {
    static func values(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            result[String(line[..<space])] = value
        }
        return result
    }

    /// The `# TYPE` of each family.
    static func types(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# TYPE ") {
            let parts = line.split(separator: " ")
            if parts.count == 4 { result[String(parts[2])] = String(parts[3]) }
        }
        return result
    }
}
