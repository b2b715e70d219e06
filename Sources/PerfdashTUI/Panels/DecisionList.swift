import Foundation
import PerfdashCore

/// An autoscaler's recent decisions, newest first so that a short panel keeps the latest: the wall-clock time
/// (local), how long ago on the autoscaler's clock (on wide screens), the action word in its colour, from → to and
/// the reason without the outcome it repeats.
struct DecisionList {
    let status: AutoscalerStatus
    let context: RenderContext
    let timeZone: TimeZone

    /// Screens at least this wide also show how long ago each decision was made.
    static let agoMinimumWidth = 100

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let decisions = Array(status.decisions.reversed())
        let shown = min(decisions.count, max(0, rect.height - 2))
        var title = "Last \(Autoscaler.historyLimit) decisions, newest first"
        if shown < decisions.count { title += " (\(shown) of \(decisions.count) shown)" }
        let used = canvas.put(title, x: rect.x, y: rect.y, style: Style.plain.fg(.title).with(.bold), clip: rect)
        guard !decisions.isEmpty else {
            canvas.put(": none yet", x: rect.x + used, y: rect.y, style: Style.plain.fg(.graphText), clip: rect)
            return
        }
        guard rect.height >= 2 else { return }

        let arrow = AutoscalerText.arrow(context)
        let rows = decisions.prefix(shown).map { row($0, arrow: arrow) }
        let changeWidth = max(8, rows.map { CharacterWidth.of($0[2]) }.max() ?? 0)
        let wide = rect.width >= Self.agoMinimumWidth
        var columns = [TableColumn("Time", width: 8, alignment: .left)]
        if wide { columns.append(TableColumn("Ago", width: 7)) }
        columns += [TableColumn("Action", width: 6, alignment: .left),
                    TableColumn("Replicas", width: changeWidth, alignment: .left),
                    TableColumn("Reason", width: 0, alignment: .left)]
        let cells = rows.map { wide ? $0 : [$0[0]] + $0.dropFirst(2) }.map { Array($0) }
        let table = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        Table.draw(&canvas, table, columns: columns, rows: cells, selection: nil, context: context)

        // The action column in each decision's colour.
        let widths = Table.layout(columns, width: table.width)
        let actionIndex = wide ? 2 : 1
        guard widths[actionIndex] > 0 else { return }
        let actionX = table.x + widths[..<actionIndex].reduce(0) { $0 + $1 + 1 }
        for (i, decision) in decisions.prefix(shown).enumerated() {
            let style = AutoscalerText.wordStyle(decision.action)
            canvas.restyle(Rect(x: actionX, y: table.y + 1 + i, width: widths[actionIndex], height: 1)) { _ in style }
        }
    }

    /// Time, ago, action, from → to, reason.
    private func row(_ decision: AutoscalerDecision, arrow: String) -> [String] {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(decision.timestampUnixMs) / 1000))
        let change = decision.from == decision.to ? "\(decision.from)" : "\(decision.from) \(arrow) \(decision.to)"
        let reason = AutoscalerText.cause(decision.reason, from: decision.from, to: decision.to)
        return [
            AutoscalerText.clock(unixMilliseconds: decision.timestampUnixMs, offsetSeconds: offset),
            AutoscalerText.ago(status.recommendation.time - decision.timeSeconds),
            AutoscalerText.word(decision.action),
            change,
            AutoscalerText.text(reason, context),
        ]
    }
}
