import TOMLKit

/// Reads TOML text into position-aware `ConfigTable`s: TOMLKit parses and validates the syntax, the position index
/// supplies the line and column of every key and value.
public enum ConfigDocument {
    /// Parses `text`; syntax errors come back as `file:line:column: reason`.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigTable {
        try parseKeepingTOML(text, file: file).root
    }

    /// Parses `text` once into both forms: the positioned tables, and TOMLKit's own (which section parsers that
    /// work on TOMLKit tables, like the autoscaler's, read).
    static func parseKeepingTOML(_ text: String,
                                 file: String) throws(ConfigError) -> (root: ConfigTable, toml: TOMLTable) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = SourcePosition(file: file, line: error.source.begin.line, column: error.source.begin.column)
            throw ConfigError(at: position, error.description)
        } catch {
            throw ConfigError(subject: file, "cannot parse: \(error)")
        }
        let index = TOMLPositionIndex(text: text, file: file)
        let converter = Converter(index: index, file: file)
        let table = converter.table(root, path: [], fallback: SourcePosition(file: file, line: 1, column: 1),
                                    context: "the top level")
        return (table, root)
    }

    private struct Converter {
        let index: TOMLPositionIndex
        let file: String

        func table(_ toml: TOMLTable, path: [ConfigPathComponent], fallback: SourcePosition,
                   context: String) -> ConfigTable {
            let position = index[path]?.value ?? fallback
            var entries: [ConfigEntry] = []
            for key in toml.keys {
                guard let child = toml[key] else { continue }
                let childPath = path + [.key(key)]
                let keyPosition = index[childPath]?.key ?? position
                let childContext = context == "the top level" ? "[\(key)]" : "\(context).\(key)"
                entries.append(ConfigEntry(key: key, keyPosition: keyPosition,
                                           value: value(child, path: childPath, fallback: keyPosition,
                                                        context: childContext)))
            }
            entries.sort { $0.keyPosition < $1.keyPosition }
            return ConfigTable(entries: entries, position: position, context: context)
        }

        func value(_ toml: any TOMLValueConvertible, path: [ConfigPathComponent], fallback: SourcePosition,
                   context: String) -> ConfigValue {
            let position = index[path]?.value ?? fallback
            switch toml.type {
            case .table:
                guard let nested = toml.table else { break }
                return ConfigValue(.table(table(nested, path: path, fallback: position, context: context)),
                                   at: position)
            case .array:
                guard let array = toml.array else { break }
                var elements: [ConfigValue] = []
                for (offset, element) in array.enumerated() {
                    elements.append(value(element, path: path + [.index(offset)], fallback: position,
                                          context: "\(context) #\(offset + 1)"))
                }
                return ConfigValue(.array(elements), at: position)
            case .string: return ConfigValue(.string(toml.string ?? ""), at: position)
            case .int: return ConfigValue(.integer(toml.int ?? 0), at: position)
            case .double: return ConfigValue(.float(toml.double ?? 0), at: position)
            case .bool: return ConfigValue(.bool(toml.bool ?? false), at: position)
            case .date, .time, .dateTime: break
            }
            return ConfigValue(.dateTime(toml.debugDescription), at: position)
        }
    }
}
