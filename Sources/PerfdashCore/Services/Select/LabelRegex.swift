/// A regular expression in RE2's syntax (the subset PromQL label matchers use), matched in linear time.
///
/// PromQL anchors label regexes at both ends (`=~"5.."` is `^(?:5..)$`), so `matches` answers whether the whole
/// value matches. Matching runs a Pike VM over the compiled program: time is O(value length · program size) and
/// no input can make it backtrack, so a hostile pattern or label value cannot hang a scrape. Patterns are bounded
/// (`maximumPatternLength` scalars, `maximumProgramSize` instructions after counted repetitions are expanded).
///
/// Supported: literals and escapes (`\.`, `\\`, `\n`, `\t`, `\d \D \w \W \s \S`), `.` (any scalar, newlines
/// included, as in Prometheus 3), classes `[a-z_]` and `[^…]` with escapes inside, groups `( )` and `(?: )`,
/// `(?i)` at the start (case-insensitive), alternation `|`, `* + ?`, `{n}`, `{n,}`, `{n,m}` (lazy forms accepted:
/// a whole-value match does not depend on greediness), and `^` / `$` (redundant once anchored).
public struct LabelRegex: Sendable, Equatable, CustomStringConvertible {
    /// The longest pattern accepted, in Unicode scalars.
    public static let maximumPatternLength = 4096
    /// The largest compiled program accepted (counted repetitions multiply their operand).
    public static let maximumProgramSize = 20_000
    /// The largest count accepted in `{n,m}` (RE2's own limit).
    public static let maximumRepeat = 1000

    /// The pattern as written.
    public let pattern: String
    let program: RegexProgram

    /// Compiles `pattern`; throws a `SelectorError` whose offset is the scalar where the pattern went wrong.
    public init(_ pattern: String) throws(SelectorError) {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.count <= Self.maximumPatternLength else {
            throw SelectorError(offset: 0, "regex longer than \(Self.maximumPatternLength) characters")
        }
        var parser = RegexParser(scalars)
        let node = try parser.parseAll()
        var compiler = RegexCompiler(caseInsensitive: parser.caseInsensitive)
        try compiler.compile(node)
        self.pattern = pattern
        program = compiler.finish()
    }

    /// True when the whole of `value` matches.
    public func matches(_ value: String) -> Bool {
        program.matches(value.unicodeScalars)
    }

    public var description: String { pattern }

    public static func == (lhs: LabelRegex, rhs: LabelRegex) -> Bool { lhs.pattern == rhs.pattern }
}

/// The syntax tree of a pattern.
indirect enum RegexNode: Equatable {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case concat([RegexNode])
    case alternate([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?)
    case lineStart
    case lineEnd
}

/// A class of scalars: ranges, possibly negated.
struct ScalarSet: Equatable, Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    static let any = ScalarSet(ranges: [0...0x10FFFF], negated: false)
    static let digit = ScalarSet(ranges: [48...57], negated: false)
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122], negated: false)
    static let space = ScalarSet(ranges: [9...10, 12...13, 32...32], negated: false)

    func contains(_ value: UInt32) -> Bool {
        ranges.contains { $0.contains(value) } != negated
    }

    /// The set with ASCII letters of either case added (for `(?i)`).
    func caseFolded() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges {
            let lower = max(range.lowerBound, 65), upper = min(range.upperBound, 90)
            if lower <= upper { extra.append((lower + 32)...(upper + 32)) }
            let lowerSmall = max(range.lowerBound, 97), upperSmall = min(range.upperBound, 122)
            if lowerSmall <= upperSmall { extra.append((lowerSmall - 32)...(upperSmall - 32)) }
        }
        return ScalarSet(ranges: ranges + extra, negated: negated)
    }
}
