/// Parses and prints the units config values are written in.
public enum ConfigUnits {
    /// The longest duration any setting accepts: 365 days (larger values are typos, and would overflow timers).
    public static let maxSeconds = 365.0 * 86_400

    /// `"250ms"`, `"1.5s"`, `"5m"`, `"1h"`, `"1m30s"`, `"2"` (seconds) → a duration; nil when malformed or over
    /// 365 days. The text is read by `DurationText.seconds`, the one duration parser.
    public static func duration(_ text: String) -> Duration? {
        guard let seconds = try? DurationText.seconds(text), seconds <= maxSeconds else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// `"32MiB"`, `"512 KiB"`, `"10MB"`, `"4096"` → bytes; nil when malformed.
    public static func byteSize(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " }.lowercased()
        let units: [(String, Double)] = [
            ("kib", 1024), ("mib", 1024 * 1024), ("gib", 1024 * 1024 * 1024),
            ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("b", 1),
        ]
        var scale = 1.0
        var number = Substring(trimmed)
        if let unit = units.first(where: { trimmed.hasSuffix($0.0) }) {
            scale = unit.1
            number = number.dropLast(unit.0.count)
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * scale < Double(Int.max) else { return nil }
        return Int((value * scale).rounded())
    }

    /// The shortest config spelling of a duration: `"500ms"`, `"2s"`, `"5m"`, `"1.5s"`.
    public static func format(_ duration: Duration) -> String {
        let millis = Int(saturating: (DurationFormat.secondsValue(duration) * 1000).rounded())
        if millis % 3_600_000 == 0, millis > 0 { return "\(millis / 3_600_000)h" }
        if millis % 60_000 == 0, millis > 0 { return "\(millis / 60_000)m" }
        if millis % 1000 == 0 { return "\(millis / 1000)s" }
        if millis < 1000 { return "\(millis)ms" }
        return "\(DurationFormat.seconds(duration))s"
    }

    /// The shortest config spelling of a size: `"32MiB"`, `"1500B"`.
    public static func format(bytes: Int) -> String {
        ByteSizeText.format(bytes).filter { $0 != " " }
    }
}

/// Finds the intended word behind a typo, for "did you mean" hints.
enum Spelling {
    /// The candidate within edit distance 2 (and less than half the word), if any.
    static func closest(to word: String, in candidates: Set<String>) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }
            .filter { $0.1 <= 2 && $0.1 * 2 < max(word.count, 2) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
