/// Parses durations written the way users type them: `10ms`, `250ms`, `2s`, `1.5s`, `1m`, `1h`, `1m30s`, or a bare
/// number of seconds (`90`) — the same syntax on flags and in the config file.
///
/// One scanner serves the config and flag durations (`seconds(_:)`) and the sampling interval
/// (`parseInterval(_:)`, which adds the stricter rules: more than zero, at least 10 ms).
public enum DurationText {
    /// The shortest sampling interval accepted.
    public static let minimumInterval = Duration.milliseconds(10)

    /// The longest sampling interval (the config file's bound too).
    public static let maximumInterval = Duration.seconds(3600)

    /// The longest duration any setting accepts: 365 days, in seconds.
    public static let maxSeconds: Double = 365 * 86_400

    /// Why a duration was refused; `description` is one line for the user.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text that was refused.
        public var text: String
        /// What is wrong with it.
        public var reason: String

        /// One line: the text and the reason.
        public var description: String { "invalid duration '\(Echo.cut(text))': \(reason)" }
    }

    /// A scanned duration: its length and whether it was a bare number (no unit at all).
    private struct Scanned {
        var nanoseconds: Double
        var bare: Bool
    }

    private static let expected = "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"

    /// Seconds for a duration of zero or more: `90` (a bare number is seconds), `90s`, `5m`, `1h`, `1m30s`, `250ms`.
    public static func seconds(_ text: String) throws(ParseError) -> Double {
        try scan(text).nanoseconds / 1e9
    }

    /// A positive duration (`ms`, `s`, `m` or `h`; several add up: `1m30s`; a bare number is seconds), as a
    /// `Duration`; over 365 days is refused (it would overflow timers, and is a typo).
    public static func parse(_ text: String) throws(ParseError) -> Duration {
        let scanned = try scan(text)
        guard scanned.nanoseconds > 0 else { throw ParseError(text: text, reason: "must be greater than zero") }
        guard scanned.nanoseconds <= maxSeconds * 1e9 else {
            throw ParseError(text: text, reason: "must be at most 365 days")
        }
        return .nanoseconds(Int64(scanned.nanoseconds.rounded()))
    }

    /// A sampling interval: a positive duration of at least `minimumInterval`.
    public static func parseInterval(_ text: String) throws(ParseError) -> Duration {
        let duration = try parse(text)
        guard duration >= minimumInterval else {
            throw ParseError(text: text, reason: "the shortest interval is 10ms")
        }
        guard duration <= maximumInterval else { throw ParseError(text: text, reason: "the longest interval is 1h") }
        return duration
    }

    /// Number–unit pairs, or one bare number. Nanoseconds are summed so that `10ms` is exactly 10 000 000.
    private static func scan(_ text: String) throws(ParseError) -> Scanned {
        let trimmed = text.trimmingBlanks()
        var rest = Substring(trimmed)
        var total = 0.0
        var bare = false
        repeat {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number), value.isFinite else {
                throw ParseError(text: text, reason: expected)
            }
            rest = rest.dropFirst(number.count)
            // The unit runs to the next number, so "5 minutes" is refused as a whole unit, not as "missing unit".
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            rest = rest.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ms": scale = 1e6
            case "s": scale = 1e9
            case "m": scale = 60e9
            case "h": scale = 3600e9
            case "" where rest.isEmpty && total == 0:
                scale = 1e9
                bare = true
            case "": throw ParseError(text: text, reason: "missing unit (ms, s, m or h)")
            default: throw ParseError(text: text, reason: "unknown unit '\(Echo.cut(unit))' (use ms, s, m or h)")
            }
            total += value * scale
            // Past a year nothing in perfdash is meaningful; stopping here also keeps the sum finite.
            guard total <= maxSeconds * 1e9 else { throw ParseError(text: text, reason: "must be at most 365 days") }
        } while !rest.isEmpty
        return Scanned(nanoseconds: total, bare: bare)
    }
}
