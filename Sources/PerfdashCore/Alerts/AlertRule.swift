/// One alert rule: a series (or a family of series through `*`), an aggregate over a window, levels, a direction,
/// how long a level must hold before it fires, and where it recovers.
///
/// Semantics follow Prometheus alerting rules (a condition that holds becomes *pending*, and *firing* once it has
/// held for `forSeconds`; a firing alert whose condition no longer holds is *resolved*), with a Datadog-style
/// recovery level on top: a firing alert resolves only once the aggregate is back past `recover`.
public struct AlertRule: Sendable, Equatable, Codable {
    /// The rule's name, unique among the rules; `alert.<name>.level` is its series.
    public var name: String
    /// The series read: a name perfdash records, or a pattern with one `*` (see ``SeriesPattern``).
    public var series: String
    /// How the samples in the window become the one value compared with the levels.
    public var aggregate: Aggregate
    /// The window the aggregate covers, in seconds (0: the newest sample only).
    public var windowSeconds: Double
    /// True: the alert fires when the value goes above the levels; false: below.
    public var above: Bool
    /// The warning level; nil: the rule has only a critical level.
    public var warning: Double?
    /// The critical level; nil: the rule has only a warning level.
    public var critical: Double?
    /// How long a level must hold before the alert fires (0: at once).
    public var forSeconds: Double
    /// Where a firing alert resolves (nil: the lowest configured level, i.e. no hysteresis).
    public var recover: Double?

    /// Creates a rule; ``validate()`` checks it (the config parser does).
    public init(name: String, series: String, aggregate: Aggregate = .avg, windowSeconds: Double = 60,
                above: Bool = true, warning: Double?, critical: Double?, forSeconds: Double = 0,
                recover: Double? = nil) {
        self.name = name
        self.series = series
        self.aggregate = aggregate
        self.windowSeconds = windowSeconds
        self.above = above
        self.warning = warning
        self.critical = critical
        self.forSeconds = forSeconds
        self.recover = recover
    }

    /// The level a firing alert falls back from: the warning level, or the critical one when there is no warning.
    var lowestLevel: Double { warning ?? critical ?? 0 }

    /// Where a firing alert resolves: `recover`, else the lowest level.
    public var recoverLevel: Double { recover ?? lowestLevel }

    /// Where a firing critical alert drops to warning: the critical level moved back by the same hysteresis band
    /// as the warning level has (`warning − recover`), so a value wobbling around the critical level does not
    /// flap between the two.
    var criticalRecoverLevel: Double {
        guard let critical else { return recoverLevel }
        guard warning != nil else { return recoverLevel }
        return critical - (lowestLevel - recoverLevel)
    }

    /// Whether `value` is past `level` in the rule's direction (strictly, as `expr > level`).
    func exceeds(_ value: Double, _ level: Double) -> Bool {
        above ? value > level : value < level
    }

    /// Whether `value` is back at or behind `level` (the recovery test).
    func recovered(_ value: Double, _ level: Double) -> Bool {
        above ? value <= level : value >= level
    }

    /// `avg 1m`, or `last` for a window of 0 s (only the newest sample counts then).
    public var aggregateText: String {
        windowSeconds > 0 ? "\(aggregate.rawValue) \(MetricUnit.duration(windowSeconds))" : "last"
    }

    /// "cpu.busy_percent avg 1m > 80 / 95 for 2m".
    public var summary: String {
        let levels = [warning, critical].compactMap { $0 }.map(MetricUnit.plain).joined(separator: " / ")
        var text = "\(series) \(aggregateText) \(above ? ">" : "<") \(levels)"
        if forSeconds > 0 { text += " for \(MetricUnit.duration(forSeconds))" }
        if let recover { text += ", recovers at \(MetricUnit.plain(recover))" }
        return text
    }
}

/// A level of an alert: the order matters (ok < warning < critical).
public enum AlertLevel: Int, Sendable, Equatable, Comparable, Codable, CaseIterable {
    /// Nothing wrong (or still pending).
    case ok = 0
    /// Past the warning level for `for`.
    case warning = 1
    /// Past the critical level for `for`.
    case critical = 2

    /// `ok`, `warning` or `critical`.
    public var name: String {
        switch self {
        case .ok: "ok"
        case .warning: "warning"
        case .critical: "critical"
        }
    }

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
