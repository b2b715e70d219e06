/// Finds, reads and validates the config file. perfdash only ever reads it.
public enum ConfigLoader {
    static let topLevelKeys: Set<String> = ["interval", "window", "theme", "graph", "root", "service", "autoscaler",
                                          "alert", "alerts", "advisor", "prometheus"]

    /// `$XDG_CONFIG_HOME/perfdash/config.toml`, else `$HOME/.config/perfdash/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/perfdash/config.toml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? LocalFile.homeDirectory()
        return home + "/.config/perfdash/config.toml"
    }

    /// Loads `path`, or the default path when nil; a missing default file means the built-in defaults, a missing
    /// explicit file is an error. `environment` resolves `password_env` (pass `ProcessInfo.processInfo.environment`).
    public static func load(path: String?, environment: [String: String]) throws(ConfigError) -> PerfdashConfig {
        let file = path ?? defaultPath(environment: environment)
        guard let bytes = LocalFile.contents(of: file) else {
            if path == nil, !LocalFile.exists(file) { return .defaults }
            let reason = LocalFile.exists(file) ? "cannot read the file" : "no such file"
            throw ConfigError(subject: file, reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(subject: file, "not UTF-8 text")
        }
        return try parse(text, file: file, environment: environment)
    }

    /// Validates config text; `file` names it in error lines.
    public static func parse(_ text: String, file: String,
                             environment: [String: String]) throws(ConfigError) -> PerfdashConfig {
        let root = try ConfigDocument.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: topLevelKeys)
        var config = PerfdashConfig.defaults
        config.origin = file
        if let interval = try root.duration("interval") {
            guard interval >= .milliseconds(10), interval <= .seconds(3600) else {
                throw root.error("interval", "must be between 10ms and 1h, got \(ConfigUnits.format(interval))")
            }
            config.interval = interval
        }
        if let window = try root.duration("window") {
            // The statistics engine keeps exactly these three windows (`w` cycles them).
            guard PerfdashConfig.windows.contains(window) else {
                throw root.error("window", "expected 1m, 5m or 15m, got \(ConfigUnits.format(window))")
            }
            config.window = window
        }
        if let theme = try root.string("theme") {
            guard !theme.isEmpty, !theme.contains("/") else { throw root.error("theme", "expected a theme name") }
            config.theme = theme
        }
        if let graph = try root.choice("graph", PerfdashConfig.GraphStyle.allCases.map(\.rawValue)) {
            config.graph = PerfdashConfig.GraphStyle(rawValue: graph) ?? .braille
        }
        if let rootPath = try root.string("root") {
            guard !rootPath.isEmpty else { throw root.error("root", "expected a directory path") }
            config.root = rootPath
        }
        var names: Set<String> = []
        for (offset, var table) in (try root.tables("service") ?? []).enumerated() {
            table.context = "[[service]] #\(offset + 1)"
            let service = try ServiceConfigParser.parse(table, environment: environment)
            guard names.insert(service.name).inserted else {
                throw table.error("name", "a service named \"\(service.name)\" is already defined")
            }
            config.services.append(service)
        }
        // `[[autoscaler]]` entries; a single `[autoscaler]` table counts as one (the autoscaler parser accepts both).
        var autoscalers: [ConfigTable] = []
        if case .table(let single)? = root["autoscaler"]?.content {
            autoscalers = [single]
        } else {
            autoscalers = try root.tables("autoscaler") ?? []
        }
        config.autoscalerTables = autoscalers.enumerated().map { offset, table in
            var table = table
            table.context = "[[autoscaler]] #\(offset + 1)"
            return table
        }
        config.autoscalers = try autoscalerSpecs(root)
        config.alerts = try AlertConfigParser.parse(alerts: try root.tables("alert") ?? [],
                                                    switches: try root.table("alerts"))
        config.advisor = try AdvisorSettings.parse(try root.table("advisor"))
        if let section = try root.table("prometheus") {
            var section = section
            section.context = "[prometheus]"
            config.prometheus = try PrometheusConfigParser.parse(section, environment: environment)
        }
        return config
    }

    /// The autoscaler section, validated by the autoscaler's own parser; its errors, which name a key path,
    /// are placed at that key's line and column.
    private static func autoscalerSpecs(_ document: ConfigTable) throws(ConfigError) -> [AutoscalerSpec] {
        do {
            return try AutoscalerSpec.parseAll(document: document)
        } catch {
            let path = error.keyPath.map { component -> ConfigPathComponent in
                switch component {
                case .key(let key): .key(key)
                case .index(let index): .index(index)
                }
            }
            let positions = ConfigPositions(root: document)
            // An unknown key is wrong as written: point at the key, every other error at the value.
            let position = error.message.hasPrefix("unknown key") ? positions.keyPosition(of: path)
                : positions.position(of: path)
            throw ConfigError(at: position, error.keyPath.isEmpty ? error.message
                                  : "\(error.dottedPath): \(error.message)")
        }
    }
}
