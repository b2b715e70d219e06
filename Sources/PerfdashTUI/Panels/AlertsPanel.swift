import Foundation
import PerfdashCore

/// The Alerts panel (key 9): the active alerts, most severe first, with their value against the threshold, how
/// long they have been active and their peak; below, the log of alerts that fired (fired, resolved, duration,
/// peak), newest first; then the rules waiting for a series this host does not have (yet).
enum AlertsPanel {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        draw(&canvas, rect, input.model, context: input.context, timeZone: .current,
             selected: input.state.selection[.alerts] ?? 0)
    }

    /// `selected` counts the active alerts first, then the log (the row `v` and Enter show in full).
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ model: DashboardModel, context: RenderContext,
                     timeZone: TimeZone, selected: Int = 0) {
        guard let alerts = model.alerts else {
            let inner = Box.draw(&canvas, rect, title: "Alerts", note: "", border: .procBox, glyphs: context.glyphs)
            guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
            PanelKit.paragraphs(&canvas, inner.inset(dx: 1, dy: 0), [
                "No alert rules.",
                "The built-in host rules are switched off ([alerts] builtin = false) and the config has no "
                    + "[[alert]] table; see docs/alerts-and-advisor.md.",
            ], style: Style.plain.fg(.graphText), firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        let firing = alerts.active.filter { $0.state == .firing }.count
        let note = "\(firing) firing · \(alerts.active.count - firing) pending · \(alerts.rules) rules"
        let inner = Box.draw(&canvas, rect, title: "Alerts", note: note, border: .procBox, glyphs: context.glyphs)
        var area = inner.inset(dx: 1, dy: 0)
        guard area.height > 2 else { return }
        if let failure = model.alertCommandFailure {
            PanelKit.ellipsized(&canvas, failure, Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1),
                                style: AlertStyle.figure(.warning), context: context)
            area = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        }
        // Active alerts get what they need (up to half the panel); the log takes the rest.
        let activeRows = alerts.active.isEmpty ? 1 : min(alerts.active.count, max(1, area.height / 2 - 2))
        canvas.put("Active", x: area.x, y: area.y, style: Style.plain.fg(.title).with(.bold), clip: area)
        var y = area.y + 1
        if alerts.active.isEmpty {
            let watching = alerts.rules - alerts.inactiveRules.count
            canvas.put("none: \(watching) rule\(watching == 1 ? "" : "s") watching, all within their levels",
                       x: area.x + 2, y: y, style: Style.plain.fg(.graphText), clip: area)
            y += 1
        } else {
            y += activeTable(&canvas, Rect(x: area.x, y: y, width: area.width, height: activeRows + 1),
                             alerts.active, selected: selected < alerts.active.count ? selected : nil,
                             context: context)
        }
        y += 1
        guard y < area.maxY - 1 else { return }
        let waiting = alerts.inactiveRules
        // The rules without data take the rows the log leaves (wrapped; the last shown row cut with "…", `v` or
        // Enter shows them all), at least one.
        let text = "no data (series absent on this host, or not yet): " + waiting.joined(separator: ", ")
        let logNeeds = 1 + max(1, alerts.log.count)
        let waitingRows = waiting.isEmpty ? 0
            : min(PanelKit.wrap(text, width: area.width, indent: 2).count, max(1, area.maxY - y - 1 - logNeeds))
        let logHeight = area.maxY - y - (waiting.isEmpty ? 0 : waitingRows + 1)
        canvas.put("Log", x: area.x, y: y, style: Style.plain.fg(.title).with(.bold), clip: area)
        canvas.put("  newest first, last \(AlertEngine.logLimit)", x: area.x + 3, y: y,
                   style: Style.plain.fg(.graphText), clip: area)
        y += 1
        if alerts.log.isEmpty {
            canvas.put("no alert has fired since perfdash started", x: area.x + 2, y: y,
                       style: Style.plain.fg(.graphText), clip: area)
        } else if logHeight > 1 {
            let index = selected - alerts.active.count
            logTable(&canvas, Rect(x: area.x, y: y, width: area.width, height: logHeight - 1), alerts.log,
                     selected: alerts.log.indices.contains(index) ? index : nil, timeZone: timeZone, context: context)
        }
        if waitingRows > 0 {
            PanelKit.fittedLines(&canvas, Rect(x: area.x, y: area.maxY - waitingRows, width: area.width,
                                               height: waitingRows), [text], style: Style.plain.fg(.graphText))
        }
    }

    /// The active alerts, scrolled to keep `selected` in view, with "… n more" under them when they do not all
    /// fit; returns the rows used.
    private static func activeTable(_ canvas: inout Canvas, _ rect: Rect, _ active: [ActiveAlert], selected: Int?,
                                    context: RenderContext) -> Int {
        let columns = [TableColumn("level", width: 5, alignment: .left), TableColumn("alert", width: 14, alignment: .left),
                       TableColumn("value", width: 18), TableColumn("active", width: 9), TableColumn("peak", width: 9),
                       TableColumn("series", width: 0, alignment: .left)]
        let room = active.count > rect.height - 1 ? max(1, rect.height - 2) : active.count
        let first = selected.map { max(0, $0 - room + 1) } ?? 0
        let shown = Array(active.dropFirst(first).prefix(room))
        var rows = shown.map { alert -> [String] in
            let unit = MetricUnit.unit(for: alert.series)
            return ["", alert.name,
                    "\(AutoscalerText.measured(alert.value, unit: unit)) \(alert.above ? ">" : "<") "
                        + AutoscalerText.configured(alert.threshold, unit: unit),
                    Humanize.elapsed(seconds: alert.activeSeconds), AutoscalerText.measured(alert.peak, unit: unit),
                    "\(alert.series) (\(alert.aggregate))"]
        }
        let more = active.count - shown.count
        if more > 0 { rows.append(["", "… \(more) more (↑↓)", "", "", "", ""]) }
        Table.draw(&canvas, rect, columns: columns, rows: rows, selection: selected.map { $0 - first },
                   context: context)
        for (index, alert) in shown.enumerated() {
            let pending = alert.state == .pending
            canvas.put(" " + AlertStyle.word(alert.level, pending: pending) + " ", x: rect.x, y: rect.y + 1 + index,
                       style: AlertStyle.badge(alert.level, pending: pending), limit: 6)
        }
        return rows.count + 1
    }

    private static func logTable(_ canvas: inout Canvas, _ rect: Rect, _ log: [AlertLogEntry], selected: Int?,
                                 timeZone: TimeZone, context: RenderContext) {
        let columns = [TableColumn("fired", width: 8, alignment: .left), TableColumn("resolved", width: 8, alignment: .left),
                       TableColumn("lasted", width: 9), TableColumn("level", width: 8, alignment: .left),
                       TableColumn("peak", width: 9), TableColumn("alert", width: 14, alignment: .left),
                       TableColumn("series", width: 0, alignment: .left)]
        let rows = log.map { entry -> [String] in
            [clock(entry.firedUnixMs, timeZone), entry.resolvedUnixMs.map { clock($0, timeZone) } ?? "firing",
             Humanize.elapsed(seconds: entry.durationSeconds), entry.level.name,
             AutoscalerText.measured(entry.peak, unit: MetricUnit.unit(for: entry.series)), entry.name, entry.series]
        }
        Table.draw(&canvas, rect, columns: columns, rows: rows, selection: selected, context: context)
    }

    /// `HH:MM:SS` in `timeZone`.
    static func clock(_ unixMs: Int64, _ timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(unixMs) / 1000))
        return AutoscalerText.clock(unixMilliseconds: unixMs, offsetSeconds: offset)
    }

    /// The firing alerts for the Overview, most severe first: level and `cpu-busy 97.2 %`.
    static func summary(_ alerts: AlertsSection?) -> [(level: AlertLevel, text: String)] {
        (alerts?.active ?? []).filter { $0.state == .firing }.map { alert in
            let unit = MetricUnit.unit(for: alert.series)
            let subject = alert.instance.map { " \($0)" } ?? ""
            return (alert.level, "\(alert.name)\(subject) \(AutoscalerText.measured(alert.value, unit: unit))")
        }
    }
}
