import PerfdashCore

/// One service in detail (Enter on the Services table): caches with a hit-rate meter against the 85 % target,
/// queues with a depth bar, latency families with p50 / p95 / p99. Esc or Backspace goes back to the table.
enum ServiceDetailView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ report: ServiceReport, position: (index: Int, count: Int),
                     context: RenderContext) {
        let note = "\(position.index + 1)/\(position.count) · ↑↓ service · Esc back"
        let inner = Box.draw(&canvas, rect, title: "Services › \(report.name)", note: note, border: .procBox,
                             glyphs: context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 0, area.width > 0 else { return }
        let facts = ServiceFacts(report)
        header(&canvas, Rect(x: area.x, y: area.y, width: area.width, height: 1), facts)
        var y = area.y + 1
        switch report.state {
        case .pending:
            canvas.put("waiting for the first scrape", x: area.x, y: y + 1, clip: area)
            return
        case .down:
            PanelKit.paragraphs(&canvas, Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1),
                                [facts.downText, "", "The host panels keep updating; perfdash retries every interval."],
                                firstStyle: Style.plain.fg(ServiceFacts.bad).with(.bold))
            return
        case .up: break
        }
        var scrapeLine = "scrape \(Humanize.latency(seconds: report.scrapeDurationSeconds)) · "
            + "\(Humanize.count(Double(report.seriesCount))) series"
        guard let metrics = report.metrics else {
            PanelKit.ellipsized(&canvas, scrapeLine + " · collecting: rates need two scrapes",
                                Rect(x: area.x, y: y, width: area.width, height: 1), style: .plain, context: context)
            return
        }
        scrapeLine += " · \(metrics.scrapes) scrapes over \(Humanize.duration(seconds: metrics.spanSeconds))"
            + " (\(metrics.window.rawValue) window)"
        PanelKit.ellipsized(&canvas, scrapeLine, Rect(x: area.x, y: y, width: area.width, height: 1),
                            style: Style.plain.fg(.graphText), context: context)
        y += 1
        if let red = metrics.red, y < area.maxY {
            let used = canvas.put("RED  ", x: area.x, y: y, style: Style.plain.fg(.title).with(.bold), clip: area)
            let room = area.width - used
            let full = ServiceREDSections.redLine(red)
            ServiceREDSections.putLine(&canvas, CharacterWidth.of(full) <= room ? full
                                           : ServiceREDSections.redLine(red, compact: true),
                                       x: area.x + used, y: y, width: room)
            y += 1
        }
        // Pools and limiters in one line up here: their tables come last and may not fit.
        if let summary = ServiceREDSections.summaryLine(pools: metrics.pools ?? [], limiters: metrics.limiters ?? []),
           y < area.maxY {
            ServiceREDSections.putLine(&canvas, summary, x: area.x, y: y, width: area.width,
                                       style: Style.plain.fg(.graphText))
            y += 1
        }
        y += 1
        func rest() -> Rect { Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y)) }
        y = ServiceREDSections.routes(&canvas, rest(), metrics.routes ?? [], context: context)
        let redis = report.kind == "redis"
        y = caches(&canvas, rest(), metrics.caches, context)
        if let server = metrics.server {
            if let postgres = server.postgres {
                // A database has no queues or latency families of its own: its statements take the room.
                _ = PostgresDetailView.draw(&canvas, rest(), postgres, context: context)
                return
            }
            y = CacheServerDetailView.draw(&canvas, rest(), server, context: context)
            if server.memcached != nil { return }
        }
        y = queues(&canvas, rest(), metrics.queues,
                   empty: redis ? "no queue keys configured (queues = [...] in its [[service]] entry)"
                       : "no *queue_depth / *queue_length gauges", context)
        y = ServiceREDSections.pools(&canvas, rest(), metrics.pools ?? [], context: context)
        y = ServiceREDSections.limiters(&canvas, rest(), metrics.limiters ?? [], context: context)
        latencies(&canvas, rest(), metrics.latencies,
                  empty: redis ? "Redis exposes no latency distributions"
                      : "no *_duration_seconds histograms or summaries", context)
    }

    /// `up  prometheus  http://…`: the state in its colour, then the kind and the address.
    private static func header(_ canvas: inout Canvas, _ line: Rect, _ facts: ServiceFacts) {
        let state = facts.report.state
        let paint = state == .up ? ServiceFacts.good : state == .down ? ServiceFacts.bad : .role(.graphText)
        let used = canvas.put(facts.stateText, x: line.x, y: line.y, style: Style.plain.with(.bold).fg(paint),
                              clip: line)
        PanelKit.ellipsized(&canvas, "  \(facts.report.kind)  \(facts.report.address)",
                            Rect(x: line.x + used, y: line.y, width: max(0, line.width - used), height: 1),
                            style: Style.plain.fg(.graphText), context: RenderContext())
    }

    /// The bar column of the cache and queue tables: what is left beside the name and four numbers, at most 40.
    static func barWidth(_ rect: Rect) -> Int {
        min(40, max(6, rect.width - 9 - 4 * 8))
    }

    /// The x and width of each column of a table laid out in `rect`.
    static func columnSpans(_ columns: [TableColumn], _ rect: Rect) -> [(x: Int, width: Int)] {
        var x = rect.x
        return Table.layout(columns, width: rect.width).map { width in
            defer { x += width + 1 }
            return (x, width)
        }
    }

    /// A section: `empty` when there are no rows, else the table; returns the row after it and a blank line.
    static func section(_ canvas: inout Canvas, _ rect: Rect, columns: [TableColumn], rows: [[String]],
                                empty: String, context: RenderContext) -> (next: Int, spans: [(x: Int, width: Int)]) {
        guard rect.height > 0 else { return (rect.y, []) }
        if rows.isEmpty {
            canvas.put(columns[0].title, x: rect.x, y: rect.y, style: Style.plain.fg(.title).with([.bold, .underline]),
                       clip: rect)
            canvas.put(empty, x: rect.x + CharacterWidth.of(columns[0].title) + 2, y: rect.y,
                       style: Style.plain.fg(.graphText), clip: rect)
            return (rect.y + 2, [])
        }
        let height = min(rect.height, rows.count + 1)
        Table.draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: height), columns: columns,
                   rows: rows, selection: nil, context: context)
        return (rect.y + height + 1, columnSpans(columns, rect))
    }

    private static func caches(_ canvas: inout Canvas, _ rect: Rect, _ caches: [CacheReport],
                               _ context: RenderContext) -> Int {
        let columns = [
            // As wide as the longest name (`memcached`, `buffers`), 8 to 16.
            TableColumn("Cache", width: min(16, max(8, caches.map { CharacterWidth.of($0.level) }.max() ?? 0)),
                        alignment: .left),
            TableColumn("hit rate vs \(PercentText.configured(ServiceFacts.hitRateTarget)) target",
                        width: barWidth(rect), alignment: .left),
            TableColumn("Hit", width: 7), TableColumn("Hits", width: 7), TableColumn("Misses", width: 7),
            TableColumn("Evicted", width: 7),
        ]
        let rows = caches.map { cache in
            [cache.level, "", cache.hitRateText, Humanize.count(cache.hits), Humanize.count(cache.misses),
             cache.evictions.map(Humanize.count) ?? "—"]
        }
        let (next, spans) = section(&canvas, rect, columns: columns, rows: rows,
                                    empty: "no *cache_hits_total / *cache_misses_total counters", context: context)
        for (i, cache) in caches.enumerated() where spans.count == columns.count && i + 1 < rect.height {
            let y = rect.y + 1 + i
            if spans[1].width >= 4 {
                targetMeter(&canvas, x: spans[1].x, y: y, width: spans[1].width - 1,
                            percent: cache.hitRatePercent, context: context)
            }
            canvas.restyle(Rect(x: spans[2].x, y: y, width: spans[2].width, height: 1)) {
                ServiceFacts.hitRateStyle(cache.hitRatePercent, base: $0)
            }
        }
        return next
    }

    private static func queues(_ canvas: inout Canvas, _ rect: Rect, _ queues: [QueueReport], empty: String,
                               _ context: RenderContext) -> Int {
        let columns = [
            TableColumn("Queue", width: 8, alignment: .left),
            TableColumn("depth now", width: barWidth(rect), alignment: .left),
            TableColumn("Now", width: 7), TableColumn("Avg", width: 7), TableColumn("p95", width: 7),
            TableColumn("Max", width: 7),
        ]
        let rows = queues.map { q in
            [q.queue, "", Humanize.count(q.now), Humanize.count(q.avg), Humanize.count(q.p95), Humanize.count(q.max)]
        }
        let (next, spans) = section(&canvas, rect, columns: columns, rows: rows,
                                    empty: empty, context: context)
        // Bars share one scale: the deepest queue's maximum over the window.
        let top = max(1, queues.map(\.max).max() ?? 1)
        for (i, queue) in queues.enumerated() where spans.count == columns.count && i + 1 < rect.height {
            if spans[1].width >= 4 {
                Meter.draw(&canvas, x: spans[1].x, y: rect.y + 1 + i, width: spans[1].width - 1,
                           fraction: queue.now / top, gradient: .process, context: context)
            }
        }
        return next
    }

    private static func latencies(_ canvas: inout Canvas, _ rect: Rect, _ latencies: [LatencyReport], empty: String,
                                  _ context: RenderContext) {
        let columns = [
            // As wide as the longest family, within what the five number columns (40 + 5 gaps) leave.
            TableColumn("Latency", width: max(7, min(rect.width - 45, latencies.map { CharacterWidth.of($0.family) }
                .max() ?? 0)), alignment: .left),
            TableColumn("Source", width: 9, alignment: .left),
            TableColumn("p50", width: 8), TableColumn("p95", width: 8), TableColumn("p99", width: 8),
            TableColumn("Count", width: 7),
        ]
        let rows = latencies.map { l in
            [l.family, l.source.rawValue, Humanize.latency(seconds: l.p50Seconds),
             Humanize.latency(seconds: l.p95Seconds), Humanize.latency(seconds: l.p99Seconds),
             Humanize.count(l.observations)]
        }
        _ = section(&canvas, rect, columns: columns, rows: rows,
                    empty: empty, context: context)
    }

    /// A bar filled to `percent`, all in the target's colour (good at or above 85 %, warning below), with a tick
    /// at the target; empty without traffic.
    static func targetMeter(_ canvas: inout Canvas, x: Int, y: Int, width: Int, percent: Double?,
                            context: RenderContext) {
        guard width > 0 else { return }
        let filled = percent.map { Int(saturating: (min(max($0, 0), 100) / 100 * Double(width)).rounded()) } ?? 0
        let mark = Int((ServiceFacts.hitRateTarget / 100 * Double(width)).rounded(.down))
        let fill = ServiceFacts.hitRateStyle(percent)
        let empty: Character = context.color ? context.glyphs.meterEmpty : (context.glyphs.isUnicode ? "·" : ".")
        for i in 0..<width {
            if i < filled {
                canvas.set(context.glyphs.meterFull, x: x + i, y: y, style: fill)
            } else if i == mark {
                canvas.set(Character(context.glyphs.separator), x: x + i, y: y, style: Style.plain.fg(.title))
            } else {
                canvas.set(empty, x: x + i, y: y, style: Style.plain.fg(.meterBg))
            }
        }
    }
}
