/// A part of a snapshot that writes itself as JSON (a section, or a value inside one).
///
/// To add a section: give its type `writeJSON(to:)` (keys as literals in UTF-8 byte order, as the rest of the
/// schema, optionals left out when nil) and write it in `Snapshot.writeJSON(to:statsOrder:)` at its key's sorted
/// position. SectionsJSONTests compare every section's bytes with JSONEncoder's, so the schema cannot drift.
public protocol JSONWritable {
    /// Writes the value at the writer's position.
    func writeJSON(to writer: inout JSONWriter)
}

extension Snapshot {
    /// Writes the snapshot as one JSON object. `statsOrder` is `stats.sortedIndices()`, passed in so that a stream
    /// whose series do not change sorts them once rather than per record.
    public func writeJSON(to writer: inout JSONWriter, statsOrder: [Int]) {
        writer.object { w in
            // Keys in UTF-8 byte order; one line per section.
            if let alerts { w.key("alerts"); alerts.writeJSON(to: &w) }
            if let autoscaler { w.key("autoscaler"); autoscaler.writeJSON(to: &w) }
            w.key("elapsed_seconds"); w.value(elapsedSeconds)
            if let filesystems { w.key("filesystems"); filesystems.writeJSON(to: &w) }
            if let findings { w.key("findings"); w.array(findings) { $1.writeJSON(to: &$0) } }
            if let fleet { w.key("fleet"); fleet.writeJSON(to: &w) }
            w.key("host"); host.writeJSON(to: &w)
            w.key("interval_seconds"); w.value(intervalSeconds)
            w.key("notes"); w.array(notes) { $0.value($1) }
            if let pressure { w.key("pressure"); pressure.writeJSON(to: &w) }
            if let processes { w.key("processes"); processes.writeJSON(to: &w) }
            w.key("schema_version"); w.value(schemaVersion)
            if let services { w.key("services"); services.writeJSON(to: &w) }
            w.key("stats"); writeStats(to: &w, order: statsOrder)
            w.key("timestamp"); w.value(timestamp)
            w.key("timestamp_unix_ms"); w.value(timestampUnixMs)
            w.key("window"); w.value(window.rawValue)
        }
    }

    private func writeStats(to writer: inout JSONWriter, order: [Int]) {
        writer.object { w in
            for index in order {
                w.key(stats.names[index])
                stats.summaries[index].writeJSON(to: &w)
            }
        }
    }
}

extension Summary: JSONWritable {
    /// `{avg, count, max, min, p50, p95, p99}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("avg"); w.value(avg)
            w.key("count"); w.value(count)
            w.key("max"); w.value(max)
            w.key("min"); w.value(min)
            w.key("p50"); w.value(p50)
            w.key("p95"); w.value(p95)
            w.key("p99"); w.value(p99)
        }
    }
}
