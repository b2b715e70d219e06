/// One step in the path to a TOML value: a key, or an index into an array (arrays of tables included).
public enum ConfigPathComponent: Hashable, Sendable {
    /// A table key.
    case key(String)
    /// A 0-based array index (`[[service]]` entries are indices too).
    case index(Int)
}

/// Line and column of any key path in a parsed config, for parsers that report errors by key path.
///
/// `position(of: [.key("autoscaler"), .index(1), .key("cooldown")])` gives where the second autoscaler's cooldown
/// value starts; a path the text does not spell out (a default, a missing key) falls back to its nearest ancestor.
public struct ConfigPositions: Sendable {
    private let root: ConfigTable

    /// Positions within `root`, as `ConfigDocument.parse` returned it.
    public init(root: ConfigTable) {
        self.root = root
    }

    /// Where the value at `path` starts, or its nearest written ancestor, or the root's position.
    public func position(of path: [ConfigPathComponent]) -> SourcePosition {
        walk(path).value
    }

    /// Where the key at `path` is written (for unknown-key errors), with the same fallback.
    public func keyPosition(of path: [ConfigPathComponent]) -> SourcePosition {
        let found = walk(path)
        return found.complete ? found.key : found.value
    }

    private func walk(_ path: [ConfigPathComponent]) -> (key: SourcePosition, value: SourcePosition, complete: Bool) {
        var key = root.position
        var value = root.position
        var content = ConfigValue.Content.table(root)
        for component in path {
            switch (component, content) {
            case (.key(let name), .table(let table)):
                guard let entry = table.entries.first(where: { $0.key == name }) else { return (key, value, false) }
                key = entry.keyPosition
                value = entry.value.position
                content = entry.value.content
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                key = elements[index].position
                value = elements[index].position
                content = elements[index].content
            default:
                return (key, value, false)
            }
        }
        return (key, value, true)
    }
}
