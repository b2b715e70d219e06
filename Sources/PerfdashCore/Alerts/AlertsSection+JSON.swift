/// The `alerts` and `findings` sections written by hand, byte for byte what JSONEncoder writes for them (keys in
/// UTF-8 order, nil members left out), without a JSONEncoder per snapshot.
extension AlertsSection: JSONWritable {
    /// `{active, changes, inactive_rules, levels, log, rules}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("active"); w.array(active) { $1.writeJSON(to: &$0) }
            w.key("changes"); w.array(changes) { $1.writeJSON(to: &$0) }
            w.key("inactive_rules"); w.array(inactiveRules) { $0.value($1) }
            w.key("levels"); w.array(levels) { $1.writeJSON(to: &$0) }
            w.key("log"); w.array(log) { $1.writeJSON(to: &$0) }
            w.key("rules"); w.value(rules)
        }
    }
}

extension ActiveAlert: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("above"); w.value(above)
            w.key("active_seconds"); w.value(activeSeconds)
            w.key("active_since"); w.value(activeSince)
            w.key("active_since_unix_ms"); w.value(activeSinceUnixMs)
            w.key("aggregate"); w.value(aggregate)
            if let firedAt { w.key("fired_at"); w.value(firedAt) }
            if let instance { w.key("instance"); w.value(instance) }
            w.key("level"); w.value(level.name)
            w.key("name"); w.value(name)
            w.key("peak"); w.value(peak)
            w.key("series"); w.value(series)
            w.key("state"); w.value(state.rawValue)
            w.key("threshold"); w.value(threshold)
            w.key("value"); w.value(value)
        }
    }
}

extension AlertEvent: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("duration_seconds"); w.value(durationSeconds)
            if let firedAt { w.key("fired_at"); w.value(firedAt) }
            w.key("from"); w.value(from.name)
            w.key("kind"); w.value(kind)
            w.key("name"); w.value(name)
            if let peak { w.key("peak"); w.value(peak) }
            w.key("rule"); w.value(rule)
            w.key("series"); w.value(series)
            w.key("threshold"); w.value(threshold)
            w.key("timestamp"); w.value(timestamp)
            w.key("timestamp_unix_ms"); w.value(timestampUnixMs)
            w.key("to"); w.value(to.name)
            if let value { w.key("value"); w.value(value) }
        }
    }
}

extension AlertInstanceLevel: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            if let instance { w.key("instance"); w.value(instance) }
            w.key("level"); w.value(level.name)
            w.key("name"); w.value(name)
            w.key("series"); w.value(series)
        }
    }
}

extension AlertLogEntry: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("duration_seconds"); w.value(durationSeconds)
            w.key("fired"); w.value(fired)
            w.key("fired_unix_ms"); w.value(firedUnixMs)
            w.key("level"); w.value(level.name)
            w.key("name"); w.value(name)
            w.key("peak"); w.value(peak)
            if let resolved { w.key("resolved"); w.value(resolved) }
            if let resolvedUnixMs { w.key("resolved_unix_ms"); w.value(resolvedUnixMs) }
            w.key("series"); w.value(series)
        }
    }
}

extension Finding: JSONWritable {
    /// `{bottleneck, evidence, rule, severity, subject, suggestion}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("bottleneck"); w.value(bottleneck)
            w.key("evidence"); w.array(evidence) { $0.value($1) }
            w.key("rule"); w.value(rule)
            w.key("severity"); w.value(severity.name)
            w.key("subject"); w.value(subject)
            w.key("suggestion"); w.value(suggestion)
        }
    }
}
