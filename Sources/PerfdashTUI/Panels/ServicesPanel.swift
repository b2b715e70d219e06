public import PerfdashCore

/// The Services panel: one row per scraped service (state, scrape, requests/s, error %, worst cache hit rate, queued
/// jobs, p95 latency); Enter opens the selected service's RED line, routes, caches, queues, pools, limiters and
/// latencies (`ServiceDetailView`), Esc goes back.
/// Until services are configured it says what it will show and how to set it up.
public enum ServicesPanel {
    /// Draws the panel for `input` into `rect`.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let services = input.model.services
        let selected = min(input.state.selection[.services] ?? 0, max(0, services.count - 1))
        if input.state.serviceDetail, !services.isEmpty {
            return ServiceDetailView.draw(&canvas, rect, services[selected], position: (selected, services.count),
                                          context: input.context)
        }
        let note = services.isEmpty ? "none configured"
            : "\(services.count) configured · \(input.model.window.rawValue) window · ↑↓ select · Enter details"
        let inner = Box.draw(&canvas, rect, title: "Services", note: note, border: .procBox,
                             glyphs: input.context.glyphs)
        guard !services.isEmpty else {
            PanelKit.paragraphs(&canvas, inner.inset(dx: 1, dy: 0), explanation,
                                firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        let area = inner.inset(dx: 1, dy: 0)
        var tableArea = area
        if let text = input.model.servicesNote {
            let lines = PanelKit.wrap(text, width: area.width)
            tableArea.height = max(0, area.height - lines.count - 1)
            PanelKit.paragraphs(&canvas, Rect(x: area.x, y: area.maxY - lines.count, width: area.width,
                                              height: lines.count), [text], style: Style.plain.fg(.graphText))
        }
        // The table takes what its rows need; the selected service's history graphs fill the rest.
        let spare = tableArea.height - (services.count + 1) - 1
        if spare >= 6 {
            let history = Rect(x: tableArea.x, y: tableArea.y + services.count + 2, width: tableArea.width, height: spare)
            tableArea.height = services.count + 1
            ServiceHistoryView.draw(&canvas, history, services[selected], model: input.model, context: input.context)
        }
        table(&canvas, tableArea, services, selected: selected, context: input.context)
        markAlerts(&canvas, tableArea, services, alerts: input.model.alerts, selected: selected)
    }

    /// The name of a service with a firing alert on one of its series, in the alert's colour.
    private static func markAlerts(_ canvas: inout Canvas, _ rect: Rect, _ services: [ServiceReport],
                                   alerts: AlertsSection?, selected: Int) {
        guard let alerts, alerts.highestLevel > .ok, rect.height > 1 else { return }
        let width = columns(width: rect.width, services: services)[0].width
        let visible = rect.height - 1
        let first = selected >= visible ? selected - visible + 1 : 0
        for index in first..<min(services.count, first + visible) where index != selected {
            let prefix = SeriesName.service(services[index].name, "")
            let level = alerts.active.filter { $0.state == .firing && $0.series.hasPrefix(prefix) }.map(\.level).max()
            guard let level, level > .ok else { continue }
            canvas.restyle(Rect(x: rect.x, y: rect.y + 1 + index - first, width: width, height: 1)) { _ in
                AlertStyle.figure(level)
            }
        }
    }

    /// The table's columns for `services` in a table `width` cells wide: the name as wide as the longest (8…24),
    /// the kind abbreviated and the series count left out below 100 columns, and the address in the room left
    /// from 110 columns.
    static func columns(width: Int, services: [ServiceReport]) -> [TableColumn] {
        let nameWidth = min(24, max(8, services.map { CharacterWidth.of($0.name) }.max() ?? 0))
        var columns = [
            TableColumn("Service", width: nameWidth, alignment: .left),
            TableColumn("Kind", width: width >= 100 ? 10 : 5, alignment: .left),
            TableColumn("State", width: 7, alignment: .left), TableColumn("Scrape", width: 8),
            TableColumn("Req/s", width: 7), TableColumn("Err %", width: 6),
            TableColumn("Worst hit", width: worstHitWidth(services)),
            TableColumn("Queued", width: 6), TableColumn("p95 lat", width: 8),
        ]
        if width >= 100 { columns.append(TableColumn("Series", width: 6)) }
        if width >= 110 { columns.append(TableColumn("Address", width: 0, alignment: .left)) }
        return columns
    }

    /// Column positions the table colours by.
    private enum Column {
        static let state = 2, scrape = 3, errors = 5, worstHit = 6
    }

    /// Wide enough for `memcached n/a` or `buffers 99.2 %` (11 to 16 cells).
    static func worstHitWidth(_ services: [ServiceReport]) -> Int {
        min(16, max(11, services.map { CharacterWidth.of(ServiceFacts($0).worstCacheText) }.max() ?? 0))
    }

    private static func table(_ canvas: inout Canvas, _ rect: Rect, _ services: [ServiceReport], selected: Int,
                              context: RenderContext) {
        let columns = columns(width: rect.width, services: services)
        let withSeries = columns.contains { $0.title == "Series" }
        let rows = services.map { report in
            row(report, wideKind: columns[1].width >= 10)
                + (withSeries ? [report.state == .up ? Humanize.count(Double(report.seriesCount)) : ""] : [])
                + [report.address]
        }
        let addressColumn = columns.firstIndex { $0.title == "Address" }
        // The address takes what it needs; the rest of a wide screen goes to every column, not to the address.
        let first = Table.draw(&canvas, rect, columns: columns, rows: rows, selection: selected, context: context,
                               shareSpare: true)
        // Colours that say something, and the error of a service that is down across the metric columns.
        let widths = Table.layout(columns, width: rect.width, rows: rows)
        var starts: [Int] = []
        var x = rect.x
        for width in widths {
            starts.append(x)
            x += width + 1
        }
        for index in first..<min(services.count, first + rect.height - 1) {
            let y = rect.y + 1 + index - first
            let facts = ServiceFacts(services[index])
            let isSelected = index == selected
            if widths[Column.state] > 0, !isSelected, facts.report.state != .pending {
                let up = facts.report.state == .up
                canvas.restyle(Rect(x: starts[Column.state], y: y, width: widths[Column.state], height: 1)) {
                    up ? $0.fg(ServiceFacts.good) : $0.fg(ServiceFacts.bad).with(.bold)
                }
            }
            if facts.report.state == .down, widths[Column.scrape] > 0 {
                let from = starts[Column.scrape]
                let style = isSelected ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg),
                                               attributes: .reverseWithoutColor) : Style.plain.fg(ServiceFacts.bad)
                // Up to the address column when there is one, else to the table's edge.
                let end = addressColumn.flatMap { widths[$0] > 0 ? starts[$0] - 1 : nil } ?? rect.maxX
                // Cut with "…" where it does not fit; `v` shows it whole.
                canvas.put(TextFit.fit(facts.downText, width: end - from, ascii: !context.glyphs.isUnicode),
                           x: from, y: y, style: style, clip: Rect(x: from, y: y, width: end - from, height: 1))
            } else if !isSelected {
                if widths[Column.worstHit] > 0, let cache = facts.worstCache {
                    canvas.restyle(Rect(x: starts[Column.worstHit], y: y, width: widths[Column.worstHit], height: 1)) {
                        ServiceFacts.hitRateStyle(cache.hitRatePercent, base: $0)
                    }
                }
                if widths[Column.errors] > 0, let percent = facts.report.metrics?.red?.errorPercent, percent > 0 {
                    canvas.restyle(Rect(x: starts[Column.errors], y: y, width: widths[Column.errors], height: 1)) {
                        $0.fg(percent >= 5 ? ServiceFacts.bad : ServiceFacts.warn).with(.boldWithoutColor)
                    }
                }
            }
        }
    }

    /// One table row: name, kind, state, scrape duration, requests/s, error %, worst hit rate, queued, p95 latency
    /// (the service's RED p95 when it has one, else its main latency family's).
    static func row(_ report: ServiceReport, wideKind: Bool) -> [String] {
        let facts = ServiceFacts(report)
        let kind = wideKind || report.kind == "redis" ? report.kind : String(report.kind.prefix(4))
        let base = [report.name, kind, facts.stateText]
        switch report.state {
        case .pending: return base + ["", "", "", "waiting", "", ""]
        case .down: return base + ["", "", "", "", "", ""]
        case .up:
            let red = report.metrics?.red
            let p95 = red.map { $0.p95Seconds } ?? facts.mainLatency?.p95Seconds
            return base + [
                Humanize.latency(seconds: report.scrapeDurationSeconds),
                red.map { ServiceREDSections.rate($0.requestsPerSecond, total: $0.requests) } ?? "",
                red.flatMap { $0.errors == nil ? nil : Humanize.percent($0.errorPercent) } ?? "",
                facts.worstCacheText, facts.totalQueued.map(Humanize.count) ?? "",
                red != nil || facts.mainLatency != nil ? Humanize.latency(seconds: p95) : "",
            ]
        }
    }

    /// The one-line summary for the Overview panel: `3 services, 1 down · demo l1 87.2 % · demo 330/s 0.1% err ·
    /// queues 14`.
    public static func summary(_ services: [ServiceReport]) -> String {
        guard !services.isEmpty else { return "none configured (panel \(PanelID.services.key) tells how)" }
        let down = services.filter { $0.state == .down }.count
        let pending = services.filter { $0.state == .pending }.count
        var parts = ["\(services.count) service\(services.count == 1 ? "" : "s"), "
                     + (down > 0 ? "\(down) down" : pending > 0 ? "\(pending) waiting" : "all up")]
        if let first = services.first(where: { $0.metrics?.caches.isEmpty == false }),
           let cache = first.metrics?.caches.first {
            parts.append("\(first.name) \(cache.level) \(cache.hitRateText)")
        }
        if let first = services.first(where: { $0.metrics?.red != nil }), let red = first.metrics?.red {
            var text = "\(first.name) \(ServiceREDSections.rate(red.requestsPerSecond, total: red.requests))"
            if red.errors != nil { text += " \(Humanize.percent(red.errorPercent)) err" }
            parts.append(text)
        }
        let queued = services.compactMap { ServiceFacts($0).totalQueued }
        if !queued.isEmpty { parts.append("queues \(Humanize.count(queued.reduce(0, +)))") }
        return parts.joined(separator: " · ")
    }

    static let explanation = [
        "No services configured yet.",
        "",
        "This panel shows, for each instrumented service:",
        "  • up/down, scrape duration and series count",
        "  • cache hit rate per cache level (L1 / L2 / L3) over the stats window — n/a without traffic",
        "  • queue depth per queue (now, avg, p95) — high / normal / low / batch",
        "  • RED per service and per route: requests/s, error %, latency p50 / p95 / p99",
        "  • connection pools (in use / max, waiters, time to acquire) and rate limiter rejections/s",
        "",
        "Sources: Prometheus text / OpenMetrics endpoints over HTTP (presets recognise Micrometer, OpenTelemetry, "
            + "client_golang, prom-client, prometheus_client, django-prometheus and the Redis, memcached, PostgreSQL "
            + "and Celery exporters; selectors read anything else), Redis (INFO, queue keys), PostgreSQL "
            + "(pg_stat_database, pg_stat_activity, pg_stat_statements, pg_stat_user_tables) and memcached (stats).",
        "Configure them with [[service]] entries in the config file (--config, default "
            + "~/.config/perfdash/config.toml) or the quick flags --scrape NAME=URL, --redis NAME=HOST:PORT, "
            + "--postgres NAME=postgres://user@host:port/db and --memcached NAME=HOST:PORT; "
            + "perfdash --demo starts a synthetic service and watches it.",
    ]
}
