/// Reads `[[alert]]` tables (and the `[alerts]` switches) over the built-in rules.
///
/// ```toml
/// [[alert]]
/// name = "cpu-busy"
/// series = "cpu.busy_percent"   # any series name perfdash records; one * matches a family
/// aggregate = "avg"             # avg | min | max | last | p50 | p95 | p99, over `window`
/// window = "1m"
/// above = true                  # false: fire below the levels
/// warning = 80
/// critical = 95
/// for = "2m"                    # "0s": at once
/// recover = 75                  # optional; default: the warning level
/// ```
/// A table named like a built-in rule starts from it, so `enabled = false` alone switches it off.
public enum AlertConfigParser {
    static let keys: Set<String> = ["name", "series", "aggregate", "window", "above", "warning", "critical", "for",
                                    "recover", "enabled"]
    static let switchKeys: Set<String> = ["builtin"]

    /// The effective rules: the built-in ones (unless `[alerts] builtin = false`), changed or removed by tables
    /// of the same name, then the new rules in file order.
    public static func parse(alerts: [ConfigTable], switches: ConfigTable?) throws(ConfigError) -> [AlertRule] {
        var builtin = BuiltinAlerts.rules
        if var switches {
            switches.context = "[alerts]"
            try switches.rejectUnknownKeys(allowed: switchKeys)
            if try switches.bool("builtin") == false { builtin = [] }
        }
        var rules = builtin
        var seen: Set<String> = []
        for (offset, var table) in alerts.enumerated() {
            table.context = "[[alert]] #\(offset + 1)"
            try table.rejectUnknownKeys(allowed: keys)
            guard case .string(let name) = try table.required("name").content, !name.isEmpty else {
                throw table.error("name", "expected a non-empty string")
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-_".contains($0) }) else {
                throw table.error("name", "use letters, digits, - and _ only, got \"\(name)\"")
            }
            table.context = "[[alert]] \"\(name)\""
            guard seen.insert(name).inserted else {
                throw table.error("name", "an alert named \"\(name)\" is already defined")
            }
            let base = rules.firstIndex { $0.name == name }
            if try table.bool("enabled") == false {
                if let base { rules.remove(at: base) }
                continue
            }
            let rule = try parse(table, name: name, base: base.map { rules[$0] })
            if let base { rules[base] = rule } else { rules.append(rule) }
        }
        return rules
    }

    private static func parse(_ table: ConfigTable, name: String, base: AlertRule?) throws(ConfigError) -> AlertRule {
        var rule = base ?? AlertRule(name: name, series: "", warning: nil, critical: nil)
        if let series = try table.string("series") {
            guard !series.isEmpty else { throw table.error("series", "must name a series") }
            guard SeriesPattern(series) != nil else {
                throw table.error("series", "at most one * in a series pattern, got \"\(series)\"")
            }
            rule.series = series
        } else if base == nil {
            throw ConfigError(at: table.position, "\(table.context) needs series")
        }
        if let aggregate = try table.choice("aggregate", Aggregate.allCases.map(\.rawValue)) {
            rule.aggregate = Aggregate(rawValue: aggregate) ?? .avg
        }
        if let window = try nonNegativeSeconds(table, "window") { rule.windowSeconds = window }
        if let seconds = try nonNegativeSeconds(table, "for") { rule.forSeconds = seconds }
        if let above = try table.bool("above") { rule.above = above }
        if table["warning"] != nil { rule.warning = try finite(table, "warning") }
        if table["critical"] != nil { rule.critical = try finite(table, "critical") }
        if table["recover"] != nil { rule.recover = try finite(table, "recover") }
        if base != nil, table["warning"] != nil || table["critical"] != nil, table["recover"] == nil {
            // New levels without a new recovery level: the built-in's recover would no longer fit them.
            rule.recover = nil
        }
        try validate(rule, table)
        return rule
    }

    /// The ordering the levels need: warning before critical, recover behind warning, in the rule's direction.
    private static func validate(_ rule: AlertRule, _ table: ConfigTable) throws(ConfigError) {
        guard rule.warning != nil || rule.critical != nil else {
            throw ConfigError(at: table.position, "\(table.context) needs warning or critical (or both)")
        }
        let direction = rule.above ? "above" : "below"
        if let warning = rule.warning, let critical = rule.critical, !rule.exceeds(critical, warning),
           critical != warning {
            throw table.error("critical", "must be \(rule.above ? "higher" : "lower") than warning "
                + "(\(MetricUnit.plain(warning))) for an alert \(direction) its levels, got \(MetricUnit.plain(critical))")
        }
        if let recover = rule.recover, rule.exceeds(recover, rule.lowestLevel) {
            throw table.error("recover", "must be at or \(rule.above ? "below" : "above") the "
                + "\(rule.warning != nil ? "warning" : "critical") level (\(MetricUnit.plain(rule.lowestLevel))), "
                + "got \(MetricUnit.plain(recover))")
        }
    }

    private static func finite(_ table: ConfigTable, _ key: String) throws(ConfigError) -> Double {
        guard let value = try table.number(key), value.isFinite else {
            throw table.error(key, "expected a finite number")
        }
        return value
    }

    /// A duration of 0 or more (`"0s"`, `"90s"`, `"2m"`, a number of seconds), at most 365 days.
    private static func nonNegativeSeconds(_ table: ConfigTable, _ key: String) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        let seconds: Double?
        switch value.content {
        case .integer(let number): seconds = Double(number)
        case .float(let number): seconds = number
        case .string(let text): seconds = try? DurationText.seconds(text)
        default: seconds = nil
        }
        guard let seconds, seconds.isFinite, seconds >= 0 else {
            throw ConfigError(at: value.position, "\(key): expected a duration like \"0s\", \"30s\" or \"2m\"")
        }
        guard seconds <= ConfigUnits.maxSeconds else { throw table.error(key, "must be at most 365 days") }
        return seconds
    }
}
