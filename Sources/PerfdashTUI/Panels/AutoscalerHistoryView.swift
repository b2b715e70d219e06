import PerfdashCore

/// History graphs beside (or under) the Autoscaler panel's blocks: each input metric over time with its thresholds
/// or target drawn across it, and the recommended replicas. Layout only; the blocks stay as they are.
enum AutoscalerHistoryView {
    /// The blocks' area and the history's, or nil when the screen has no room for both.
    static func split(_ rect: Rect, count: Int) -> (blocks: Rect, history: Rect)? {
        guard count > 0 else { return nil }
        if rect.width >= 120 {
            let (blocks, history) = rect.splitLeft(rect.width * 11 / 20)
            return (blocks, history)
        }
        let blocksHeight = count * 20
        guard rect.height - blocksHeight >= 8 else { return nil }
        let (blocks, history) = rect.splitTop(blocksHeight)
        return (blocks, history)
    }

    /// One graph per input metric with its lines, then one of the recommended replicas, per autoscaler.
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ statuses: [AutoscalerStatus], model: DashboardModel,
                     context: RenderContext) {
        var graphs: [(title: String, series: String, lines: [(String, Double)])] = []
        for status in statuses {
            switch status.spec.policy {
            case .threshold(let policy):
                graphs.append(("\(status.name): \(policy.metric.label)", policy.metric.series,
                               [("up", policy.scaleUpThreshold), ("down", policy.scaleDownThreshold)]))
            case .target, .predictive:
                let metrics: [TargetMetric]
                if case .predictive(let predictive) = status.spec.policy {
                    metrics = predictive.target.metrics
                } else if case .target(let policy) = status.spec.policy {
                    metrics = policy.metrics
                } else {
                    metrics = []
                }
                for metric in metrics {
                    graphs.append(("\(status.name): \(metric.metric.label)", metric.metric.series,
                                   [("target", metric.target)]))
                }
            }
            graphs.append(("\(status.name): desired replicas",
                           SeriesName.autoscaler(status.name, .desiredReplicas),
                           [("max", Double(status.spec.maxReplicas)), ("min", Double(status.spec.minReplicas))]))
        }
        guard !graphs.isEmpty, rect.height >= 4 else { return }
        let height = max(4, rect.height / graphs.count)
        for (index, graph) in graphs.prefix(max(1, rect.height / height)).enumerated() {
            let box = Rect(x: rect.x, y: rect.y + index * height, width: rect.width,
                           height: index == graphs.count - 1 ? rect.maxY - (rect.y + index * height) : height)
            drawOne(&canvas, box, title: graph.title, series: model.series(graph.series), lines: graph.lines,
                    context: context)
        }
    }

    /// A framed graph whose scale holds both the values and the lines; each line is a dotted row labelled on the
    /// right (`up 80.0`), so the value is never mistaken for the scale.
    static func drawOne(_ canvas: inout Canvas, _ rect: Rect, title: String, series: Series, lines: [(String, Double)],
                        context: RenderContext) {
        let highest = max(series.values.max() ?? 0, lines.map(\.1).max() ?? 0)
        let maximum = highest > 0 ? highest * 1.1 : 1
        let now = series.values.last.map { Humanize.fixed($0, 1) } ?? "no data yet"
        let inner = Box.draw(&canvas, rect, title: title, note: "now \(now)", border: .procBox, glyphs: context.glyphs)
        guard inner.height >= 2, inner.width >= 10 else { return }
        Graph.draw(&canvas, inner, series: series, scale: .fixed(maximum), gradient: .cpu, context: context)
        for (label, value) in lines where value.isFinite && value >= 0 {
            let row = inner.maxY - 1 - Int((value / maximum * Double(inner.height)).rounded(.down))
            guard row >= inner.y, row < inner.maxY else { continue }
            for x in inner.x..<inner.maxX where canvas.cell(x: x, y: row)?.scalar == 0x20 {
                canvas.set(context.glyphs.isUnicode ? "┄" : "-", x: x, y: row, style: Style.plain.fg(.hiFg))
            }
            canvas.putRight("\(label) \(Humanize.fixed(value, 1))", rightEdge: inner.maxX, y: row,
                            style: Style.plain.fg(.hiFg).with(.boldWithoutColor))
        }
    }
}
