/// Typed reads with positioned errors, shared by every section's parser (services here, autoscalers in Autoscale/).
extension ConfigTable {
    /// Fails on the first key not in `allowed`, pointing at the key and suggesting the closest allowed one.
    public func rejectUnknownKeys(allowed: Set<String>) throws(ConfigError) {
        for entry in entries where !allowed.contains(entry.key) {
            var reason = "unknown key \"\(entry.key)\" in \(context)"
            if let close = Spelling.closest(to: entry.key, in: allowed) { reason += " (did you mean \"\(close)\"?)" }
            throw ConfigError(at: entry.keyPosition, reason)
        }
    }

    /// An error at `key`'s value (or the table when absent).
    public func error(_ key: String, _ reason: String) -> ConfigError {
        ConfigError(at: self[key]?.position ?? position, "\(key): \(reason)")
    }

    /// A required key's value, or an error at the table naming what is missing.
    public func required(_ key: String) throws(ConfigError) -> ConfigValue {
        guard let value = self[key] else { throw ConfigError(at: position, "\(context) needs \(key)") }
        return value
    }

    /// A string, or nil when absent.
    public func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = self[key] else { return nil }
        guard case .string(let text) = value.content else { throw typeError(key, "a string", value) }
        return text
    }

    /// An integer, or nil when absent.
    public func integer(_ key: String) throws(ConfigError) -> Int? {
        guard let value = self[key] else { return nil }
        guard case .integer(let number) = value.content else { throw typeError(key, "an integer", value) }
        return number
    }

    /// A number (integer or float), or nil when absent.
    public func number(_ key: String) throws(ConfigError) -> Double? {
        guard let value = self[key] else { return nil }
        switch value.content {
        case .integer(let number): return Double(number)
        case .float(let number): return number
        default: throw typeError(key, "a number", value)
        }
    }

    /// A boolean, or nil when absent.
    public func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .bool(let flag) = value.content else { throw typeError(key, "true or false", value) }
        return flag
    }

    /// A duration written `"500ms"`, `"2s"`, `"5m"`, `"1h"` or as a number of seconds; positive, at most 365 days.
    public func duration(_ key: String) throws(ConfigError) -> Duration? {
        guard let value = self[key] else { return nil }
        let seconds: Double?
        switch value.content {
        case .integer(let number): seconds = Double(number)
        case .float(let number): seconds = number.isFinite ? number : nil
        case .string(let text): seconds = try? DurationText.seconds(text)
        default: throw typeError(key, "a duration like \"500ms\" or \"2s\"", value)
        }
        guard let seconds, seconds > 0, (seconds * 1000).rounded() >= 1 else {
            throw error(key, "expected a positive duration like \"500ms\", \"2s\" or \"5m\", got \(Self.show(value))")
        }
        guard seconds <= ConfigUnits.maxSeconds else { throw error(key, "must be at most 365 days") }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// A byte size written `"32MiB"`, `"512KiB"`, `"10MB"` or as a number of bytes; must be positive.
    public func byteSize(_ key: String) throws(ConfigError) -> Int? {
        guard let value = self[key] else { return nil }
        let parsed: Int?
        switch value.content {
        case .integer(let bytes): parsed = bytes
        case .string(let text): parsed = ConfigUnits.byteSize(text)
        default: throw typeError(key, "a size like \"32MiB\"", value)
        }
        guard let parsed, parsed > 0 else {
            throw error(key, "expected a positive size like \"32MiB\" or \"512KiB\", got \(Self.show(value))")
        }
        return parsed
    }

    /// A list of strings; a single string counts as a list of one.
    public func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = self[key] else { return nil }
        switch value.content {
        case .string(let text): return [text]
        case .array(let elements):
            var result: [String] = []
            for element in elements {
                guard case .string(let text) = element.content else {
                    throw ConfigError(at: element.position, "\(key): expected strings, got \(element.typeName)")
                }
                result.append(text)
            }
            return result
        default: throw typeError(key, "a list of strings", value)
        }
    }

    /// A sub-table, or nil when absent.
    public func table(_ key: String) throws(ConfigError) -> ConfigTable? {
        guard let value = self[key] else { return nil }
        guard case .table(let table) = value.content else { throw typeError(key, "a table", value) }
        return table
    }

    /// An array of tables (`[[key]]`), or nil when absent.
    public func tables(_ key: String) throws(ConfigError) -> [ConfigTable]? {
        guard let value = self[key] else { return nil }
        guard case .array(let elements) = value.content else {
            throw ConfigError(at: value.position, "\(key): expected [[\(key)]] entries, got \(value.typeName)")
        }
        var result: [ConfigTable] = []
        for element in elements {
            guard case .table(let table) = element.content else {
                throw ConfigError(at: element.position, "\(key): expected [[\(key)]] entries, got \(element.typeName)")
            }
            result.append(table)
        }
        return result
    }

    /// One of `options` (case-insensitive), or nil when absent.
    public func choice(_ key: String, _ options: [String]) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard let match = options.first(where: { $0.caseInsensitiveEquals(text) }) else {
            throw error(key, "expected one of \(options.joined(separator: ", ")), got \"\(text)\"")
        }
        return match
    }

    private func typeError(_ key: String, _ expected: String, _ value: ConfigValue) -> ConfigError {
        ConfigError(at: value.position, "\(key): expected \(expected), got \(value.typeName)")
    }

    private static func show(_ value: ConfigValue) -> String {
        switch value.content {
        case .string(let text): "\"\(text)\""
        case .integer(let number): String(number)
        case .float(let number): String(number)
        default: value.typeName
        }
    }
}

private extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
