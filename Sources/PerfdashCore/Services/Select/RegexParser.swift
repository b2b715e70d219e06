/// Reads an RE2-syntax pattern into a `RegexNode` tree; errors carry the scalar offset where the pattern broke.
struct RegexParser {
    /// Deepest group nesting accepted (the parser and compiler recurse once per level).
    static let maximumNesting = 200

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    /// Set by a leading `(?i)`.
    private(set) var caseInsensitive = false

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func parseAll() throws(SelectorError) -> RegexNode {
        if starts(with: "(?i)") {
            caseInsensitive = true
            index += 4
        }
        let node = try alternation()
        if index < scalars.count {
            throw SelectorError(offset: index, "unexpected \")\" in regex")
        }
        return node
    }

    private func starts(with text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func alternation() throws(SelectorError) -> RegexNode {
        var branches = [try concatenation()]
        while peek == "|" {
            index += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func concatenation() throws(SelectorError) -> RegexNode {
        var items: [RegexNode] = []
        while let next = peek, next != "|", next != ")" {
            items.append(try repetition())
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    private mutating func repetition() throws(SelectorError) -> RegexNode {
        let start = index
        var node = try atom()
        while let next = peek {
            let bounds: (Int, Int?)
            switch next {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let counted = try countedBounds() else { return node }
                bounds = counted
            default:
                return node
            }
            if case .repeated = node { throw SelectorError(offset: index - 1, "repeated repetition in regex") }
            if case .lineStart = node { throw SelectorError(offset: start, "nothing to repeat in regex") }
            if peek == "?" { index += 1 }  // lazy: the same set of whole-value matches
            node = .repeated(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{n}`, `{n,}` or `{n,m}`; nil (and nothing consumed) when the brace is a literal, as in RE2.
    private mutating func countedBounds() throws(SelectorError) -> (Int, Int?)? {
        let open = index
        var cursor = index + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while cursor < scalars.count, let digit = Int(exactly: scalars[cursor].value), (48...57).contains(digit) {
                value = min(value * 10 + digit - 48, 1_000_000)
                digits += 1
                cursor += 1
            }
            return digits > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        let limit = LabelRegex.maximumRepeat
        guard low <= limit, (high ?? 0) <= limit else {
            throw SelectorError(offset: open, "repeat count above \(limit) in regex")
        }
        if let high, high < low { throw SelectorError(offset: open, "bad repeat range {\(low),\(high)} in regex") }
        index = cursor + 1
        return (low, high)
    }

    private mutating func atom() throws(SelectorError) -> RegexNode {
        let start = index
        guard let next = peek else { throw SelectorError(offset: index, "unexpected end of regex") }
        index += 1
        switch next {
        case "(":
            depth += 1
            guard depth <= Self.maximumNesting else { throw SelectorError(offset: start, "regex nests too deeply") }
            if starts(with: "?:") {
                index += 2
            } else if peek == "?" {
                throw SelectorError(offset: start, "unsupported group flag in regex (only (?:…) and a leading (?i))")
            }
            let inner = try alternation()
            guard peek == ")" else { throw SelectorError(offset: start, "missing \")\" in regex") }
            index += 1
            depth -= 1
            // Wrapped, so `(a*)*` is a repeated group (RE2 accepts it) while `a**` stays refused.
            return .concat([inner])
        case "*", "+", "?":
            throw SelectorError(offset: start, "nothing to repeat in regex")
        case ".":
            return .set(.any)
        case "^":
            return .lineStart
        case "$":
            return .lineEnd
        case "[":
            return .set(try characterClass(start: start))
        case "\\":
            return try escape(start: start, inClass: false).node
        default:
            return .scalar(next)
        }
    }

    private mutating func characterClass(start: Int) throws(SelectorError) -> ScalarSet {
        var set = ScalarSet(ranges: [], negated: false)
        if peek == "^" {
            set.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let next = peek else { throw SelectorError(offset: start, "missing \"]\" in regex") }
            if next == "]", !first {
                index += 1
                return set
            }
            first = false
            let itemStart = index
            index += 1
            var low: UInt32
            if next == "\\" {
                let escaped = try escape(start: itemStart, inClass: true)
                guard let scalar = escaped.scalar else {
                    if case .set(let inner) = escaped.node, !inner.negated { set.ranges += inner.ranges; continue }
                    throw SelectorError(offset: itemStart, "negated class escape inside [] is not supported")
                }
                low = scalar.value
            } else {
                low = next.value
            }
            var high = low
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                let endStart = index
                guard let end = peek else { throw SelectorError(offset: start, "missing \"]\" in regex") }
                index += 1
                if end == "\\" {
                    guard let scalar = try escape(start: endStart, inClass: true).scalar else {
                        throw SelectorError(offset: endStart, "bad range end in regex class")
                    }
                    high = scalar.value
                } else {
                    high = end.value
                }
                guard low <= high else { throw SelectorError(offset: itemStart, "bad range in regex class") }
            }
            set.ranges.append(low...high)
        }
    }

    /// Reads after a backslash: a literal scalar, or a class (`\d`).
    private mutating func escape(start: Int, inClass: Bool) throws(SelectorError)
        -> (node: RegexNode, scalar: Unicode.Scalar?) {
        guard let next = peek else { throw SelectorError(offset: start, "trailing backslash in regex") }
        index += 1
        switch next {
        case "d": return (.set(.digit), nil)
        case "D": return (.set(ScalarSet(ranges: ScalarSet.digit.ranges, negated: true)), nil)
        case "w": return (.set(.word), nil)
        case "W": return (.set(ScalarSet(ranges: ScalarSet.word.ranges, negated: true)), nil)
        case "s": return (.set(.space), nil)
        case "S": return (.set(ScalarSet(ranges: ScalarSet.space.ranges, negated: true)), nil)
        case "n": return (.scalar("\n"), "\n")
        case "t": return (.scalar("\t"), "\t")
        case "r": return (.scalar("\r"), "\r")
        case "f": return (.scalar("\u{0C}"), "\u{0C}")
        case "v": return (.scalar("\u{0B}"), "\u{0B}")
        default:
            // RE2 accepts an escaped punctuation character as itself; escaped letters and digits are classes or
            // back-references it does not have.
            let value = next.value
            let isPunctuation = (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
            guard isPunctuation else {
                throw SelectorError(offset: start, "unsupported escape \\\(Character(next)) in regex")
            }
            return (.scalar(next), next)
        }
    }
}
