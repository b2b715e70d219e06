/// Every alert rule with its instances, stepped once per tick with the latest value of every series.
///
/// A literal rule has at most one instance; a `*` rule has one per matching series, created when the series first
/// shows up and dropped once its window is empty and nothing is active. A rule whose series does not exist (yet)
/// is simply inactive. `now` is seconds on a monotonic clock that must not go backwards; `unixMilliseconds` only
/// places events on the wall clock.
public struct AlertEngine: Sendable {
    /// How many entries the log keeps.
    public static let logLimit = 100

    /// The rules, in configuration order (built-in defaults first).
    public let rules: [AlertRule]
    private let patterns: [SeriesPattern]
    private var instances: [InstanceKey: AlertInstance] = [:]
    /// Instance keys in rule order, then creation order, so the output is stable.
    private var order: [InstanceKey] = []
    /// The log, oldest first.
    private var log: [AlertLogEntry] = []
    /// Where each instance's open log entry is (an instance that fires again gets a new entry).
    private var openEntries: [InstanceKey: Int] = [:]
    private var lastNow: Double = 0
    private var lastUnixMs: Int64 = 0
    /// The series names the last discovery scanned: a tick with the same names (nearly every tick) finds nothing
    /// new, and matching every name against every wildcard cost more than the rest of the step.
    private var scannedNames: Set<String> = []

    struct InstanceKey: Hashable, Sendable {
        var rule: Int
        var series: String
    }

    /// Creates an engine; rules with a pattern of more than one `*` are ignored (validation refuses them).
    public init(rules: [AlertRule]) {
        self.rules = rules
        patterns = rules.map { SeriesPattern($0.series) ?? SeriesPattern("")! }
    }

    /// True when no rule is configured.
    public var isEmpty: Bool { rules.isEmpty }

    /// Steps every rule with `values` (series name → latest value; absent series are not fed, never taken as 0)
    /// and returns what changed: alerts that fired, changed level or resolved.
    public mutating func step(now: Double, unixMilliseconds: Int64, values: [String: Double]) -> [AlertEvent] {
        lastNow = now
        lastUnixMs = unixMilliseconds
        discoverInstances(values)
        var events: [AlertEvent] = []
        var emptied: [InstanceKey] = []
        for key in order {
            // Moved out and back, not copied: a copy would share the window's storage with the dictionary and make
            // its next insert copy every sample held.
            guard var instance = instances.removeValue(forKey: key) else { continue }
            let rule = rules[key.rule]
            if let change = instance.feed(values[key.series], now: now, rule: rule) {
                let event = AlertEvent(rule: rule, series: key.series, from: change.from, to: instance.state.level,
                                       value: instance.state.value, peak: change.peak, now: now,
                                       unixMilliseconds: unixMilliseconds, firedAt: change.firedAt)
                events.append(event)
                record(event, key: key)
            }
            if let open = openEntries[key] { updateOpen(open, instance: instance) }
            if patterns[key.rule].isWildcard, instance.isIdle { emptied.append(key) }
            instances[key] = instance
        }
        for key in emptied {
            instances[key] = nil
            openEntries[key] = nil
        }
        if !emptied.isEmpty {
            order.removeAll { instances[$0] == nil }
            // The names seen no longer say which instances exist: the next tick scans them again.
            scannedNames.removeAll()
        }
        return events
    }

    /// The snapshot section: active alerts (most severe first), the log (newest first), every instance's level,
    /// and `changes`, what the last step returned.
    public func section(changes: [AlertEvent] = []) -> AlertsSection {
        var active: [ActiveAlert] = []
        for key in order {
            guard let instance = instances[key], var alert = instance.active(rule: rules[key.rule], series: key.series,
                                                                              now: lastNow, unixMs: lastUnixMs)
            else { continue }
            if patterns[key.rule].isWildcard { alert.instance = patterns[key.rule].instance(of: key.series) }
            active.append(alert)
        }
        active.sort { lhs, rhs in
            if lhs.state != rhs.state { return lhs.state == .firing }
            if lhs.level != rhs.level { return lhs.level > rhs.level }
            return (lhs.name, lhs.series) < (rhs.name, rhs.series)
        }
        let withData = Set(order.filter { instances[$0]?.state.value != nil }.map(\.rule))
        let inactive = rules.indices.filter { !withData.contains($0) }.map { rules[$0].name }
        return AlertsSection(active: active, log: log.reversed(), rules: rules.count, inactiveRules: inactive,
                             levels: levels(), changes: changes)
    }

    /// The firing level of every instance with data, in rule order.
    public func levels() -> [AlertInstanceLevel] {
        order.compactMap { key in
            guard let instance = instances[key], instance.state.value != nil else { return nil }
            let pattern = patterns[key.rule]
            return AlertInstanceLevel(name: rules[key.rule].name, series: key.series,
                                      instance: pattern.isWildcard ? pattern.instance(of: key.series) : nil,
                                      level: instance.state.level)
        }
    }

    private mutating func discoverInstances(_ values: [String: Double]) {
        // Instances only ever come from names: the same names as the last scan add none (dropping an instance
        // forgets the scan, so a series that comes back is looked for again).
        if values.count == scannedNames.count, values.keys.allSatisfy({ scannedNames.contains($0) }) { return }
        scannedNames = Set(values.keys)
        for (index, pattern) in patterns.enumerated() where !pattern.isWildcard {
            let key = InstanceKey(rule: index, series: pattern.text)
            if instances[key] == nil, values[pattern.text] != nil { add(key) }
        }
        let wildcards = patterns.indices.filter { patterns[$0].isWildcard }
        guard !wildcards.isEmpty else { return }
        // One pass over the tick's names; only the new instances are sorted (disk.sda before disk.sdb).
        var found: [InstanceKey] = []
        for name in values.keys {
            for index in wildcards where patterns[index].instance(of: name) != nil {
                let key = InstanceKey(rule: index, series: name)
                if instances[key] == nil { found.append(key) }
            }
        }
        for key in found.sorted(by: { ($0.rule, $0.series) < ($1.rule, $1.series) }) { add(key) }
    }

    private mutating func add(_ key: InstanceKey) {
        instances[key] = AlertInstance(windowSeconds: rules[key.rule].windowSeconds)
        // Rule order first, then creation order within a rule.
        order.insert(key, at: order.firstIndex { $0.rule > key.rule } ?? order.endIndex)
    }

    private mutating func record(_ event: AlertEvent, key: InstanceKey) {
        if event.from == .ok {
            log.append(AlertLogEntry(name: event.name, series: event.series, level: event.to, fired: event.timestamp,
                                     firedUnixMs: event.timestampUnixMs, resolved: nil, resolvedUnixMs: nil,
                                     durationSeconds: 0, peak: event.peak ?? event.value ?? 0))
            openEntries[key] = log.count - 1
            if log.count > Self.logLimit {
                log.removeFirst()
                for (other, index) in openEntries { openEntries[other] = index - 1 }
                openEntries = openEntries.filter { $0.value >= 0 }
            }
        } else if let open = openEntries[key] {
            log[open].level = max(log[open].level, event.to)
            if event.to == .ok {
                log[open].durationSeconds = event.durationSeconds
                if let peak = event.peak { log[open].peak = peak }
                log[open].resolved = event.timestamp
                log[open].resolvedUnixMs = event.timestampUnixMs
                openEntries[key] = nil
            }
        }
    }

    private mutating func updateOpen(_ index: Int, instance: AlertInstance) {
        guard let firedAt = instance.firedAt else { return }
        log[index].durationSeconds = max(0, lastNow - firedAt)
        if let peak = instance.peak { log[index].peak = peak }
    }
}
