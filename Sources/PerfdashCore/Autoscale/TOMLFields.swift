import TOMLKit

/// Typed reads from one TOML table that name the key path in every error, and refuse keys nobody reads.
struct TOMLFields {
    typealias Path = [AutoscaleConfigError.PathComponent]

    let table: TOMLTable
    let path: Path

    func error(_ key: String, _ message: String) -> AutoscaleConfigError {
        AutoscaleConfigError(keyPath: path + [.key(key)], message: message)
    }

    func has(_ key: String) -> Bool { table.contains(key: key) }

    func string(_ key: String) throws(AutoscaleConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "must be a string, got \(value.type)") }
        return text
    }

    func int(_ key: String) throws(AutoscaleConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(key, "must be an integer, got \(describe(value))") }
        return number
    }

    func number(_ key: String) throws(AutoscaleConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        throw error(key, "must be a number, got \(describe(value))")
    }

    /// A duration: a string such as "90s", "5m", "1m30s", or a number of seconds.
    func duration(_ key: String) throws(AutoscaleConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let text = value.string {
            guard let seconds = try? DurationText.seconds(text) else {
                throw error(key, "must be a duration such as \"30s\", \"5m\" or \"1h\", got \"\(text)\"")
            }
            return seconds
        }
        if let seconds = value.double ?? value.int.map(Double.init), seconds >= 0 { return seconds }
        throw error(key, "must be a duration such as \"30s\", \"5m\" or a number of seconds, got \(describe(value))")
    }

    /// A string naming one case of `T` (as its raw value; case-insensitive).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(AutoscaleConfigError) -> T?
    where T.RawValue == String {
        guard let text = try string(key) else { return nil }
        if let match = T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return match }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw error(key, "must be one of \(allowed), got \"\(text)\"")
    }

    func subtable(_ key: String) throws(AutoscaleConfigError) -> TOMLFields? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw error(key, "must be a table, got \(value.type)") }
        return TOMLFields(table: sub, path: path + [.key(key)])
    }

    /// An array of tables: `[[x.key]]` sections or an inline `key = [{...}, {...}]`.
    func tables(_ key: String) throws(AutoscaleConfigError) -> [TOMLFields]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, "must be an array of tables, got \(value.type)") }
        var result: [TOMLFields] = []
        for index in 0..<array.count {
            let elementPath = path + [.key(key), .index(index)]
            guard let element = array[index].table else {
                throw AutoscaleConfigError(keyPath: elementPath, message: "must be a table, got \(array[index].type)")
            }
            result.append(TOMLFields(table: element, path: elementPath))
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

    private func describe(_ value: any TOMLValueConvertible) -> String {
        value.type == .string ? "\"\(value.string ?? "")\"" : "\(value.type)"
    }
}
