/// A theme file line perfdash cannot read: where it is and why.
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The theme file (or the name asked for).
    public var file: String
    /// The 1-based line; 0 when the error is not about one line.
    public var line: Int
    /// What is wrong.
    public var reason: String

    /// Creates an error for `file:line`.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, the form editors and compilers use.
    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// Reads btop's theme format: `theme[key]="value"` lines, `#` comments and blank lines.
///
/// Values are `#RRGGBB`, `#BW` (a two-digit grey), `"R G B"` in decimal, or empty for the terminal default;
/// quotes are optional and `RRGGBB` without `#` is accepted because real btop themes contain it.
public enum ThemeParser {
    /// Parses `text` (the contents of `file`, used in errors) into a theme called `name`.
    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        var colors: [String: RGB] = [:]
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.trimmed(" \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.hasPrefix("theme["), let close = line.firstIndex(of: "]") else {
                throw ThemeError(file: file, line: number, reason: "expected theme[key]=\"value\", got \"\(line)\"")
            }
            let key = String(line[line.index(line.startIndex, offsetBy: 6)..<close])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ThemeError(file: file, line: number, reason: "bad key \"\(key)\"")
            }
            let rest = line[line.index(after: close)...].trimmed(" \t")
            guard rest.hasPrefix("=") else {
                throw ThemeError(file: file, line: number, reason: "expected = after theme[\(key)]")
            }
            var value = rest.dropFirst().trimmed(" \t")
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard value.count >= 2, value.last == quote else {
                    throw ThemeError(file: file, line: number, reason: "unterminated quote in value of \(key)")
                }
                value = String(value.dropFirst().dropLast())
            }
            if value.isEmpty { continue }
            guard let rgb = parseColor(value) else {
                throw ThemeError(file: file, line: number,
                                 reason: "bad colour \"\(value)\" for \(key): expected #RRGGBB, #BW or \"R G B\"")
            }
            colors[key] = rgb
        }
        return Theme(name: name, colors: colors)
    }

    /// A colour in one of btop's notations, or nil.
    public static func parseColor(_ text: String) -> RGB? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 3 {
            let channels = parts.compactMap { UInt8($0) }
            return channels.count == 3 ? RGB(channels[0], channels[1], channels[2]) : nil
        }
        let hex = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard hex.allSatisfy(\.isHexDigit) else { return nil }
        switch hex.count {
        case 2 where text.hasPrefix("#"):
            guard let v = UInt8(hex, radix: 16) else { return nil }
            return RGB(v, v, v)
        case 6:
            guard let v = UInt32(hex, radix: 16) else { return nil }
            return RGB(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        default:
            return nil
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimmed(_ set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
