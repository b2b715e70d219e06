import PerfdashCore

/// Redis' and memcached's own figures in the drill-down: clients, commands, memory against the limit, and for
/// Redis each queue's keys (Celery's priorities, RQ's registries, BullMQ's states) and the shared sets.
enum CacheServerDetailView {
    /// Draws the server's figures from `rect.y` down; returns the first free row.
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ server: ServerReport, context: RenderContext) -> Int {
        var y = rect.y
        func line(_ text: String, style: Style = .plain) {
            for wrapped in PanelKit.wrap(text, width: rect.width, indent: 2) where y < rect.maxY {
                canvas.put(wrapped, x: rect.x, y: y, style: style, clip: rect)
                y += 1
            }
        }
        if let redis = server.redis {
            line(["Redis \(redis.version)",
                  "\(Humanize.count(redis.clients)) clients (\(Humanize.count(redis.blockedClients)) blocked)",
                  "\(redis.opsPerSecond.map { Humanize.count($0.rounded()) } ?? "n/a") ops/s"]
                .joined(separator: " · "), style: Style.plain.with(.boldWithoutColor))
            y = memory(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y),
                       used: redis.usedMemoryBytes, limit: redis.maxMemoryBytes,
                       note: redis.maxMemoryBytes > 0 ? redis.evictionPolicy : "no maxmemory", context: context)
            for queue in redis.queues where queue.parts.count > 1 {
                line("\(queue.queue): " + queue.parts.map { part in
                    "\(part.part) \(Humanize.count(part.size))\(part.inDepth ? "" : "*")"
                }.joined(separator: " · "))
            }
            if redis.queues.contains(where: { $0.parts.count > 1 && $0.parts.contains { !$0.inDepth } }) {
                line("* not counted in the queue's depth (running, scheduled, failed…)", style: Style.plain.fg(.graphText))
            }
            if !redis.shared.isEmpty {
                line(redis.shared.map { "\($0.part) \(Humanize.count($0.size))" }.joined(separator: " · "))
            }
        }
        if let memcached = server.memcached {
            let limit = memcached.maxConnections.map { " of \(Humanize.count($0))" } ?? ""
            line(["memcached \(memcached.version)", "\(Humanize.count(memcached.items)) items",
                  "\(Humanize.count(memcached.connections))\(limit) connections",
                  "\(memcached.getsPerSecond.map { Humanize.count($0.rounded()) } ?? "n/a") gets/s",
                  "\(memcached.setsPerSecond.map { Humanize.count($0.rounded()) } ?? "n/a") sets/s"]
                .joined(separator: " · "), style: Style.plain.with(.boldWithoutColor))
            y = memory(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y),
                       used: memcached.bytes, limit: memcached.limitBytes, note: "limit_maxbytes", context: context)
        }
        return y + 1
    }

    /// `Memory [bar] 12.0 MiB of 100 MiB (12.0 %) · allkeys-lru`, or without a bar when there is no limit.
    private static func memory(_ canvas: inout Canvas, _ rect: Rect, used: Double, limit: Double, note: String,
                               context: RenderContext) -> Int {
        guard rect.height > 0 else { return rect.y }
        canvas.put("Memory", x: rect.x, y: rect.y, style: Style.plain.fg(.title), clip: rect)
        var x = rect.x + 7
        let bar = min(20, max(0, rect.width - 50))
        if limit > 0, bar >= 4 {
            Meter.draw(&canvas, x: x, y: rect.y, width: bar, fraction: used / limit, gradient: .used, context: context)
            x += bar + 1
        }
        var text = Humanize.bytes(used)
        if limit > 0 { text += " of \(Humanize.bytes(limit)) (\(Humanize.percent(100 * used / limit)))" }
        text += " · \(note)"
        canvas.put(text, x: x, y: rect.y, clip: rect)
        return rect.y + 1
    }
}
