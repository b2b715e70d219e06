/// Prints a config as TOML that perfdash reads back to the same config; passwords are never printed.
public enum ConfigRenderer {
    /// The effective config as TOML, every setting spelled out with its default filled in.
    public static func render(_ config: PerfdashConfig) -> String {
        var out = "# perfdash effective config (from \(config.origin))\n"
        out += "interval = \(quote(ConfigUnits.format(config.interval)))\n"
        out += "window = \(quote(ConfigUnits.format(config.window)))\n"
        out += "theme = \(quote(config.theme))\n"
        out += "graph = \(quote(config.graph.rawValue))\n"
        out += "root = \(quote(config.root))\n"
        for service in config.services {
            out += "\n[[service]]\nname = \(quote(service.name))\nkind = \(quote(service.kind))\n"
            switch service.endpoint {
            case .http(let endpoint, let bodyLimit, let metrics):
                out += "url = \(quote(endpoint.description))\n"
                out += "timeout = \(quote(ConfigUnits.format(service.timeout)))\n"
                out += "body_limit = \(quote(ConfigUnits.format(bytes: bodyLimit)))\n"
                if let interval = service.interval { out += "interval = \(quote(ConfigUnits.format(interval)))\n" }
                out += "preset = \(quote(presetName(metrics.selectors.preset)))\n"
                out += "\n[service.metrics]\n"
                out += "cache_hits = \(quote(metrics.cacheHits))\n"
                out += "cache_misses = \(quote(metrics.cacheMisses))\n"
                out += "cache_evictions = \(quote(metrics.cacheEvictions))\n"
                out += "cache_labels = \(list(metrics.cacheLabels))\n"
                out += "queue_depth = \(list(metrics.queueDepth))\n"
                out += "queue_label = \(quote(metrics.queueLabel))\n"
                out += "latency = \(quote(metrics.latency))\n"
                out += selectors(metrics.selectors)
            case .redis(let redis):
                let host = redis.host.contains(":") ? "[\(redis.host)]" : redis.host
                out += "redis = \(quote("\(host):\(redis.port)"))\n"
                out += "timeout = \(quote(ConfigUnits.format(service.timeout)))\n"
                if let interval = service.interval { out += "interval = \(quote(ConfigUnits.format(interval)))\n" }
                if let database = redis.database { out += "db = \(database)\n" }
                if let username = redis.username { out += "username = \(quote(username))\n" }
                if let env = redis.passwordEnv {
                    out += "password_env = \(quote(env))\n"
                } else if redis.password != nil {
                    out += "# password = (set in the config file, not shown)\n"
                }
                // Queues print back as their preset and its options, raw keys as queue_keys.
                let groups = Dictionary(grouping: redis.queues, by: \.preset)
                if let raw = groups[.raw], !raw.isEmpty { out += "queue_keys = \(list(raw.map(\.name)))\n" }
                let presets = RedisQueuePreset.allCases.filter { $0 != .raw && groups[$0] != nil }
                for preset in presets { out += "\(preset.rawValue)_queues = \(list(groups[preset]!.map(\.name)))\n" }
                if let first = presets.first, let queue = groups[first]?.first { out += queueOptions(queue.options) }
            case .postgres(let postgres):
                out += "postgres = \(quote(postgres.address))\n"
                out += "timeout = \(quote(ConfigUnits.format(service.timeout)))\n"
                if let env = postgres.passwordEnv {
                    out += "password_env = \(quote(env))\n"
                } else if postgres.password != nil {
                    out += "# password = (set in the config file, not shown)\n"
                }
            case .memcached(let host, let port):
                out += "memcached = \(quote("\(host.contains(":") ? "[\(host)]" : host):\(port)"))\n"
                out += "timeout = \(quote(ConfigUnits.format(service.timeout)))\n"
            }
        }
        for table in config.autoscalerTables {
            out += "\n[[autoscaler]]\n"
            out += renderTable(table, prefix: "autoscaler")
        }
        out += alerts(config.alerts) + advisor(config.advisor)
        if let prometheus = config.prometheus { out += render(prometheus) }
        return out
    }

    /// Every effective alert rule, the built-in ones included, so `builtin = false` reads back the same rules.
    private static func alerts(_ rules: [AlertRule]) -> String {
        var out = "\n# Every effective alert rule, built-in ones included.\n[alerts]\nbuiltin = false\n"
        for rule in rules {
            out += "\n[[alert]]\nname = \(quote(rule.name))\nseries = \(quote(rule.series))\n"
            out += "aggregate = \(quote(rule.aggregate.rawValue))\nwindow = \(quote(MetricUnit.duration(rule.windowSeconds)))\n"
            out += "above = \(rule.above)\n"
            if let warning = rule.warning { out += "warning = \(MetricUnit.plain(warning))\n" }
            if let critical = rule.critical { out += "critical = \(MetricUnit.plain(critical))\n" }
            out += "for = \(quote(MetricUnit.duration(rule.forSeconds)))\n"
            if let recover = rule.recover { out += "recover = \(MetricUnit.plain(recover))\n" }
        }
        return out
    }

    /// The advisor's switch and every threshold.
    private static func advisor(_ settings: AdvisorSettings) -> String {
        var out = "\n[advisor]\nenabled = \(settings.enabled)\n"
        for (key, path) in AdvisorSettings.numericKeys {
            out += "\(key) = \(MetricUnit.plain(settings[keyPath: path]))\n"
        }
        return out
    }

    /// The `[prometheus]` section; secrets by the variable they came from, or a note that they are not shown.
    private static func render(_ prometheus: PrometheusConfig) -> String {
        var out = "\n[prometheus]\nurl = \(quote(prometheus.endpoint.description))\n"
        switch prometheus.auth {
        case .none: break
        case .bearer:
            out += prometheus.tokenEnv.map { "token_env = \(quote($0))\n" }
                ?? "# token = (set in the config file, not shown)\n"
        case .basic(let user, _):
            out += "username = \(quote(user))\n"
            out += prometheus.passwordEnv.map { "password_env = \(quote($0))\n" }
                ?? "# password = (set in the config file, not shown)\n"
        }
        out += "source = \(quote(prometheus.source.rawValue))\n"
        if let window = prometheus.window { out += "window = \(quote(ConfigUnits.format(window)))\n" }
        if let interval = prometheus.interval { out += "interval = \(quote(ConfigUnits.format(interval)))\n" }
        out += "timeout = \(quote(ConfigUnits.format(prometheus.timeout)))\n"
        out += "history = \(quote(ConfigUnits.format(.milliseconds(Int64((prometheus.historySeconds * 1000).rounded())))))\n"
        for (key, matchers) in [("hosts", prometheus.hostMatchers), ("services", prometheus.serviceMatchers)]
        where !matchers.isEmpty {
            out += "\(key) = \(quote("{" + matchers.map(\.text).joined(separator: ",") + "}"))\n"
        }
        return out
    }

    private static func presetName(_ choice: ServiceSelectors.PresetChoice) -> String {
        switch choice {
        case .auto: "auto"
        case .none: "none"
        case .named(let name): name
        }
    }

    /// `[service.selectors]` with each configured figure (as PromQL) and `<group>_by`; nothing when none.
    private static func selectors(_ selectors: ServiceSelectors) -> String {
        guard !selectors.overrides.isEmpty || !selectors.by.isEmpty else { return "" }
        var out = "\n[service.selectors]\n"
        for figure in ServiceFigure.allCases {
            guard let configured = selectors.overrides[figure] else { continue }
            out += "\(figure.rawValue) = \(list(configured.map(\.description)))\n"
        }
        for group in FigureGroup.allCases {
            guard let labels = selectors.by[group] else { continue }
            out += "\(group.rawValue)_by = \(list(labels))\n"
        }
        return out
    }

    private static func preset(of queue: RedisQueue) -> RedisQueuePreset? {
        RedisQueuePreset.allCases.first { $0.keys(for: queue.name) == queue.keys }
    }

    private static func queueOptions(_ options: RedisQueueOptions) -> String {
        var out = ""
        if options.prioritySteps != RedisQueueOptions.defaults.prioritySteps {
            out += "priority_steps = [\(options.prioritySteps.map(String.init).joined(separator: ", "))]\n"
        }
        if options.separator != RedisQueueOptions.defaults.separator { out += "sep = \(quote(options.separator))\n" }
        if let prefix = options.keyPrefix { out += "key_prefix = \(quote(prefix))\n" }
        return out
    }

    /// A raw table's scalar and array entries, then its sub-tables as `[prefix.key]` sections.
    private static func renderTable(_ table: ConfigTable, prefix: String) -> String {
        var out = ""
        var sections: [(String, ConfigTable)] = []
        for entry in table.entries {
            if case .table(let nested) = entry.value.content {
                sections.append((entry.key, nested))
            } else {
                out += "\(key(entry.key)) = \(inline(entry.value))\n"
            }
        }
        for (name, nested) in sections {
            out += "\n[\(prefix).\(key(name))]\n" + renderTable(nested, prefix: "\(prefix).\(key(name))")
        }
        return out
    }

    private static func inline(_ value: ConfigValue) -> String {
        switch value.content {
        case .string(let text): return quote(text)
        case .integer(let number): return String(number)
        case .float(let number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number > 0 ? "inf" : "-inf" }
            return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .dateTime(let text): return text
        case .array(let elements): return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .table(let table):
            return "{ " + table.entries.map { "\(key($0.key)) = \(inline($0.value))" }.joined(separator: ", ") + " }"
        }
    }

    private static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? name : quote(name)
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    /// A TOML basic string, control characters escaped (Celery keys hold \u0006\u0016).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 32 || scalar.value == 127:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
