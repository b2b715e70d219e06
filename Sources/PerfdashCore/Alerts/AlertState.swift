/// The state of one alert instance: where each level's condition stands, what is firing and since when.
///
/// A pure state machine stepped with the rule's aggregate and an injected time (seconds since any fixed origin):
/// - a level's condition starts to hold when the value goes past the level: the level is *pending* since then;
/// - it *fires* at the first evaluation at least `for` seconds after it became pending (at once for `for = 0`);
/// - a pending level whose condition stops holding goes back to inactive (its timer restarts later);
/// - a firing level stays until the value is back past its recovery level (hysteresis): `recover` for the
///   warning level (the alert resolves), the critical level minus the same band for critical (it drops to
///   warning, which is firing too by then);
/// - no value at all (the series is absent or its window is empty) resolves everything, as in Prometheus, where
///   an expression that returns nothing resolves its alerts.
public struct AlertState: Sendable, Equatable {
    /// Where one level's condition stands.
    public enum Phase: Sendable, Equatable {
        /// The condition does not hold.
        case inactive
        /// The condition holds since `since`, not yet for `for`.
        case pending(since: Double)
        /// The condition has held for `for`; it began to hold at `since` (as Prometheus' `activeAt`).
        case firing(since: Double)
    }

    /// The warning level's phase.
    public private(set) var warning: Phase = .inactive
    /// The critical level's phase.
    public private(set) var critical: Phase = .inactive
    /// The latest aggregate value (nil: no data).
    public private(set) var value: Double?

    /// Creates an inactive state.
    public init() {}

    /// The highest firing level (ok when nothing fires).
    public var level: AlertLevel {
        if case .firing = critical { return .critical }
        if case .firing = warning { return .warning }
        return .ok
    }

    /// The highest pending level that is not already firing below a firing one; nil when nothing is pending.
    public var pendingLevel: AlertLevel? {
        if case .pending = critical, level < .critical { return .critical }
        if case .pending = warning, level < .warning { return .warning }
        return nil
    }

    /// When the alert as a whole became active (pending or firing): the earliest phase start.
    public var activeSince: Double? {
        [warning, critical].compactMap { phase -> Double? in
            switch phase {
            case .inactive: nil
            case .pending(let since), .firing(let since): since
            }
        }.min()
    }

    /// Steps the state with the aggregate `value` at `now`; returns the firing level after the step.
    @discardableResult
    public mutating func step(_ rule: AlertRule, value: Double?, now: Double) -> AlertLevel {
        self.value = value
        guard let value, value.isFinite else {
            warning = .inactive
            critical = .inactive
            return level
        }
        if let level = rule.warning {
            warning = Self.advance(warning, rule: rule, holds: rule.exceeds(value, level),
                                   recovered: rule.recovered(value, rule.recoverLevel), now: now)
        }
        if let level = rule.critical {
            critical = Self.advance(critical, rule: rule, holds: rule.exceeds(value, level),
                                    recovered: rule.recovered(value, rule.criticalRecoverLevel), now: now)
        }
        return level
    }

    private static func advance(_ phase: Phase, rule: AlertRule, holds: Bool, recovered: Bool, now: Double) -> Phase {
        switch phase {
        case .inactive:
            guard holds else { return .inactive }
            return rule.forSeconds <= 0 ? .firing(since: now) : .pending(since: now)
        case .pending(let since):
            guard holds else { return .inactive }
            return now - since >= rule.forSeconds ? .firing(since: since) : phase
        case .firing:
            return recovered ? .inactive : phase
        }
    }
}
