/// A TOML 1.0 parser that keeps the line and column of every key and value.
///
/// Written for perfdash's config: one pass over the bytes (linear in the text), bounded nesting, and every malformed
/// input refused with `file:line:column: reason` — nothing in it can trap or assert. Dates and times are checked and
/// kept as written; perfdash has no date settings.
struct TOMLParser {
    /// Tables, arrays and dotted keys nested deeper than this are refused (recursion stays shallow).
    static let maxDepth = 64

    private var cursor: TOMLCursor
    private let root: TOMLTableNode
    private var current: TOMLTableNode

    /// Parses `text`; `file` names it in positions and error lines.
    static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigTable {
        var parser = TOMLParser(text: text, file: file)
        try parser.document()
        return TOMLTreeConverter.table(parser.root, context: "the top level")
    }

    private init(text: String, file: String) {
        cursor = TOMLCursor(text, file: file)
        root = TOMLTableNode(origin: .root, position: SourcePosition(file: file, line: 1, column: 1), depth: 0)
        current = root
    }

    private mutating func document() throws(ConfigError) {
        // A byte-order mark is allowed before the document.
        if cursor.looking(at: "\u{FEFF}") { cursor.advance(by: 3) }
        while true {
            try cursor.skipBlank()
            guard !cursor.atEnd else { return }
            if cursor.peek() == UInt8(ascii: "[") {
                try header()
            } else {
                try keyValue(into: current)
            }
            try cursor.expectEndOfLine()
        }
    }

    // MARK: Headers

    private mutating func header() throws(ConfigError) {
        let start = cursor.position
        cursor.advance()
        let isArray = cursor.peek() == UInt8(ascii: "[")
        if isArray { cursor.advance() }
        let keys = try cursor.readKey()
        guard keys.count <= Self.maxDepth else { throw ConfigError(at: start, "table nested too deeply") }
        for _ in 0..<(isArray ? 2 : 1) {
            guard cursor.peek() == UInt8(ascii: "]") else {
                throw cursor.error("expected \(isArray ? "]]" : "]") to close the header, found \(cursor.describeHere())")
            }
            cursor.advance()
        }
        var table = root
        for (offset, key) in keys.dropLast().enumerated() {
            let depth = offset + 1
            switch table.child(key) {
            case nil:
                let created = TOMLTableNode(origin: .implicit, position: start, depth: depth)
                table.add(key, at: start, .table(created))
                table = created
            case .table(let existing) where existing.origin != .inline:
                table = existing
            case .tableArray(let array):
                table = array.elements[array.elements.count - 1]
            case let other?:
                throw ConfigError(at: start, "\(Self.dotted(keys.prefix(offset + 1))) is already defined as \(Self.article(other.typeName))")
            }
        }
        let name = Self.dotted(keys[...])
        let last = keys[keys.count - 1]
        let created = TOMLTableNode(origin: .header, position: start, depth: keys.count)
        switch table.child(last) {
        case nil:
            table.add(last, at: start, isArray ? .tableArray(TOMLTableArray(position: start, first: created)) : .table(created))
            current = created
        case .tableArray(let array) where isArray:
            array.elements.append(created)
            current = created
        case .table(let existing) where !isArray && existing.origin == .implicit:
            existing.origin = .header
            current = existing
        case .table(let existing) where !isArray && existing.origin == .header:
            throw ConfigError(at: start, "table [\(name)] is defined twice")
        case let other?:
            throw ConfigError(at: start, "\(isArray ? "[[\(name)]]" : "[\(name)]") cannot be defined: \(name) is already "
                                  + Self.article(other.typeName) + (other.isDottedTable ? " (made by dotted keys)" : ""))
        }
    }

    // MARK: Key/value pairs

    private mutating func keyValue(into table: TOMLTableNode) throws(ConfigError) {
        let keyStart = cursor.position
        let keys = try cursor.readKey()
        guard table.depth + keys.count <= Self.maxDepth else { throw ConfigError(at: keyStart, "key nested too deeply") }
        guard cursor.peek() == UInt8(ascii: "=") else {
            throw cursor.error("expected \"=\" after the key \(Self.dotted(keys[...])), found \(cursor.describeHere())")
        }
        cursor.advance()
        cursor.skipWhitespace()
        var target = table
        for (offset, key) in keys.dropLast().enumerated() {
            switch target.child(key) {
            case nil:
                let created = TOMLTableNode(origin: .dotted, position: keyStart, depth: target.depth + 1)
                target.add(key, at: keyStart, .table(created))
                target = created
            case .table(let existing) where existing.origin == .dotted:
                target = existing
            case let other?:
                throw ConfigError(at: keyStart, "\(Self.dotted(keys.prefix(offset + 1))) is already defined as "
                                      + "\(Self.article(other.typeName)); a dotted key cannot add to it")
            }
        }
        let last = keys[keys.count - 1]
        guard target.child(last) == nil else {
            throw ConfigError(at: keyStart, "duplicate key \(Self.dotted(keys[...]))")
        }
        target.add(last, at: keyStart, try value(depth: target.depth + 1))
    }

    private mutating func value(depth: Int) throws(ConfigError) -> TOMLNode {
        let start = cursor.position
        guard depth <= Self.maxDepth else { throw ConfigError(at: start, "value nested too deeply") }
        switch cursor.peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .scalar(ConfigValue(.string(try cursor.readString()), at: start))
        case UInt8(ascii: "["):
            return try array(depth: depth)
        case UInt8(ascii: "{"):
            return try inlineTable(depth: depth)
        default:
            return .scalar(ConfigValue(try TOMLScalar.read(&cursor), at: start))
        }
    }

    private mutating func array(depth: Int) throws(ConfigError) -> TOMLNode {
        let start = cursor.position
        cursor.advance()
        var elements: [TOMLNode] = []
        while true {
            try cursor.skipBlank()
            if cursor.peek() == UInt8(ascii: "]") { break }
            elements.append(try value(depth: depth + 1))
            try cursor.skipBlank()
            if cursor.peek() == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            guard cursor.peek() == UInt8(ascii: "]") else {
                throw cursor.error("expected \",\" or \"]\" in the array, found \(cursor.describeHere())")
            }
            break
        }
        cursor.advance()
        return .array(elements, start)
    }

    private mutating func inlineTable(depth: Int) throws(ConfigError) -> TOMLNode {
        let table = TOMLTableNode(origin: .inline, position: cursor.position, depth: depth)
        cursor.advance()
        cursor.skipWhitespace()
        if cursor.peek() == UInt8(ascii: "}") {
            cursor.advance()
            return .table(table)
        }
        while true {
            cursor.skipWhitespace()
            try keyValue(into: table)
            cursor.skipWhitespace()
            if cursor.peek() == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            guard cursor.peek() == UInt8(ascii: "}") else {
                throw cursor.error("expected \",\" or \"}\" in the inline table (on one line), found \(cursor.describeHere())")
            }
            cursor.advance()
            return .table(table)
        }
    }

    // MARK: Wording

    private static func dotted(_ keys: ArraySlice<String>) -> String {
        Echo.cut(keys.map { key in
            !key.isEmpty && key.utf8.allSatisfy(TOMLCursor.isBareKeyByte) ? key : "\"\(key)\""
        }.joined(separator: "."))
    }

    private static func article(_ typeName: String) -> String {
        (typeName.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + typeName
    }
}

private extension TOMLNode {
    var isDottedTable: Bool {
        if case .table(let table) = self { return table.origin == .dotted }
        return false
    }
}
