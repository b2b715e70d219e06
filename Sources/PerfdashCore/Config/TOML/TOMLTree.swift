/// The document as it is being built: tables stay open to later headers and dotted keys, so they are references
/// while parsing and become `ConfigTable` values once the whole text has been read.
final class TOMLTableNode {
    /// How a table came to exist, which decides what may still add to it (TOML 1.0, "Table" and "Inline Table").
    enum Origin {
        /// The document itself.
        case root
        /// Named only as a parent by a header (`[a]` for `[a.b]`): a later `[a]` may still define it.
        case implicit
        /// Defined by its own `[header]` or as an element of `[[header]]`.
        case header
        /// Created by a dotted key (`a.b = 1` creates `a`): more dotted keys and sub-table headers may add to it.
        case dotted
        /// `{ ... }`: complete as written.
        case inline
    }

    var origin: Origin
    let position: SourcePosition
    /// How many tables deep this one is (the root is 0); bounds recursion on hostile nesting.
    let depth: Int
    private var index: [String: Int] = [:]
    private(set) var entries: [(key: String, keyPosition: SourcePosition, node: TOMLNode)] = []

    init(origin: Origin, position: SourcePosition, depth: Int) {
        self.origin = origin
        self.position = position
        self.depth = depth
    }

    func child(_ key: String) -> TOMLNode? {
        index[key].map { entries[$0].node }
    }

    func add(_ key: String, at keyPosition: SourcePosition, _ node: TOMLNode) {
        index[key] = entries.count
        entries.append((key, keyPosition, node))
    }
}

/// `[[name]]` sections, in order.
final class TOMLTableArray {
    let position: SourcePosition
    var elements: [TOMLTableNode]

    init(position: SourcePosition, first: TOMLTableNode) {
        self.position = position
        self.elements = [first]
    }
}

/// One value of the document being built.
enum TOMLNode {
    case table(TOMLTableNode)
    case tableArray(TOMLTableArray)
    /// `[1, 2, { a = 1 }]`: complete as written.
    case array([TOMLNode], SourcePosition)
    case scalar(ConfigValue)

    /// The value's TOML type, for error lines.
    var typeName: String {
        switch self {
        case .table(let table): table.origin == .inline ? "inline table" : "table"
        case .tableArray: "array of tables"
        case .array: "array"
        case .scalar(let value): value.typeName
        }
    }
}

/// Turns the finished tree into the value types the rest of perfdash reads; error lines name tables by context.
enum TOMLTreeConverter {
    static func table(_ node: TOMLTableNode, context: String) -> ConfigTable {
        var entries: [ConfigEntry] = []
        entries.reserveCapacity(node.entries.count)
        for (key, keyPosition, child) in node.entries {
            let childContext = context == "the top level" ? "[\(key)]" : "\(context).\(key)"
            entries.append(ConfigEntry(key: key, keyPosition: keyPosition, value: value(child, context: childContext)))
        }
        return ConfigTable(entries: entries, position: node.position, context: context)
    }

    static func value(_ node: TOMLNode, context: String) -> ConfigValue {
        switch node {
        case .table(let table):
            return ConfigValue(.table(self.table(table, context: context)), at: table.position)
        case .tableArray(let array):
            let elements = array.elements.enumerated().map { offset, element in
                ConfigValue(.table(table(element, context: "\(context) #\(offset + 1)")), at: element.position)
            }
            return ConfigValue(.array(elements), at: array.position)
        case .array(let nodes, let position):
            let elements = nodes.enumerated().map { offset, element in
                value(element, context: "\(context) #\(offset + 1)")
            }
            return ConfigValue(.array(elements), at: position)
        case .scalar(let value):
            return value
        }
    }
}
