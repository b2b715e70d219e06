/// A TOML value with the place it was written, so later validation can point at it.
public struct ConfigValue: Sendable, Equatable {
    /// The value itself.
    public enum Content: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        /// Dates and times, checked and kept as written (perfdash has no date settings).
        case dateTime(String)
        case array([ConfigValue])
        case table(ConfigTable)
    }

    /// The value.
    public var content: Content
    /// Where the value starts (for a table: its header or first key).
    public var position: SourcePosition

    /// Creates a value.
    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// The TOML type name used in error lines: `string`, `integer`, `array`…
    public var typeName: String {
        switch content {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .dateTime: "date-time"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// One `key = value` of a table, with the key's own position (unknown-key errors point at the key).
public struct ConfigEntry: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Where the key is written.
    public var keyPosition: SourcePosition
    /// The value.
    public var value: ConfigValue

    /// Creates an entry.
    public init(key: String, keyPosition: SourcePosition, value: ConfigValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A TOML table in file order, with positions; what `[[autoscaler]]` entries are handed over as.
public struct ConfigTable: Sendable, Equatable {
    /// The entries in the order they appear in the file.
    public var entries: [ConfigEntry]
    /// Where the table starts (its header, or its first key for the root).
    public var position: SourcePosition
    /// How error lines name the table: `[[service]] "api"`, `[[autoscaler]] #2`, `the top level`.
    public var context: String

    /// Creates a table.
    public init(entries: [ConfigEntry], position: SourcePosition, context: String) {
        self.entries = entries
        self.position = position
        self.context = context
    }

    /// The value at `key`, if present.
    public subscript(key: String) -> ConfigValue? {
        entries.first { $0.key == key }?.value
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// Where `key` is written, or the table's own position when absent.
    public func keyPosition(_ key: String) -> SourcePosition {
        entries.first { $0.key == key }?.keyPosition ?? position
    }
}
