/// Why an exposition was refused, and where: 1-based line and column (columns count characters, not bytes).
public struct ExpositionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line of the offending character.
    public var line: Int
    /// The 1-based column of the offending character.
    public var column: Int
    /// What was wrong.
    public var reason: Reason

    /// Creates an error.
    public init(line: Int, column: Int, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// One line: `line 3, column 9: expected a label name, found ","`.
    public var description: String { "line \(line), column \(column): \(reason)" }

    /// The reasons an exposition is refused.
    public enum Reason: Equatable, Sendable, CustomStringConvertible {
        /// A line does not start with a metric name, `{` or `#` (OpenMetrics is stricter about blanks).
        case expectedMetricName(found: String)
        /// A label set holds something other than a label name where one must be.
        case expectedLabelName(found: String)
        /// A label name is not followed by `=`.
        case expectedEquals(found: String)
        /// A label value does not start with a double quote.
        case expectedLabelValue(found: String)
        /// A label pair is followed by something other than `,` or `}`.
        case expectedCommaOrBrace(found: String)
        /// A quoted string runs into the end of the line.
        case unterminatedString
        /// A quoted string is not valid UTF-8.
        case invalidUTF8
        /// A label set without a metric name (`{a="ok"} 1`).
        case metricNameNotSet
        /// A quoted metric name where the line already has one.
        case metricNameSetTwice
        /// The same label name twice in one label set.
        case duplicateLabel(String)
        /// The metric (or label set) is not followed by a blank and a value.
        case expectedValue(found: String)
        /// The value is not a number in the format's syntax.
        case invalidValue(String)
        /// The timestamp is not an integer (0.0.4) or a finite number (OpenMetrics).
        case invalidTimestamp(String)
        /// Something follows the value or timestamp where the line must end.
        case expectedEndOfLine(found: String)
        /// An exemplar (`# {…} value [timestamp]`) is malformed.
        case invalidExemplar(String)
        /// A HELP, TYPE or UNIT line without a metric name.
        case expectedMetadataName(keyword: String, found: String)
        /// A TYPE or UNIT line (HELP in OpenMetrics) without its text.
        case expectedMetadataText(keyword: String)
        /// A TYPE line naming a type the format does not have.
        case invalidType(String)
        /// An OpenMetrics UNIT that is not a suffix of its metric name.
        case unitNotSuffix(unit: String, metric: String)
        /// An OpenMetrics comment other than HELP, TYPE, UNIT or EOF.
        case invalidComment
        /// An empty line in OpenMetrics.
        case emptyLine
        /// Anything after OpenMetrics' `# EOF`.
        case dataAfterEOF
        /// OpenMetrics input that does not end with `# EOF`.
        case missingEOF

        /// The reason in words.
        public var description: String {
            switch self {
            case .expectedMetricName(let found): "expected a metric name, found \(found)"
            case .expectedLabelName(let found): "expected a label name, found \(found)"
            case .expectedEquals(let found): "expected \"=\" after the label name, found \(found)"
            case .expectedLabelValue(let found): "expected a double-quoted label value, found \(found)"
            case .expectedCommaOrBrace(let found): "expected \",\" or \"}\" after the label value, found \(found)"
            case .unterminatedString: "unterminated quoted string"
            case .invalidUTF8: "quoted string is not valid UTF-8"
            case .metricNameNotSet: "label set without a metric name"
            case .metricNameSetTwice: "metric name given twice"
            case .duplicateLabel(let name): "label \"\(name)\" appears twice"
            case .expectedValue(let found): "expected a blank and a value after the metric, found \(found)"
            case .invalidValue(let text): "invalid value \"\(text)\""
            case .invalidTimestamp(let text): "invalid timestamp \"\(text)\""
            case .expectedEndOfLine(let found): "expected the end of the line, found \(found)"
            case .invalidExemplar(let why): "invalid exemplar: \(why)"
            case .expectedMetadataName(let keyword, let found): "expected a metric name after \(keyword), found \(found)"
            case .expectedMetadataText(let keyword): "expected text after the metric name in \(keyword)"
            case .invalidType(let word): "invalid metric type \"\(word)\""
            case .unitNotSuffix(let unit, let metric): "unit \"\(unit)\" is not a suffix of metric \"\(metric)\""
            case .invalidComment: "OpenMetrics allows only HELP, TYPE, UNIT and EOF comments"
            case .emptyLine: "empty line (not allowed in OpenMetrics)"
            case .dataAfterEOF: "unexpected data after # EOF"
            case .missingEOF: "OpenMetrics data does not end with # EOF"
            }
        }
    }
}
