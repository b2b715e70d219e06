import Foundation
import PerfdashCore

/// One autoscaler's framed block on the Autoscaler panel, top to bottom: the policy summary, the recommendation
/// (a coloured badge beside from → to, the reason and the countdown), one scale per input metric, the inputs
/// without data, and the recent decisions in whatever rows are left.
///
/// Every section shrinks before the decisions vanish entirely: the summary to one line, the reason to one line,
/// the metric scales to their bar without the ruler.
struct AutoscalerBlock {
    let status: AutoscalerStatus
    let context: RenderContext
    let timeZone: TimeZone
    /// Recent values by series name, for a predictive policy's forecast chart.
    var series: [String: Series] = [:]

    /// Columns of the recommendation badge.
    static let badgeWidth = 10

    private var recommendation: Recommendation { status.recommendation }

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let inner = Box.draw(&canvas, rect, title: "Autoscaler " + status.name,
                             note: AutoscalerText.text("\(status.spec.policy.kind) policy · recommends only", context),
                             border: .procBox, glyphs: context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 0, area.width > 0 else { return }
        let h = area.height
        var y = area.y

        let summary = capped(summaryLines(width: area.width), width: area.width,
                             maxLines: h >= 20 ? 3 : (h >= 14 ? 2 : 1))
        for line in summary {
            canvas.put(line, x: area.x, y: y, style: Style.plain.fg(.graphText), clip: area)
            y += 1
        }
        if h >= 14 { y += 1 }

        let reasonWidth = area.width - Self.badgeWidth - 2
        let reason = capped(PanelKit.wrap(AutoscalerText.text(recommendation.reason, context), width: reasonWidth,
                                          indent: 2),
                            width: reasonWidth, maxLines: h >= 16 ? 2 : 1)
        let headerRows = min(2 + reason.count, area.maxY - y)
        header(&canvas, Rect(x: area.x, y: y, width: area.width, height: headerRows), reason: reason)
        y += headerRows
        if h >= 16 { y += 1 }

        let ruler = h >= 12
        let scales = MetricScales(status: status, context: context)
        for reading in recommendation.metrics where y < area.maxY {
            y += scales.draw(&canvas, reading, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                             ruler: ruler)
        }
        if !status.missingSeries.isEmpty, y < area.maxY {
            let note = "no data for " + status.missingSeries.joined(separator: ", ")
                + " at this tick (not counted as 0)"
            canvas.put(AutoscalerText.text(note, context), x: area.x, y: y,
                       style: Style.plain.fg(AutoscalerText.paint(.up)).with(.bold), clip: area)
            y += 1
        }
        y += forecastCharts(&canvas, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y))
        if area.maxY - y >= 4 { y += 1 }
        DecisionList(status: status, context: context, timeZone: timeZone)
            .draw(&canvas, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y))
    }

    /// A predictive policy's charts, one per metric with a forecast and recent values, when the block has room for
    /// a chart and still 6 rows of decisions; returns the rows used.
    private func forecastCharts(_ canvas: inout Canvas, _ rect: Rect) -> Int {
        guard case .predictive(let policy) = status.spec.policy else { return 0 }
        let height = min(8, rect.height - 7)
        guard height >= 4 else { return 0 }
        var used = 0
        for reading in recommendation.metrics {
            guard let forecast = reading.forecast, let values = series[reading.series]?.values, !values.isEmpty,
                  used + height + 1 <= rect.height - 6 else { continue }
            let target = policy.target.metrics.first { $0.metric.series == reading.series }
            // An average_value target is per replica: the chart stays in the metric's own units, without it.
            let chart = ForecastChart(actual: values, forecast: forecast,
                                      target: target?.type == .averageValue ? nil : target?.target,
                                      label: reading.label, unit: MetricUnit.unit(for: reading.series),
                                      context: context)
            if chart.draw(&canvas, Rect(x: rect.x, y: rect.y + used + 1, width: rect.width, height: height)) {
                used += height + 1
            }
        }
        return used
    }

    /// The badge (as tall as the header, the word on its middle row) and, beside it, from → to with the rule,
    /// the reason and the countdown.
    private func header(_ canvas: inout Canvas, _ rect: Rect, reason: [String]) {
        guard rect.height > 0 else { return }
        let r = recommendation
        let badge = Rect(x: rect.x, y: rect.y, width: min(Self.badgeWidth, rect.width), height: rect.height)
        let style = AutoscalerText.badgeStyle(r.action)
        if r.action != .none { canvas.fill(badge, style: style) }
        let glyph = switch r.action {
        case .up: context.glyphs.isUnicode ? "↑ " : "^ "
        case .down: context.glyphs.isUnicode ? "↓ " : "v "
        case .none: ""
        }
        PanelKit.centred(&canvas, badge, [glyph + AutoscalerText.word(r.action)], style: style)

        let side = Rect(x: badge.maxX + 2, y: rect.y, width: rect.width - badge.width - 2, height: rect.height)
        var x = side.x
        let outcome = AutoscalerText.outcome(r, arrow: AutoscalerText.arrow(context))
        x += canvas.put(outcome, x: x, y: side.y, style: Style.plain.with(.bold), clip: side)
        if r.rule != .unknownReplicas {
            x += canvas.put(" replicas", x: x, y: side.y, style: Style.plain.with(.bold), clip: side)
        }
        canvas.put("   rule " + r.rule.rawValue, x: x, y: side.y, style: Style.plain.fg(.graphText), clip: side)
        let countdownRow = side.height >= 3
        for (i, line) in reason.prefix(side.height - (countdownRow ? 2 : 1)).enumerated() {
            canvas.put(line, x: side.x, y: side.y + 1 + i, clip: side)
        }
        if countdownRow { countdown(&canvas, Rect(x: side.x, y: side.maxY - 1, width: side.width, height: 1)) }
    }

    /// `cooldown      [■■■■■·····]  42 s left of 60 s`, or the idle note.
    private func countdown(_ canvas: inout Canvas, _ row: Rect) {
        guard let countdown = AutoscalerCountdown(status) else { return }
        let labelWidth = 14
        canvas.put(countdown.label, x: row.x, y: row.y, style: Style.plain.fg(.title), clip: row)
        let x = row.x + labelWidth
        guard let left = countdown.left else {
            let idle = "none running (\(countdown.idle))"
            canvas.put(idle, x: x, y: row.y, style: Style.plain.fg(.graphText), clip: row)
            return
        }
        let text = "\(AutoscalerText.seconds(left)) left of \(AutoscalerText.seconds(countdown.total))"
        let barWidth = min(30, row.maxX - x - CharacterWidth.of(text) - 1)
        var textX = x
        if barWidth >= 5 {
            Meter.draw(&canvas, x: x, y: row.y, width: barWidth, fraction: countdown.fraction, gradient: .download,
                       context: context)
            textX += barWidth + 1
        }
        canvas.put(text, x: textX, y: row.y, style: Style.plain.with(.boldWithoutColor), clip: row)
    }

    /// The summary broken between its ` · ` parts where it can, inside a part where it must; lines after the
    /// first are indented by 2.
    private func summaryLines(width: Int) -> [String] {
        guard width > 2 else { return [] }
        let separator = AutoscalerText.text(" · ", context)
        var lines: [String] = []
        var line = ""
        for part in status.summary.components(separatedBy: " · ").map({ AutoscalerText.text($0, context) }) {
            let candidate = line.isEmpty ? part : line + separator + part
            if line.isEmpty || CharacterWidth.of(candidate) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = "  " + part
            }
        }
        lines.append(line)
        return lines.flatMap { PanelKit.wrap($0, width: width, indent: 2) }
    }

    /// At most `maxLines` of `lines`; a cut last line ends in `…` (`..` in ASCII).
    private func capped(_ lines: [String], width: Int, maxLines: Int) -> [String] {
        guard width > 2 else { return [] }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let ellipsis = context.glyphs.isUnicode ? "…" : ".."
        var last = kept[kept.count - 1]
        while CharacterWidth.of(last) + ellipsis.count > width, !last.isEmpty { last.removeLast() }
        kept[kept.count - 1] = last + ellipsis
        return kept
    }
}
