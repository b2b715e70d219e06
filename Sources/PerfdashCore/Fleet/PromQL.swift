/// PromQL built from parts: names validated, label values quoted and escaped, never pasted into query text.
public enum PromQL {
    /// A label matcher operator.
    public enum Operator: String, Sendable, Equatable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case matches = "=~"
        case notMatches = "!~"
    }

    /// One label matcher, `name op "value"`.
    public struct Matcher: Sendable, Equatable {
        /// The label name, `[a-zA-Z_][a-zA-Z0-9_]*`.
        public var name: String
        /// The operator.
        public var op: Operator
        /// The value, unescaped (a regex for `=~` / `!~`, anchored by Prometheus).
        public var value: String

        /// A matcher; refuses a label name PromQL would not parse.
        public init(_ name: String, _ op: Operator, _ value: String) throws(PromQLError) {
            guard PromQL.isLabelName(name) else { throw PromQLError("invalid label name \"\(name)\"") }
            self.name = name
            self.op = op
            self.value = value
        }

        /// `name op "value"` with the value escaped.
        public var text: String { name + op.rawValue + PromQL.quote(value) }
    }

    /// A vector selector: a metric name (or none: `{__name__=~…}`) and matchers.
    public struct Selector: Sendable, Equatable {
        /// The metric name, `[a-zA-Z_:][a-zA-Z0-9_:]*`, or nil.
        public var metric: String?
        /// The label matchers.
        public var matchers: [Matcher]

        /// A selector; refuses an invalid metric name, and a selector that could match every series (PromQL
        /// refuses those too: at least one matcher must not match the empty string).
        public init(metric: String?, _ matchers: [Matcher] = []) throws(PromQLError) {
            if let metric, !PromQL.isMetricName(metric) { throw PromQLError("invalid metric name \"\(metric)\"") }
            guard metric != nil || !matchers.isEmpty else { throw PromQLError("a selector needs a metric name or a matcher") }
            self.metric = metric
            self.matchers = matchers
        }

        /// The selector with more matchers.
        public func adding(_ more: [Matcher]) -> Selector {
            var copy = self
            copy.matchers += more
            return copy
        }

        /// `metric{a="x",b=~"y"}`.
        public var text: String {
            let inner = matchers.map(\.text).joined(separator: ",")
            guard let metric else { return "{\(inner)}" }
            return inner.isEmpty ? metric : "\(metric){\(inner)}"
        }
    }

    /// A double-quoted PromQL string: `\` `"` and control characters escaped.
    public static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A range duration in whole milliseconds or seconds: `60s`, `1500ms`.
    public static func range(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "1ms" }
        let milliseconds = Int64(exactly: (min(max(seconds, 0.001), 365 * 86_400) * 1000).rounded()) ?? 1000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public static func isMetricName(_ text: String) -> Bool {
        isName(text, colon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static func isLabelName(_ text: String) -> Bool {
        isName(text, colon: false)
    }

    private static func isName(_ text: String, colon: Bool) -> Bool {
        guard let first = text.utf8.first else { return false }
        func letter(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || (colon && byte == 0x3A)
        }
        guard letter(first) else { return false }
        return text.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Parses label matchers written as in PromQL, `{job="node",env=~"prod|stage"}` (braces optional), for
    /// config keys that narrow the fleet; refuses anything else with the position of the problem.
    public static func parseMatchers(_ text: String) throws(PromQLError) -> [Matcher] {
        var scanner = Array(text.unicodeScalars)[...]
        func skipSpaces() { while let c = scanner.first, c == " " || c == "\t" { scanner.removeFirst() } }
        func offset() -> Int { text.unicodeScalars.count - scanner.count + 1 }
        skipSpaces()
        let braced = scanner.first == "{"
        if braced { scanner.removeFirst() }
        var matchers: [Matcher] = []
        while true {
            skipSpaces()
            if braced, scanner.first == "}" { scanner.removeFirst(); break }
            if scanner.isEmpty { if braced { throw PromQLError("missing } at column \(offset())") }; break }
            var name = ""
            while let c = scanner.first, c.isASCII, c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
                name.unicodeScalars.append(c)
                scanner.removeFirst()
            }
            skipSpaces()
            var opText = ""
            while let c = scanner.first, c == "=" || c == "!" || c == "~", opText.count < 2 {
                opText.unicodeScalars.append(c)
                scanner.removeFirst()
            }
            guard let op = Operator(rawValue: opText) else {
                throw PromQLError("expected =, !=, =~ or !~ after \"\(name)\" at column \(offset())")
            }
            skipSpaces()
            guard scanner.first == "\"" else { throw PromQLError("expected a double-quoted value at column \(offset())") }
            scanner.removeFirst()
            var value = ""
            var closed = false
            while let c = scanner.popFirst() {
                if c == "\"" { closed = true; break }
                if c == "\\", let next = scanner.popFirst() {
                    switch next {
                    case "n": value += "\n"
                    case "t": value += "\t"
                    default: value.unicodeScalars.append(next)
                    }
                } else {
                    value.unicodeScalars.append(c)
                }
            }
            guard closed else { throw PromQLError("unterminated string at column \(offset())") }
            matchers.append(try Matcher(name, op, value))
            skipSpaces()
            if scanner.first == "," { scanner.removeFirst() } else if !(braced && scanner.first == "}") && !scanner.isEmpty {
                throw PromQLError("expected , or } at column \(offset())")
            }
        }
        skipSpaces()
        guard scanner.isEmpty else { throw PromQLError("unexpected text after } at column \(offset())") }
        return matchers
    }
}

/// A query that cannot be built, with the reason.
public struct PromQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
