import PerfdashCore

/// A PostgreSQL service in the drill-down: transactions and the buffer cache, connections against max_connections,
/// the top statements by total and by mean time, index hints, and what the role may not read.
enum PostgresDetailView {
    /// Draws the PostgreSQL figures from `rect.y` down; returns the first free row.
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ db: PostgresReport, context: RenderContext) -> Int {
        var y = rect.y
        func line(_ text: String, style: Style = .plain) {
            guard y < rect.maxY else { return }
            for wrapped in PanelKit.wrap(text, width: rect.width, indent: 2) where y < rect.maxY {
                canvas.put(wrapped, x: rect.x, y: y, style: style, clip: rect)
                y += 1
            }
        }
        let rates = ["PostgreSQL \(db.serverVersion.split(separator: " ").first.map(String.init) ?? "")",
                     "\(rate(db.transactionsPerSecond)) tx/s", "\(rate(db.rollbacksPerSecond)) rollbacks/s",
                     "buffer hit \(Humanize.percent(db.bufferHitPercent))",
                     "deadlocks \(Humanize.count(db.deadlocks))",
                     "temp \(Humanize.bytes(db.tempBytes)) in \(Humanize.count(db.tempFiles)) files"]
        line(rates.joined(separator: " · "), style: Style.plain.with(.boldWithoutColor))
        y = connections(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), db.connections,
                        context: context)
        y += 1
        // The lists share what is left, so the last one (the index hints) shows even on a short terminal.
        let lists = (db.statements == nil ? 0 : 2) + (db.indexHints == nil ? 0 : 1)
        let share = listRows(available: rect.maxY - y, lists: lists)
        if let statements = db.statements {
            y = self.statements(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y),
                                title: "Top by total time", statements.topByTotal, rows: share, context: context)
            y = self.statements(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y),
                                title: "Top by mean time", statements.topByMean, rows: share, context: context)
            if statements.hidden > 0 {
                line("\(statements.hidden) statements of other roles hidden (grant pg_read_all_stats to see them)",
                     style: Style.plain.fg(.graphText))
            }
        }
        if let hints = db.indexHints {
            y = self.hints(&canvas, Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), hints,
                           rows: share, context: context)
        }
        for section in db.unreadable {
            line("cannot read \(section.section): \(section.reason)", style: Style.plain.fg(ServiceFacts.warn))
        }
        return y
    }

    private static func rate(_ value: Double?) -> String {
        value.map { $0 < 10 ? Humanize.fixed($0, 1) : Humanize.count($0.rounded()) } ?? "n/a"
    }

    /// `Connections  [bar]  23 of 100 (3 reserved) · active 5 · idle 15 …`
    private static func connections(_ canvas: inout Canvas, _ rect: Rect, _ connections: PostgresConnections,
                                    context: RenderContext) -> Int {
        guard rect.height > 0 else { return rect.y }
        let label = "Connections"
        canvas.put(label, x: rect.x, y: rect.y, style: Style.plain.fg(.title), clip: rect)
        let bar = min(20, max(0, rect.width - 60))
        var x = rect.x + label.count + 1
        if bar >= 4 {
            Meter.draw(&canvas, x: x, y: rect.y, width: bar,
                       fraction: Double(connections.used) / Double(max(1, connections.max)), gradient: .used,
                       context: context)
            x += bar + 1
        }
        var parts = ["\(connections.used) of \(connections.max) (\(connections.reserved) reserved)"]
        parts += connections.byState.map { "\($0.state) \($0.count)" }
        if connections.waitingOnLocks > 0 { parts.append("\(connections.waitingOnLocks) waiting on locks") }
        var y = rect.y
        for wrapped in PanelKit.wrap(parts.joined(separator: " · "), width: rect.maxX - x) where y < rect.maxY {
            canvas.put(wrapped, x: x, y: y, clip: rect)
            y += 1
        }
        return y
    }

    private static func statements(_ canvas: inout Canvas, _ rect: Rect, title: String,
                                   _ statements: [StatementReport], rows share: Int, context: RenderContext) -> Int {
        guard rect.height > 1 else { return rect.y }
        let columns = [
            TableColumn(title, width: 0, alignment: .left), TableColumn("calls/s", width: 8),
            TableColumn("mean", width: 9), TableColumn("total", width: 9), TableColumn("rows", width: 7),
        ]
        guard !statements.isEmpty else {
            canvas.put(title, x: rect.x, y: rect.y, style: Style.plain.fg(.title).with([.bold, .underline]), clip: rect)
            canvas.put("no statement ran in the window", x: rect.x + title.count + 2, y: rect.y,
                       style: Style.plain.fg(.graphText), clip: rect)
            return rect.y + 2
        }
        let rows = statements.map { statement in
            [statement.query, statement.callsPerSecond.map { rate($0) } ?? Humanize.count(statement.calls),
             Humanize.latency(seconds: statement.meanMilliseconds / 1000),
             Humanize.latency(seconds: statement.totalMilliseconds / 1000), Humanize.count(statement.rows)]
        }
        let height = min(rect.height, min(rows.count, share) + 1)
        Table.draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: height), columns: columns,
                   rows: rows, selection: nil, context: context)
        return rect.y + height + 1
    }

    private static func hints(_ canvas: inout Canvas, _ rect: Rect, _ hints: [IndexHint], rows share: Int,
                              context: RenderContext) -> Int {
        guard rect.height > 0 else { return rect.y }
        let title = "Index hints"
        guard !hints.isEmpty else {
            canvas.put(title, x: rect.x, y: rect.y, style: Style.plain.fg(.title).with([.bold, .underline]), clip: rect)
            canvas.put("none: no table is read by many sequential scans over many rows", x: rect.x + title.count + 2,
                       y: rect.y, style: Style.plain.fg(.graphText), clip: rect)
            return rect.y + 2
        }
        let columns = [
            TableColumn(title, width: 0, alignment: .left), TableColumn("seq scans", width: 9),
            TableColumn("rows/scan", width: 9), TableColumn("idx scans", width: 9), TableColumn("live rows", width: 9),
        ]
        let rows = hints.map {
            [$0.table, Humanize.count($0.sequentialScans), Humanize.count($0.rowsPerScan.rounded()),
             Humanize.count($0.indexScans), Humanize.count($0.liveRows)]
        }
        let height = min(rect.height, min(rows.count, share) + 1)
        Table.draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: height), columns: columns,
                   rows: rows, selection: nil, context: context)
        return rect.y + height + 1
    }

    /// Rows per list when `lists` lists (a title row and a blank row each) share `available` rows: 1 to 10.
    private static func listRows(available: Int, lists: Int) -> Int {
        guard lists > 0 else { return 10 }
        return min(10, max(1, (available - 2 * lists) / lists))
    }
}
