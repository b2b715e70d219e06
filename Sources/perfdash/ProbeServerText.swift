import Foundation
import PerfdashCore

/// The server section of `perfdash probe`'s text: PostgreSQL, memcached or Redis figures from one scrape.
enum ProbeServerText {
    static func lines(_ server: ServerReport) -> [String] {
        if let postgres = server.postgres { return self.postgres(postgres) }
        if let memcached = server.memcached {
            return [
                "memcached \(memcached.version)",
                "  items \(count(memcached.items)) · memory \(bytes(memcached.bytes)) of \(bytes(memcached.limitBytes))"
                    + (memcached.memoryUsedPercent.map { " (\(PercentText.measured($0)))" } ?? ""),
                "  connections \(count(memcached.connections))"
                    + (memcached.maxConnections.map { " of \(count($0))" } ?? ""),
            ]
        }
        if let redis = server.redis { return self.redis(redis) }
        return []
    }

    private static func postgres(_ report: PostgresReport) -> [String] {
        let connections = report.connections
        var lines = [
            "PostgreSQL \(report.serverVersion)",
            "  buffer cache hit " + (PercentText.measured(report.bufferHitPercent))
                + " · deadlocks \(count(report.deadlocks)) · temp files \(count(report.tempFiles)) (\(bytes(report.tempBytes)))",
            "  connections \(connections.used) of \(connections.max) (\(connections.reserved) reserved)"
                + (connections.byState.isEmpty ? "" : ": "
                   + connections.byState.map { "\($0.state) \($0.count)" }.joined(separator: ", "))
                + (connections.waitingOnLocks > 0 ? " · \(connections.waitingOnLocks) waiting on locks" : ""),
        ]
        if let statements = report.statements {
            lines.append("  top statements by total time (calls, mean, rows since the stats reset):")
            for statement in statements.topByTotal.prefix(5) {
                lines.append("    " + pad(String(format: "%.1f ms", statement.totalMilliseconds), 12)
                             + pad(count(statement.calls) + " calls", 14)
                             + pad(String(format: "%.2f ms", statement.meanMilliseconds) + " mean", 16)
                             + pad(count(statement.rows) + " rows", 12) + "  " + String(statement.query.prefix(80)))
            }
            if statements.hidden > 0 {
                lines.append("    \(statements.hidden) statements of other roles hidden (grant pg_read_all_stats)")
            }
        }
        for hint in report.indexHints ?? [] {
            lines.append("  index hint: \(hint.table): \(count(hint.sequentialScans)) sequential scans read "
                         + "\(count(hint.rowsPerScan)) rows each, \(count(hint.indexScans)) index scans")
        }
        for section in report.unreadable { lines.append("  cannot read \(section.section): \(section.reason)") }
        return lines
    }

    private static func redis(_ report: RedisServerReport) -> [String] {
        var lines = [
            "Redis \(report.version)",
            "  clients \(count(report.clients)) (\(count(report.blockedClients)) blocked) · memory "
                + bytes(report.usedMemoryBytes)
                + (report.maxMemoryBytes > 0 ? " of \(bytes(report.maxMemoryBytes)) (\(report.evictionPolicy))" : " (no maxmemory)"),
        ]
        for queue in report.queues where queue.parts.count > 1 {
            lines.append("  \(queue.queue): " + queue.parts.map { "\($0.part) \(count($0.size))" }.joined(separator: ", "))
        }
        for part in report.shared { lines.append("  \(part.part): \(count(part.size))") }
        return lines
    }

    private static func count(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    private static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = value, unit = 0
        while scaled >= 1024, unit < units.count - 1 { scaled /= 1024; unit += 1 }
        return unit == 0 ? "\(count(value)) B" : String(format: "%.1f ", scaled) + units[unit]
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
