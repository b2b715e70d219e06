/// Reads a service's `preset` key and `[service.selectors]` table into `ServiceSelectors`.
///
/// A selector that does not parse is refused at its own place: the value's position plus the column inside the
/// string (exact for single-line strings without escapes before the fault).
enum SelectorConfigParser {
    /// Keys of `[service.selectors]`: one per figure, plus `<group>_by`.
    static let keys: Set<String> = Set(ServiceFigure.allCases.map(\.rawValue))
        .union(FigureGroup.allCases.map { "\($0.rawValue)_by" })

    /// The `preset` key's choices.
    static var presetChoices: [String] { ["auto", "none"] + ServicePreset.all.map(\.name) }

    static func parse(preset: String?, table: ConfigTable?) throws(ConfigError) -> ServiceSelectors {
        var selectors = ServiceSelectors.automatic
        switch preset {
        case nil, "auto": selectors.preset = .auto
        case "none": selectors.preset = .none
        case let name?: selectors.preset = .named(name)
        }
        guard var table else { return selectors }
        table.context = "[service.selectors]"
        try table.rejectUnknownKeys(allowed: keys)
        for figure in ServiceFigure.allCases {
            guard let value = table[figure.rawValue] else { continue }
            var parsed: [MetricSelector] = []
            for (text, position) in try strings(value, key: figure.rawValue, table: table) {
                do {
                    parsed.append(try MetricSelector(parsing: text))
                } catch {
                    let at = SourcePosition(file: position.file, line: position.line,
                                            column: position.column + 1 + error.offset)
                    throw ConfigError(at: at, "selectors.\(figure.rawValue): \(error.reason) in '\(text)'")
                }
            }
            guard !parsed.isEmpty else { throw table.error(figure.rawValue, "expected at least one selector") }
            selectors.overrides[figure] = parsed
        }
        for group in FigureGroup.allCases {
            let key = "\(group.rawValue)_by"
            guard let value = table[key] else { continue }
            let labels = try strings(value, key: key, table: table)
            for (label, position) in labels where !isLabelName(label) {
                throw ConfigError(at: position, "selectors.\(key): \"\(label)\" is not a label name")
            }
            selectors.by[group] = labels.map(\.0)
        }
        return selectors
    }

    /// A string, or an array of strings, with each one's position.
    private static func strings(_ value: ConfigValue, key: String,
                                table: ConfigTable) throws(ConfigError) -> [(String, SourcePosition)] {
        switch value.content {
        case .string(let text):
            return [(text, value.position)]
        case .array(let elements):
            var out: [(String, SourcePosition)] = []
            for element in elements {
                guard case .string(let text) = element.content else {
                    throw ConfigError(at: element.position, "selectors.\(key): expected strings")
                }
                out.append((text, element.position))
            }
            return out
        default:
            throw table.error(key, "expected a string or an array of strings")
        }
    }

    private static func isLabelName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !(48...57).contains(first.value) else { return false }
        return text.unicodeScalars.allSatisfy {
            (65...90).contains($0.value) || (97...122).contains($0.value) || (48...57).contains($0.value)
                || $0 == "_"
        }
    }
}
