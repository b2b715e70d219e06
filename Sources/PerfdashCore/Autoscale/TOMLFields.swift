/// Typed reads from one config table that name the key path in every error, and refuse keys nobody reads.
struct TOMLFields {
    typealias Path = [AutoscaleConfigError.PathComponent]

    let table: ConfigTable
    let path: Path

    func error(_ key: String, _ message: String) -> AutoscaleConfigError {
        AutoscaleConfigError(keyPath: path + [.key(key)], message: message)
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    func string(_ key: String) throws(AutoscaleConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard case .string(let text) = value.content else {
            throw error(key, "must be a string, got \(value.typeName)")
        }
        return text
    }

    func int(_ key: String) throws(AutoscaleConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard case .integer(let number) = value.content else {
            throw error(key, "must be an integer, got \(describe(value))")
        }
        return number
    }

    func number(_ key: String) throws(AutoscaleConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        switch value.content {
        case .float(let number): return number
        case .integer(let number): return Double(number)
        default: throw error(key, "must be a number, got \(describe(value))")
        }
    }

    /// A duration: a string such as "90s", "5m", "1m30s", or a number of seconds; 0 s to 365 days.
    func duration(_ key: String) throws(AutoscaleConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        let seconds: Double
        switch value.content {
        case .string(let text):
            do {
                seconds = try DurationText.seconds(text)
            } catch where error.reason.hasPrefix("must be at most") {
                throw self.error(key, "must be a duration from 0 s to 365 days, got \(describe(value))")
            } catch {
                throw self.error(key, "must be a duration such as \"30s\", \"5m\" or \"1h\", got \(describe(value))")
            }
        case .float(let number) where number >= 0: seconds = number
        case .integer(let number) where number >= 0: seconds = Double(number)
        default:
            throw error(key, "must be a duration such as \"30s\", \"5m\" or a number of seconds, got \(describe(value))")
        }
        guard seconds <= AutoscalerSpec.maxSeconds else {
            throw error(key, "must be a duration from 0 s to 365 days, got \(describe(value))")
        }
        return seconds
    }

    /// A string naming one case of `T` (as its raw value; case-insensitive).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(AutoscaleConfigError) -> T?
    where T.RawValue == String {
        guard let text = try string(key) else { return nil }
        if let match = T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return match }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw error(key, "must be one of \(allowed), got \"\(Echo.cut(text))\"")
    }

    func subtable(_ key: String) throws(AutoscaleConfigError) -> TOMLFields? {
        guard let value = table[key] else { return nil }
        guard case .table(let sub) = value.content else { throw error(key, "must be a table, got \(value.typeName)") }
        return TOMLFields(table: sub, path: path + [.key(key)])
    }

    /// An array of tables: `[[x.key]]` sections or an inline `key = [{...}, {...}]`.
    func tables(_ key: String) throws(AutoscaleConfigError) -> [TOMLFields]? {
        guard let value = table[key] else { return nil }
        guard case .array(let array) = value.content else {
            throw error(key, "must be an array of tables, got \(value.typeName)")
        }
        var result: [TOMLFields] = []
        for (index, element) in array.enumerated() {
            let elementPath = path + [.key(key), .index(index)]
            guard case .table(let table) = element.content else {
                throw AutoscaleConfigError(keyPath: elementPath, message: "must be a table, got \(element.typeName)")
            }
            result.append(TOMLFields(table: table, path: elementPath))
        }
        return result
    }

    /// Fails on the first key (in sorted order) that is not in `allowed`, saying what is allowed instead.
    func rejectUnknown(allowed: Set<String>, hint: (String) -> String? = { _ in nil }) throws(AutoscaleConfigError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw error(key, hint(key) ?? "unknown key; known keys here: \(known)")
        }
    }

    private func describe(_ value: ConfigValue) -> String {
        switch value.content {
        case .string(let text): "\"\(Echo.cut(text))\""
        case .integer(let number): String(number)
        case .float(let number): "\(number)"
        default: value.typeName
        }
    }
}
