/// A series selector in PromQL's syntax: a metric name and label matchers, `cache_gets_total{result="hit"}`.
///
/// Matchers behave as in PromQL: `=` and `!=` compare the whole value, `=~` and `!~` match an RE2 regex anchored
/// at both ends, and a label the series lacks has the empty value (so `{route=""}` selects series without `route`,
/// and `{route!~"/metrics|/health.*"}` keeps them).
public struct MetricSelector: Sendable, Equatable, CustomStringConvertible {
    /// Longest selector text accepted, in Unicode scalars.
    public static let maximumLength = 8192
    /// Most matchers one selector may carry.
    public static let maximumMatchers = 64

    /// The series name, e.g. `http_server_requests_seconds_count`; for a histogram figure, the family name.
    /// Empty when the name is matched by `nameRegex` (`{__name__=~"…"}`).
    public var metric: String
    /// `{__name__=~"…"}`: names matched by a regex instead of one name.
    public var nameRegex: LabelRegex?
    /// The label matchers, all of which must hold.
    public var matchers: [LabelMatcher]

    /// Creates a selector.
    public init(metric: String, nameRegex: LabelRegex? = nil, matchers: [LabelMatcher] = []) {
        self.metric = metric
        self.nameRegex = nameRegex
        self.matchers = matchers
    }

    /// Whether a series (or, for histogram figures, a family) called `name` is selected by name.
    public func selectsName(_ name: String) -> Bool {
        if let nameRegex { return nameRegex.matches(name) }
        return name == metric
    }

    /// Parses `name{label="value", …}`; errors carry the 0-based scalar offset of the fault.
    public init(parsing text: String) throws(SelectorError) {
        var parser = SelectorParser(text)
        self = try parser.parse()
    }

    /// True when every matcher holds; `value(label)` is the series' value of a label, nil when it lacks it.
    public func matches(_ value: (String) -> String?) -> Bool {
        matchers.allSatisfy { $0.matches(value($0.label) ?? "") }
    }

    /// The selector as PromQL writes it.
    public var description: String {
        var all = matchers.map(\.description)
        if let nameRegex { all.insert("__name__=~\"\(nameRegex.pattern)\"", at: 0) }
        return all.isEmpty ? metric : "\(metric){\(all.joined(separator: ","))}"
    }
}

/// One label matcher: `label="v"`, `label!="v"`, `label=~"re"`, `label!~"re"`.
public struct LabelMatcher: Sendable, Equatable, CustomStringConvertible {
    /// The four PromQL matching operators.
    public enum Operator: String, Sendable {
        /// Equal.
        case equal = "="
        /// Not equal.
        case notEqual = "!="
        /// Matches the regex.
        case matches = "=~"
        /// Does not match the regex.
        case notMatches = "!~"
    }

    /// The label name.
    public var label: String
    /// How the value is compared.
    public var op: Operator
    /// The literal, or the regex pattern.
    public var value: String
    /// The compiled regex for `=~` / `!~`.
    public let regex: LabelRegex?

    /// Creates a matcher, compiling the regex of `=~` / `!~`.
    public init(_ label: String, _ op: Operator, _ value: String) throws(SelectorError) {
        self.label = label
        self.op = op
        self.value = value
        regex = op == .matches || op == .notMatches ? try LabelRegex(value) : nil
    }

    /// Whether a series whose label has `actual` (empty when missing) passes.
    public func matches(_ actual: String) -> Bool {
        switch op {
        case .equal: actual == value
        case .notEqual: actual != value
        case .matches: regex?.matches(actual) ?? false
        case .notMatches: !(regex?.matches(actual) ?? false)
        }
    }

    public var description: String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\(label)\(op.rawValue)\"\(escaped)\""
    }
}

/// Why a selector or a regex was refused, and where (0-based offset in Unicode scalars).
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Offset of the fault in the selector text (for a regex: in the pattern).
    public var offset: Int
    /// One line saying what is wrong.
    public var reason: String

    /// Creates an error.
    public init(offset: Int, _ reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "column \(offset + 1): \(reason)" }
}
