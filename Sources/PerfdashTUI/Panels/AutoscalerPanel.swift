import Foundation
public import PerfdashCore

/// The Autoscaler panel: for each configured autoscaler its policy and parameters, the input metrics against the
/// thresholds or target, the current recommendation in a large coloured badge, the cooldown or stabilization time
/// left, missing inputs, and the last decisions with their times. Without an autoscaler it says what it will show
/// and how to configure one.
///
/// Several autoscalers are stacked, one framed block each, in configuration order. When the panel is too short for
/// a block each (fewer than ``minimumBlockHeight`` rows per autoscaler), it lists them one line each instead.
public enum AutoscalerPanel {
    /// Rows a stacked block needs to show more than its recommendation.
    static let minimumBlockHeight = 9

    /// Draws the panel for `statuses` (a snapshot's `autoscaler` section) into `rect`; `series` holds the recent
    /// values a predictive autoscaler's forecast chart shows.
    /// With several autoscalers, `selected` is highlighted: the one whose full text `v` or Enter shows.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ statuses: [AutoscalerStatus],
                            context: RenderContext, series: [String: Series] = [:], selected: Int? = nil) {
        draw(&canvas, rect, statuses, context: context, timeZone: .current, series: series, selected: selected)
    }

    /// `draw` with the time zone of the decision times given (tests pin it; the dashboard shows local time).
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ statuses: [AutoscalerStatus], context: RenderContext,
                     timeZone: TimeZone, series: [String: Series] = [:], selected: Int? = nil) {
        guard !statuses.isEmpty else {
            let inner = Box.draw(&canvas, rect, title: "Autoscaler", note: "recommends only, never scales",
                                 border: .procBox, glyphs: context.glyphs)
            let text = explanation.map { AutoscalerText.text($0, context) }
            PanelKit.paragraphs(&canvas, inner.inset(dx: 1, dy: 0), text,
                                firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        // One autoscaler needs no highlight: it is what `v` shows.
        let highlight = statuses.count > 1 ? selected.map { min(max(0, $0), statuses.count - 1) } : nil
        if rect.height / statuses.count >= minimumBlockHeight {
            for (index, (block, status)) in zip(rect.rows(statuses.count), statuses).enumerated() {
                AutoscalerBlock(status: status, context: context, timeZone: timeZone, series: series)
                    .draw(&canvas, block)
                if index == highlight {
                    // The title in the selection's colours (reverse video without colour).
                    let width = CharacterWidth.of("Autoscaler " + status.name) + 2
                    canvas.restyle(Rect(x: block.x + 1, y: block.y, width: min(width, max(0, block.width - 4)),
                                        height: 1)) { _ in Self.selectedStyle }
                }
            }
        } else {
            list(&canvas, rect, statuses, context: context, selected: highlight)
        }
    }

    /// The one-line summary for the Overview panel: each autoscaler's recommendation, `; ` between them.
    ///
    /// `api: UP 3 → 4 (cpu avg 1m 83.2 % > 80 %)`, `api: NONE, stays 4 (cooldown 42 s left)`, or
    /// `none configured (panel 8 tells how)`.
    public static func summary(_ statuses: [AutoscalerStatus]) -> String {
        guard !statuses.isEmpty else { return "none configured (panel \(PanelID.autoscaler.key) tells how)" }
        return statuses.map(line).joined(separator: "; ")
    }

    /// One autoscaler in one line, for the Overview: `api: UP 3 → 4 (cpu avg 1m 83.2 % > 80 %)`.
    static func line(_ status: AutoscalerStatus) -> String {
        "\(status.name): \(AutoscalerText.change(status.recommendation, arrow: "→")) (\(detail(status)))"
    }

    /// The countdown while one runs (`cooldown 42 s left`), else the reason without its outcome.
    static func detail(_ status: AutoscalerStatus) -> String {
        if let countdown = AutoscalerCountdown(status), let left = countdown.left {
            return "\(countdown.label) \(AutoscalerText.seconds(left)) left"
        }
        return AutoscalerText.cause(status.recommendation)
    }

    /// What the panel shows, and how to configure an autoscaler (flags as `AutoscaleOptions` declares them).
    static var explanation: [String] {
        [
            "No autoscaler configured yet.",
            "",
            "For each autoscaler this panel will show a replica recommendation, UP, DOWN or NONE, from any series "
                + "perfdash samples (host CPU or memory %, a disk or network rate, a service's queue depth, hit rate "
                + "or latency). perfdash recommends only; it never scales anything.",
            "  • the policy and its parameters: threshold (above / below, step, min / max, cooldown) or target "
                + "(Kubernetes HPA: ceil(current × value / target), tolerance, stabilization)",
            "  • each metric's window avg / p95 drawn against the thresholds or the target",
            "  • from → to replicas, the reason, the cooldown or stabilization seconds left",
            "  • inputs without data, and the last 20 decisions with their times",
            "",
            "Configure one with an [[autoscaler]] table in the config file (--config), or with flags:",
            "  perfdash --autoscale-metric cpu.busy_percent --policy threshold --up 80 --down 30 --min 1 --max 10 "
                + "--cooldown 60s --replicas 3",
            "Try a policy on a recorded history first: perfdash autoscale simulate --input FILE (same flags).",
        ]
    }

    /// Too many autoscalers for a block each: one framed list, one line per autoscaler.
    /// The style of a selected row or title.
    static let selectedStyle = Style(fg: .role(.selectedFg), bg: .role(.selectedBg),
                                     attributes: [.bold, .reverseWithoutColor])

    private static func list(_ canvas: inout Canvas, _ rect: Rect, _ statuses: [AutoscalerStatus],
                             context: RenderContext, selected: Int?) {
        let inner = Box.draw(&canvas, rect, title: "Autoscalers", note: "\(statuses.count) configured",
                             border: .procBox, glyphs: context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 0 else { return }
        let shown = statuses.count > area.height ? max(0, area.height - 1) : statuses.count
        // The selected autoscaler stays in view: the list starts late enough to show it.
        let first = selected.map { max(0, $0 - shown + 1) } ?? 0
        let nameWidth = min(20, statuses.map { CharacterWidth.of($0.name) }.max() ?? 0)
        let arrow = AutoscalerText.arrow(context)
        let outcomeWidth = statuses.map { CharacterWidth.of(AutoscalerText.outcome($0.recommendation, arrow: arrow)) }
            .max() ?? 0
        for (i, status) in statuses.dropFirst(first).prefix(shown).enumerated() {
            let y = area.y + i
            let row = Rect(x: area.x, y: y, width: area.width, height: 1)
            if first + i == selected { canvas.fill(row, style: selectedStyle) }
            canvas.put(status.name, x: area.x, y: y, style: Style.plain.with(.bold), limit: nameWidth, clip: row)
            var x = area.x + nameWidth + 1
            let r = status.recommendation
            let word = AutoscalerText.word(r.action).padding(toLength: 4, withPad: " ", startingAt: 0)
            x += canvas.put(" \(word) ", x: x, y: y,
                            style: AutoscalerText.badgeStyle(r.action), clip: row) + 1
            canvas.put(AutoscalerText.outcome(r, arrow: arrow), x: x, y: y, style: Style.plain.with(.bold), clip: row)
            PanelKit.ellipsized(&canvas, AutoscalerText.text(detail(status), context),
                                Rect(x: x + outcomeWidth + 2, y: y, width: max(0, row.maxX - x - outcomeWidth - 2),
                                     height: 1), style: first + i == selected ? selectedStyle : .plain,
                                context: context)
            if first + i == selected { canvas.restyle(row) { _ in selectedStyle } }
        }
        if shown < statuses.count {
            let more = "… \(statuses.count - shown) more (↑↓ scroll): enlarge the terminal for each autoscaler's detail"
            PanelKit.ellipsized(&canvas, AutoscalerText.text(more, context),
                                Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1),
                                style: Style.plain.fg(.graphText), context: context)
        }
    }
}
