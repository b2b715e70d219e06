import PerfdashCore

/// The Findings panel (key `a`): what the advisor concluded limits the system, most severe first, each with the
/// evidence it read over the window and what to try. With nothing found it says which rules are watching.
enum FindingsPanel {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, context = input.context
        guard let findings = model.findings else {
            let inner = Box.draw(&canvas, rect, title: "Findings", note: "", border: .procBox, glyphs: context.glyphs)
            let lines = model.snapshot == nil
                ? ["waiting for the second reading…"]
                : ["The advisor is off ([advisor] enabled = false in the config)."]
            PanelKit.centred(&canvas, inner, lines, style: Style.plain.fg(.graphText))
            return
        }
        let note = "\(findings.count) finding\(findings.count == 1 ? "" : "s") over the last \(model.window.rawValue)"
        let inner = Box.draw(&canvas, rect, title: "Findings", note: note, border: .procBox, glyphs: context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 0, area.width > 10 else { return }
        guard !findings.isEmpty else {
            PanelKit.paragraphs(&canvas, area, idleText, style: Style.plain.fg(.graphText),
                                firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        let selected = min(max(0, input.state.selection[.findings] ?? 0), findings.count - 1)
        let first = firstShown(findings, selected: selected, area: area, context: context)
        var y = area.y
        if first > 0 {
            canvas.put("… \(first) above (↑)", x: area.x, y: y, style: Style.plain.fg(.graphText), clip: area)
            y += 1
        }
        for (index, finding) in findings.enumerated().dropFirst(first) {
            guard y < area.maxY else { break }
            if y + 2 > area.maxY, index < findings.count {
                PanelKit.ellipsized(&canvas, "… \(findings.count - index) more (↓, or enlarge the terminal)",
                                    Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1),
                                    style: Style.plain.fg(.graphText), context: context)
                break
            }
            let top = y
            y = draw(&canvas, finding, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                     context: context) + 1
            // With several findings, the selected one's line is highlighted: it is what `v` and Enter show.
            if index == selected, findings.count > 1 {
                canvas.restyle(Rect(x: area.x + 7, y: top, width: area.width - 7, height: 1)) { _ in
                    AutoscalerPanel.selectedStyle
                }
            }
        }
    }

    /// The first finding shown: 0 while the selected one fits below the ones before it, else the selected one
    /// (after an "above" line).
    private static func firstShown(_ findings: [Finding], selected: Int, area: Rect, context: RenderContext) -> Int {
        var rows = 0
        for finding in findings.prefix(selected + 1) { rows += height(finding, width: area.width, context) + 1 }
        // The selected one needs its first two rows on screen, with the "more" line below it.
        let selectedEnd = rows - height(findings[selected], width: area.width, context) + 2
        return selectedEnd <= area.height - 1 ? 0 : selected
    }

    /// Rows a finding takes at `width`: its line, the wrapped evidence and suggestion.
    private static func height(_ finding: Finding, width: Int, _ context: RenderContext) -> Int {
        let paragraphs = finding.evidence.map { "  • \($0)" } + ["  → " + finding.suggestion]
        return 1 + paragraphs.reduce(0) { $0 + PanelKit.wrap(AutoscalerText.text($1, context), width: width, indent: 4).count }
    }

    /// One finding: badge, bottleneck and subject; the evidence as bullets; what to try. Returns the next free row.
    private static func draw(_ canvas: inout Canvas, _ finding: Finding, _ rect: Rect, context: RenderContext) -> Int {
        var x = rect.x
        x += canvas.put(" \(AlertStyle.word(finding.severity)) ", x: x, y: rect.y,
                        style: AlertStyle.badge(finding.severity, pending: false), clip: rect) + 1
        x += canvas.put(finding.bottleneck, x: x, y: rect.y, style: Style.plain.with(.bold), clip: rect)
        PanelKit.ellipsized(&canvas, "  \(finding.subject)  [\(finding.rule)]",
                            Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1),
                            style: Style.plain.fg(.graphText), context: context)
        let bullet = context.glyphs.isUnicode ? "•" : "-"
        let paragraphs = finding.evidence.map { "  \(bullet) \($0)" } + ["  → " + finding.suggestion]
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        return PanelKit.paragraphs(&canvas, body, paragraphs.map { AutoscalerText.text($0, context) })
    }

    /// What the panel shows when the advisor finds nothing.
    static let idleText = [
        "Nothing limits the system right now.",
        "",
        "The advisor reads several signals together over the window and names a bottleneck only when they agree:",
        "  • CPU bound: CPU busy with a run queue longer than the CPUs or CPU pressure (PSI)",
        "  • disk bound: a saturated disk with iowait or IO pressure",
        "  • memory pressure: little memory available with memory pressure or swap-ins",
        "  • cache too small (hit rate under target with evictions) or cold keys (without evictions)",
        "  • a queue growing while its workers are busy, and whether its autoscaler agrees",
        "  • a pool saturated with waiters",
        "  • p99 latency rising while the PostgreSQL buffer hit rate falls; tables read by sequential scans",
        "",
        "Thresholds are in the config's [advisor] table (docs/alerts-and-advisor.md).",
    ]
}
