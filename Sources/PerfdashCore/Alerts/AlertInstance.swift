/// One alert instance: the window of its series, its state machine, and what the log needs (when it fired, its
/// peak).
struct AlertInstance: Sendable {
    private var window: SampleWindow
    private(set) var state = AlertState()
    /// When the current firing episode started (nil while nothing fires).
    private(set) var firedAt: Double?
    /// The most extreme aggregate since the instance became active (pending or firing).
    private(set) var peak: Double?

    init(windowSeconds: Double, aggregate: Aggregate) {
        window = SampleWindow(seconds: windowSeconds, for: aggregate)
    }

    /// Nothing in the window and nothing active: a `*` instance in this state can be forgotten.
    var isIdle: Bool { window.count == 0 && state.activeSince == nil }

    /// Feeds the latest sample (nil: none at this tick), steps the state and returns the change, if any.
    mutating func feed(_ sample: Double?, now: Double, rule: AlertRule) -> (from: AlertLevel, firedAt: Double?, peak: Double?)? {
        if let sample {
            window.add(time: now, value: sample)
        } else {
            window.evict(now: now)
        }
        let before = state.level
        let episodePeak = peak
        let value = window.value(rule.aggregate)
        state.step(rule, value: value, now: now)
        if state.activeSince == nil {
            peak = nil
        } else if let value {
            peak = peak.map { rule.above ? Swift.max($0, value) : Swift.min($0, value) } ?? value
        }
        let episodeStart = firedAt
        if before == .ok, state.level > .ok { firedAt = now }
        if state.level == .ok { firedAt = nil }
        guard before != state.level else { return nil }
        return (before, episodeStart ?? firedAt, peak ?? episodePeak)
    }

    /// The instance as an active alert, or nil when neither pending nor firing.
    func active(rule: AlertRule, series: String, now: Double, unixMs: Int64) -> ActiveAlert? {
        guard let since = state.activeSince, let value = state.value else { return nil }
        let firing = state.level > .ok
        let level = firing ? state.level : (state.pendingLevel ?? .warning)
        let threshold = (level == .critical ? rule.critical : rule.warning) ?? rule.lowestLevel
        let sinceMs = AlertEvent.wallClock(unixMs, now: now, at: since)
        return ActiveAlert(
            name: rule.name, series: series, state: firing ? .firing : .pending, level: level, value: value,
            threshold: threshold, above: rule.above,
            aggregate: rule.aggregateText,
            activeSince: RFC3339.format(unixMilliseconds: sinceMs), activeSinceUnixMs: sinceMs,
            firedAt: firedAt.map { RFC3339.format(unixMilliseconds: AlertEvent.wallClock(unixMs, now: now, at: $0)) },
            activeSeconds: Swift.max(0, now - since), peak: peak ?? value)
    }
}

/// A change of an alert instance's firing level: fired (from ok), escalated or eased (between levels), resolved
/// (to ok). What `--alert-command` receives on standard input, one JSON object per change.
public struct AlertEvent: Sendable, Equatable, Codable {
    /// `fired`, `escalated`, `eased` or `resolved`.
    public var kind: String
    /// The rule's name.
    public var name: String
    /// The series it concerns.
    public var series: String
    /// The level before.
    public var from: AlertLevel
    /// The level now.
    public var to: AlertLevel
    /// The aggregate at this tick (nil: the series has no data any more).
    public var value: Double?
    /// The rule's threshold for the new level (for `resolved`: the recovery level).
    public var threshold: Double
    /// The rule in one line (`cpu.busy_percent avg 1m > 80 / 95 for 2m`).
    public var rule: String
    /// The most extreme aggregate of the episode.
    public var peak: Double?
    /// When the episode fired (RFC 3339).
    public var firedAt: String?
    /// Seconds since it fired (0 for `fired`).
    public var durationSeconds: Double
    /// When the change happened (RFC 3339).
    public var timestamp: String
    /// The same instant in Unix milliseconds.
    public var timestampUnixMs: Int64

    /// Creates the event of a change at `now` (monotonic seconds) / `unixMilliseconds`.
    init(rule: AlertRule, series: String, from: AlertLevel, to: AlertLevel, value: Double?, peak: Double?,
         now: Double, unixMilliseconds: Int64, firedAt: Double?) {
        kind = to == .ok ? "resolved" : (from == .ok ? "fired" : (to > from ? "escalated" : "eased"))
        name = rule.name
        self.series = series
        self.from = from
        self.to = to
        self.value = value
        threshold = switch to {
        case .ok: rule.recoverLevel
        case .warning: rule.warning ?? rule.lowestLevel
        case .critical: rule.critical ?? rule.lowestLevel
        }
        self.rule = rule.summary
        self.peak = peak
        self.firedAt = firedAt.map { RFC3339.format(unixMilliseconds: Self.wallClock(unixMilliseconds, now: now, at: $0)) }
        durationSeconds = firedAt.map { Swift.max(0, now - $0) } ?? 0
        timestamp = RFC3339.format(unixMilliseconds: unixMilliseconds)
        timestampUnixMs = unixMilliseconds
    }

    /// The wall-clock milliseconds of monotonic instant `at`, given that `now` is `unixMs` (saturating).
    static func wallClock(_ unixMs: Int64, now: Double, at: Double) -> Int64 {
        let offset = ((now - at) * 1000).rounded()
        guard offset.isFinite, abs(offset) < 1e15 else { return unixMs }
        let (result, overflow) = unixMs.subtractingReportingOverflow(Int64(offset))
        return overflow ? unixMs : result
    }
}
