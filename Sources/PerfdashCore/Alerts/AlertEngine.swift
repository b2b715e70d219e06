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
    /// Every instance in rule order, then creation order, so the output is stable; stepped in place, no hashing.
    private var slots: [Slot] = []
    /// Where each instance's slot is, for discovery.
    private var slotIndex: [InstanceKey: Int] = [:]
    /// The log, oldest first.
    private var log: [AlertLogEntry] = []
    private var lastNow: Double = 0
    private var lastUnixMs: Int64 = 0
    /// The series names of the last step, in their order: a step with the same names (nearly every step) finds no
    /// new instance and reads each instance's value at the position it had, instead of hashing every name.
    private var lastNames: [String] = []
    /// Whether the names must be scanned again: an instance was dropped, so a series that comes back is looked for.
    private var rescan = true

    struct InstanceKey: Hashable, Sendable {
        var rule: Int
        var series: String
    }

    /// One instance and what the step keeps beside it.
    private struct Slot: Sendable {
        var key: InstanceKey
        var instance: AlertInstance
        /// What `*` stood for (nil for a literal rule), found once.
        var label: String?
        /// Where its series is among the step's names (nil: absent, not fed).
        var position: Int?
        /// Where its open log entry is (an instance that fires again gets a new entry).
        var openEntry: Int?
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
        let entries = values.sorted { $0.key < $1.key }
        return step(now: now, unixMilliseconds: unixMilliseconds, names: entries.map(\.key), values: entries.map(\.value))
    }

    /// Steps every rule with the latest value of each series: `values[i]` is the value of `names[i]` (a name given
    /// twice takes its last value; absent series are not fed, never taken as 0). Returns what changed.
    public mutating func step(now: Double, unixMilliseconds: Int64, names: [String], values: [Double]) -> [AlertEvent] {
        lastNow = now
        lastUnixMs = unixMilliseconds
        if rescan || names != lastNames { locate(names) }
        var events: [AlertEvent] = []
        var emptied = false
        for index in slots.indices {
            let position = slots[index].position
            let sample = position.flatMap { $0 < values.count ? values[$0] : nil }
            let rule = rules[slots[index].key.rule]
            if let change = slots[index].instance.feed(sample, now: now, rule: rule) {
                let instance = slots[index].instance
                let event = AlertEvent(rule: rule, series: slots[index].key.series, from: change.from,
                                       to: instance.state.level, value: instance.state.value, peak: change.peak,
                                       now: now, unixMilliseconds: unixMilliseconds, firedAt: change.firedAt)
                events.append(event)
                record(event, slot: index)
            }
            if let open = slots[index].openEntry { updateOpen(open, instance: slots[index].instance) }
            if patterns[slots[index].key.rule].isWildcard, slots[index].instance.isIdle { emptied = true }
        }
        if emptied {
            slots.removeAll { patterns[$0.key.rule].isWildcard && $0.instance.isIdle }
            reindex()
            // The names seen no longer say which instances exist: the next step scans them again.
            rescan = true
        }
        return events
    }

    /// The snapshot section: active alerts (most severe first), the log (newest first), every instance's level,
    /// and `changes`, what the last step returned.
    public func section(changes: [AlertEvent] = []) -> AlertsSection {
        var active: [ActiveAlert] = []
        for slot in slots {
            guard var alert = slot.instance.active(rule: rules[slot.key.rule], series: slot.key.series,
                                                   now: lastNow, unixMs: lastUnixMs) else { continue }
            alert.instance = slot.label
            active.append(alert)
        }
        active.sort { lhs, rhs in
            if lhs.state != rhs.state { return lhs.state == .firing }
            if lhs.level != rhs.level { return lhs.level > rhs.level }
            return (lhs.name, lhs.series) < (rhs.name, rhs.series)
        }
        var withData = [Bool](repeating: false, count: rules.count)
        for slot in slots where slot.instance.state.value != nil { withData[slot.key.rule] = true }
        let inactive = rules.indices.filter { !withData[$0] }.map { rules[$0].name }
        return AlertsSection(active: active, log: log.reversed(), rules: rules.count, inactiveRules: inactive,
                             levels: levels(), changes: changes)
    }

    /// The firing level of every instance with data, in rule order.
    public func levels() -> [AlertInstanceLevel] {
        slots.compactMap { slot in
            guard slot.instance.state.value != nil else { return nil }
            return AlertInstanceLevel(name: rules[slot.key.rule].name, series: slot.key.series, instance: slot.label,
                                      level: slot.instance.state.level)
        }
    }

    /// Finds every instance's series among `names` and adds the instances of names seen for the first time.
    private mutating func locate(_ names: [String]) {
        lastNames = names
        rescan = false
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (position, name) in names.enumerated() { positions[name] = position }
        var found: [InstanceKey] = []
        for (index, pattern) in patterns.enumerated() where !pattern.isWildcard {
            let key = InstanceKey(rule: index, series: pattern.text)
            if slotIndex[key] == nil, positions[pattern.text] != nil { found.append(key) }
        }
        let wildcards = patterns.indices.filter { patterns[$0].isWildcard }
        // One pass over the names; only the new instances are sorted (disk.sda before disk.sdb).
        for name in positions.keys {
            for index in wildcards where patterns[index].instance(of: name) != nil {
                let key = InstanceKey(rule: index, series: name)
                if slotIndex[key] == nil { found.append(key) }
            }
        }
        for key in found.sorted(by: { ($0.rule, $0.series) < ($1.rule, $1.series) }) {
            let pattern = patterns[key.rule]
            let slot = Slot(key: key, instance: AlertInstance(windowSeconds: rules[key.rule].windowSeconds,
                                                        aggregate: rules[key.rule].aggregate),
                            label: pattern.isWildcard ? pattern.instance(of: key.series) : nil)
            // Rule order first, then creation order within a rule.
            slots.insert(slot, at: slots.firstIndex { $0.key.rule > key.rule } ?? slots.endIndex)
        }
        for index in slots.indices { slots[index].position = positions[slots[index].key.series] }
        if !found.isEmpty { reindex() }
    }

    private mutating func reindex() {
        slotIndex = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1.key, $0) })
    }

    private mutating func record(_ event: AlertEvent, slot: Int) {
        if event.from == .ok {
            log.append(AlertLogEntry(name: event.name, series: event.series, level: event.to, fired: event.timestamp,
                                     firedUnixMs: event.timestampUnixMs, resolved: nil, resolvedUnixMs: nil,
                                     durationSeconds: 0, peak: event.peak ?? event.value ?? 0))
            slots[slot].openEntry = log.count - 1
            if log.count > Self.logLimit {
                log.removeFirst()
                for index in slots.indices {
                    slots[index].openEntry = slots[index].openEntry.flatMap { $0 > 0 ? $0 - 1 : nil }
                }
            }
        } else if let open = slots[slot].openEntry {
            log[open].level = max(log[open].level, event.to)
            if event.to == .ok {
                log[open].durationSeconds = event.durationSeconds
                if let peak = event.peak { log[open].peak = peak }
                log[open].resolved = event.timestamp
                log[open].resolvedUnixMs = event.timestampUnixMs
                slots[slot].openEntry = nil
            }
        }
    }

    private mutating func updateOpen(_ index: Int, instance: AlertInstance) {
        guard let firedAt = instance.firedAt else { return }
        log[index].durationSeconds = max(0, lastNow - firedAt)
        if let peak = instance.peak { log[index].peak = peak }
    }
}
