/// The snapshot's `alerts` section: what is active now and the log of recent alerts, as plain values with
/// snake_case keys (so an encoder can write them field by field).
public struct AlertsSection: Sendable, Equatable, Codable {
    /// Pending and firing alerts, the most severe first, then by name.
    public var active: [ActiveAlert]
    /// Alerts that fired, newest first, at most ``AlertEngine/logLimit``; an alert still firing has no `resolved`.
    public var log: [AlertLogEntry]
    /// How many rules are configured (built-in and from the config).
    public var rules: Int
    /// Of those, rules whose series does not exist on this host or has no data yet (they stay inactive).
    public var inactiveRules: [String]
    /// The firing level of every instance with data (what `alert.<name>.level` carries).
    public var levels: [AlertInstanceLevel]
    /// What changed at this tick (fired, escalated, eased, resolved): what `--alert-command` is run with.
    public var changes: [AlertEvent]

    /// Creates a section.
    public init(active: [ActiveAlert], log: [AlertLogEntry], rules: Int, inactiveRules: [String],
                levels: [AlertInstanceLevel] = [], changes: [AlertEvent] = []) {
        self.active = active
        self.log = log
        self.rules = rules
        self.inactiveRules = inactiveRules
        self.levels = levels
        self.changes = changes
    }

    /// `alert.<name>.level` (0 ok, 1 warning, 2 critical; pending counts as 0) for every instance with data;
    /// a `*` rule's instances are `alert.<name>.<instance>.level`. Labels: `alert` and `series`.
    public func flatSeries() -> [FlatSeries] {
        levels.map { entry in
            FlatSeries(name: SeriesName.alertLevel(entry.name, instance: entry.instance), family: "alert.level",
                       labels: [SeriesLabel("alert", entry.name), SeriesLabel("series", entry.series)],
                       value: Double(entry.level.rawValue), unit: .count)
        }
    }

    /// The highest firing level (ok when nothing fires).
    public var highestLevel: AlertLevel {
        active.filter { $0.state == .firing }.map(\.level).max() ?? .ok
    }

    /// Whether an alert concerning `series` is firing, and at which level (the Overview colours its figure).
    public func level(of series: String) -> AlertLevel {
        active.filter { $0.state == .firing && $0.series == series }.map(\.level).max() ?? .ok
    }
}

/// One alert instance's firing level.
public struct AlertInstanceLevel: Sendable, Equatable, Codable {
    /// The rule's name.
    public var name: String
    /// The series the instance reads.
    public var series: String
    /// What `*` stood for in a pattern rule; nil for a literal one.
    public var instance: String?
    /// The firing level (pending counts as ok).
    public var level: AlertLevel

    /// Creates an entry.
    public init(name: String, series: String, instance: String?, level: AlertLevel) {
        self.name = name
        self.series = series
        self.instance = instance
        self.level = level
    }
}

/// Pending or firing.
public enum AlertPhase: String, Sendable, Equatable, Codable {
    /// The condition holds, not yet for `for`.
    case pending
    /// The condition has held for `for`.
    case firing
}

/// One active alert instance.
public struct ActiveAlert: Sendable, Equatable, Codable {
    /// The rule's name.
    public var name: String
    /// The series it concerns (the instance of a `*` rule).
    public var series: String
    /// What `*` stood for in a pattern rule (`/home`, `sda`); nil for a literal rule.
    public var instance: String?
    /// Pending or firing.
    public var state: AlertPhase
    /// The firing level, or the level pending.
    public var level: AlertLevel
    /// The aggregate now.
    public var value: Double
    /// The level's threshold.
    public var threshold: Double
    /// True when the rule fires above its levels.
    public var above: Bool
    /// How the value is computed, e.g. `avg 1m`.
    public var aggregate: String
    /// When it became pending (wall clock, RFC 3339) and the same in Unix milliseconds.
    public var activeSince: String
    /// The same instant in Unix milliseconds.
    public var activeSinceUnixMs: Int64
    /// When it fired (nil while pending).
    public var firedAt: String?
    /// Seconds since it became active.
    public var activeSeconds: Double
    /// The most extreme aggregate since it became active.
    public var peak: Double

    /// Creates an active alert.
    public init(name: String, series: String, instance: String? = nil, state: AlertPhase, level: AlertLevel, value: Double, threshold: Double,
                above: Bool, aggregate: String, activeSince: String, activeSinceUnixMs: Int64, firedAt: String?,
                activeSeconds: Double, peak: Double) {
        self.name = name
        self.series = series
        self.instance = instance
        self.state = state
        self.level = level
        self.value = value
        self.threshold = threshold
        self.above = above
        self.aggregate = aggregate
        self.activeSince = activeSince
        self.activeSinceUnixMs = activeSinceUnixMs
        self.firedAt = firedAt
        self.activeSeconds = activeSeconds
        self.peak = peak
    }
}

/// One alert in the log: when it fired, when it resolved, how long it lasted and its peak.
public struct AlertLogEntry: Sendable, Equatable, Codable {
    /// The rule's name.
    public var name: String
    /// The series it concerned.
    public var series: String
    /// The highest level it reached.
    public var level: AlertLevel
    /// When it fired (RFC 3339).
    public var fired: String
    /// The same instant in Unix milliseconds.
    public var firedUnixMs: Int64
    /// When it resolved (nil while it still fires).
    public var resolved: String?
    /// The same instant in Unix milliseconds.
    public var resolvedUnixMs: Int64?
    /// Seconds from firing to resolving (or to now, while firing).
    public var durationSeconds: Double
    /// The most extreme aggregate while it fired.
    public var peak: Double

    /// Creates an entry.
    public init(name: String, series: String, level: AlertLevel, fired: String, firedUnixMs: Int64, resolved: String?,
                resolvedUnixMs: Int64?, durationSeconds: Double, peak: Double) {
        self.name = name
        self.series = series
        self.level = level
        self.fired = fired
        self.firedUnixMs = firedUnixMs
        self.resolved = resolved
        self.resolvedUnixMs = resolvedUnixMs
        self.durationSeconds = durationSeconds
        self.peak = peak
    }
}

extension AlertLevel {
    /// Encoded by name (`"warning"`), which reads better in JSON than the number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Decodes `"ok"`, `"warning"` or `"critical"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let level = AlertLevel.allCases.first(where: { $0.name == text }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown alert level \(text)")
        }
        self = level
    }
}
