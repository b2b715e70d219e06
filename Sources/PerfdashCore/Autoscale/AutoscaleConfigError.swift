/// A bad autoscaler setting, with the key path that names it so the caller can point at the line and column.
public struct AutoscaleConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One step of a key path: a table key or an array index.
    public enum PathComponent: Sendable, Equatable, CustomStringConvertible {
        /// A key of a table.
        case key(String)
        /// A position in an array (0-based).
        case index(Int)

        /// `key` or `[index]`.
        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// Where: e.g. `autoscaler`, `[0]`, `behavior`, `scale_up`, `policies`, `[1]`, `value`.
    public var keyPath: [PathComponent]
    /// What is wrong, for a person.
    public var message: String
    /// Line and column in the source text, when known (TOML syntax errors).
    public var line: Int?
    /// Column in the source text, when known.
    public var column: Int?

    /// Creates an error.
    public init(keyPath: [PathComponent], message: String, line: Int? = nil, column: Int? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.line = line
        self.column = column
    }

    /// The key path as people write it: `autoscaler[0].behavior.scale_up.policies[1].value`.
    public var dottedPath: String {
        var text = ""
        for component in keyPath {
            switch component {
            case .key(let key): text += text.isEmpty ? Echo.cut(key) : ".\(Echo.cut(key))"
            case .index: text += component.description
            }
        }
        return text
    }

    /// `autoscaler[0].step: must be at least 1`, with `line:column:` first when known.
    public var description: String {
        let place = line.map { "\($0):\(column ?? 1): " } ?? ""
        return keyPath.isEmpty ? place + message : "\(place)\(dottedPath): \(message)"
    }

    /// The same error under a longer path (the caller's prefix first).
    func prefixed(by prefix: [PathComponent]) -> AutoscaleConfigError {
        AutoscaleConfigError(keyPath: prefix + keyPath, message: message, line: line, column: column)
    }
}
