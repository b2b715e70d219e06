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
    /// Scalars every matching value ends with (empty when the pattern does not force any): a value that does not
    /// end with them is refused without running the VM. Metric-name patterns such as `(.+_)?http_requests_total`
    /// are checked against every distinct name of a scrape, and most names fail on their last scalar.
    let requiredSuffix: [UInt32]

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
        // `(?i)` lets a literal match either case: no suffix can be required scalar for scalar.
        requiredSuffix = parser.caseInsensitive ? [] : node.requiredSuffix
    }

    /// True when the whole of `value` matches.
    public func matches(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        if !requiredSuffix.isEmpty {
            var index = scalars.endIndex
            for wanted in requiredSuffix.reversed() {
                guard index > scalars.startIndex else { return false }
                scalars.formIndex(before: &index)
                if scalars[index].value != wanted { return false }
            }
        }
        return program.matches(scalars)
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

extension RegexNode {
    /// The scalars every whole match of this node ends with: the literal tail of a concatenation (through the
    /// first item that is not a literal, whose own suffix ends it), the common suffix of alternatives, the
    /// operand's suffix for a repetition of at least one. Zero-width anchors add nothing; a set or `.` ends it.
    var requiredSuffix: [UInt32] {
        switch self {
        case .scalar(let scalar):
            return [scalar.value]
        case .concat(let items):
            var tail: [UInt32] = []
            for item in items.reversed() {
                switch item {
                case .scalar(let scalar): tail.append(scalar.value)
                case .lineStart, .lineEnd, .empty: continue
                default: return item.requiredSuffix + tail.reversed()
                }
            }
            return tail.reversed()
        case .alternate(let branches):
            guard var common = branches.first?.requiredSuffix else { return [] }
            for branch in branches.dropFirst() where !common.isEmpty {
                let other = branch.requiredSuffix
                var shared = 0
                while shared < common.count, shared < other.count,
                      common[common.count - 1 - shared] == other[other.count - 1 - shared] { shared += 1 }
                common = Array(common.suffix(shared))
            }
            return common
        case .repeated(let operand, let min, _):
            return min >= 1 ? operand.requiredSuffix : []
        case .empty, .set, .lineStart, .lineEnd:
            return []
        }
    }
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
