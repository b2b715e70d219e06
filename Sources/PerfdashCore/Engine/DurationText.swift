/// Parses durations written the way users type them: `10ms`, `250ms`, `2s`, `1.5s`, `1m`, `1h`.
public enum DurationText {
    /// The shortest sampling interval accepted.
    public static let minimumInterval = Duration.milliseconds(10)

    /// Why a duration was refused; `description` is one line for the user.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text that was refused.
        public var text: String
        /// What is wrong with it.
        public var reason: String

        /// One line: the text and the reason.
        public var description: String { "invalid duration '\(text)': \(reason)" }
    }

    /// A positive duration: a number (decimals allowed) and a unit `ms`, `s`, `m` or `h`.
    public static func parse(_ text: String) throws(ParseError) -> Duration {
        let trimmed = text.trimmingBlanks()
        let unitStart = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? trimmed.endIndex
        let number = trimmed[..<unitStart]
        let unit = trimmed[unitStart...]
        guard !number.isEmpty, let value = Double(number), value.isFinite else {
            throw ParseError(text: text, reason: "expected a number and a unit, such as 10ms, 250ms, 2s or 1m")
        }
        guard value > 0 else { throw ParseError(text: text, reason: "must be greater than zero") }
        let milliseconds: Double
        switch unit {
        case "ms": milliseconds = value
        case "s": milliseconds = value * 1000
        case "m": milliseconds = value * 60_000
        case "h": milliseconds = value * 3_600_000
        case "": throw ParseError(text: text, reason: "missing unit (ms, s, m or h)")
        default: throw ParseError(text: text, reason: "unknown unit '\(unit)' (use ms, s, m or h)")
        }
        return .nanoseconds(Int64((milliseconds * 1_000_000).rounded()))
    }

    /// A sampling interval: a positive duration of at least `minimumInterval`.
    public static func parseInterval(_ text: String) throws(ParseError) -> Duration {
        let duration = try parse(text)
        guard duration >= minimumInterval else {
            throw ParseError(text: text, reason: "the shortest interval is 10ms")
        }
        return duration
    }
}
