/// Reads a selector's text: `name`, `name{matchers}` or `{__name__="name", matchers}`, as PromQL's lexer does.
struct SelectorParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(SelectorError) -> MetricSelector {
        guard scalars.count <= MetricSelector.maximumLength else {
            throw SelectorError(offset: 0, "selector longer than \(MetricSelector.maximumLength) characters")
        }
        skipSpace()
        guard index < scalars.count else { throw SelectorError(offset: 0, "empty selector: expected a metric name") }
        var metric = ""
        if scalars[index] != "{" {
            metric = try name(allowColon: true, what: "a metric name")
            skipSpace()
        }
        var matchers: [LabelMatcher] = []
        if peek == "{" {
            let open = index
            index += 1
            skipSpace()
            while peek != "}" {
                guard peek != nil else { throw SelectorError(offset: open, "missing \"}\" after the matchers") }
                guard matchers.count < MetricSelector.maximumMatchers else {
                    throw SelectorError(offset: index, "more than \(MetricSelector.maximumMatchers) matchers")
                }
                matchers.append(try matcher())
                skipSpace()
                if peek == "," {
                    index += 1
                    skipSpace()
                } else if peek != "}" {
                    guard peek != nil else { throw SelectorError(offset: open, "missing \"}\" after the matchers") }
                    throw SelectorError(offset: index, "expected \",\" or \"}\" after a matcher")
                }
            }
            index += 1
            skipSpace()
        }
        if index < scalars.count {
            throw SelectorError(offset: index, "unexpected \"\(Character(scalars[index]))\" after the selector")
        }
        var nameRegex: LabelRegex?
        if let nameIndex = matchers.firstIndex(where: { $0.label == "__name__" }) {
            let matcher = matchers.remove(at: nameIndex)
            guard metric.isEmpty, matcher.op == .equal || matcher.op == .matches else {
                throw SelectorError(offset: 0,
                                    "give __name__ as __name__=\"…\" or __name__=~\"…\", without a metric name")
            }
            if matcher.op == .equal { metric = matcher.value } else { nameRegex = matcher.regex }
        }
        guard !metric.isEmpty || nameRegex != nil else { throw SelectorError(offset: 0, "expected a metric name") }
        return MetricSelector(metric: metric, nameRegex: nameRegex, matchers: matchers)
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpace() {
        while let next = peek, next == " " || next == "\t" || next == "\n" || next == "\r" { index += 1 }
    }

    private mutating func name(allowColon: Bool, what: String) throws(SelectorError) -> String {
        let start = index
        var text = String.UnicodeScalarView()
        while let next = peek {
            let value = next.value
            let letter = (65...90).contains(value) || (97...122).contains(value) || value == 95
                || (allowColon && value == 58)
            let digit = (48...57).contains(value)
            guard letter || (digit && index > start) else { break }
            text.append(next)
            index += 1
        }
        guard !text.isEmpty else {
            let found = peek.map { "\"\(Character($0))\"" } ?? "the end"
            throw SelectorError(offset: start, "expected \(what), found \(found)")
        }
        return String(text)
    }

    private mutating func matcher() throws(SelectorError) -> LabelMatcher {
        let label = try name(allowColon: false, what: "a label name")
        skipSpace()
        let opStart = index
        let op: LabelMatcher.Operator
        switch (peek, index + 1 < scalars.count ? scalars[index + 1] : nil) {
        case ("=", "~"): op = .matches
        case ("!", "~"): op = .notMatches
        case ("!", "="): op = .notEqual
        case ("=", _): op = .equal
        default: throw SelectorError(offset: opStart, "expected =, !=, =~ or !~ after \(label)")
        }
        index += op.rawValue.unicodeScalars.count
        skipSpace()
        let valueStart = index
        let value = try string()
        do {
            return try LabelMatcher(label, op, value)
        } catch {
            // Regex offsets count in the pattern; past the opening quote they line up with the selector's text
            // unless the pattern held escapes.
            throw SelectorError(offset: valueStart + 1 + error.offset, error.reason)
        }
    }

    /// A quoted string: "…" or '…' with Go's escapes, or `…` raw.
    private mutating func string() throws(SelectorError) -> String {
        let start = index
        guard let quote = peek, quote == "\"" || quote == "'" || quote == "`" else {
            throw SelectorError(offset: index, "expected a quoted label value")
        }
        index += 1
        var text = String.UnicodeScalarView()
        while let next = peek {
            index += 1
            if next == quote { return String(text) }
            if next == "\\", quote != "`" {
                guard let escaped = peek else { break }
                index += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "\\", "\"", "'": text.append(escaped)
                default:
                    throw SelectorError(offset: index - 2, "unknown escape \\\(Character(escaped)) in a string")
                }
                continue
            }
            if next == "\n", quote != "`" { break }
            text.append(next)
        }
        throw SelectorError(offset: start, "unterminated string")
    }
}
