import PerfdashCore

/// The Memory panel: used / available / cached / buffers / free / swap, the definition of "used", the cgroup limit
/// when there is one, window statistics and a history graph.
enum MemoryPanel {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let memory = model.snapshot?.host.memory
        let inner = Box.draw(&canvas, rect, title: "Memory",
                             note: memory.map { "total " + Humanize.bytes(Double($0.totalBytes)) } ?? "",
                             border: .memBox, glyphs: ctx.glyphs)
        guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
        guard let m = memory else { return PanelKit.centred(&canvas, inner, ["no proc/meminfo under the root"]) }
        // Wide screens put the history graph beside the figures instead of below them.
        let full = inner.inset(dx: 1, dy: 0)
        let wide = full.width >= 120
        let area = wide ? full.splitLeft(min(80, full.width / 2)).left : full
        let total = Double(max(m.totalBytes, 1))
        let rows: [(String, UInt64, Double, GradientRole)] = [
            ("used", m.usedBytes, Double(m.usedBytes) / total, .used),
            ("available", m.availableBytes, Double(m.availableBytes) / total, .available),
            ("cached", m.cachedBytes, Double(m.cachedBytes) / total, .cached),
            ("buffers", m.buffersBytes, Double(m.buffersBytes) / total, .cached),
            ("free", m.freeBytes, Double(m.freeBytes) / total, .free),
            ("swap", m.swapUsedBytes, m.swapTotalBytes == 0 ? 0 : Double(m.swapUsedBytes) / Double(m.swapTotalBytes),
             .used),
        ]
        for (i, row) in rows.enumerated() {
            let value = row.0 == "swap" && m.swapTotalBytes == 0
                ? "no swap"
                : "\(Humanize.bytes(Double(row.1))) \(Humanize.percent(row.2 * 100))"
            Meter.drawLabelled(&canvas, x: area.x, y: area.y + i, width: area.width, label: row.0, labelWidth: 10,
                               fraction: row.2, value: value, valueWidth: 17, gradient: row.3, context: ctx)
        }
        var notes: [(String, Style)] = [
            ("used = MemTotal − MemAvailable (page cache the kernel can reclaim counts as available)",
             Style.plain.fg(.graphText)),
            (m.swapTotalBytes == 0 ? "no swap configured"
                : "swap " + Humanize.bytes(Double(m.swapUsedBytes)) + " used of " + Humanize.bytes(Double(m.swapTotalBytes)),
             Style.plain.fg(.graphText)),
        ]
        if let cgroup = m.cgroup {
            notes.append(("cgroup limit \(Humanize.bytes(Double(cgroup.limitBytes))) · used "
                          + "\(Humanize.bytes(Double(cgroup.usedBytes))) (\(Humanize.percent(cgroup.usedPercent)))",
                          Style.plain.fg(.hiFg).with(.boldWithoutColor)))
        } else {
            notes.append(("no cgroup memory limit below MemTotal", Style.plain.fg(.graphText)))
        }
        let quiet = Style.plain.fg(.graphText)
        for line in HostExtrasText.pressure("memory", model.snapshot?.pressure?.memory)
            + [HostExtrasText.swap(model.snapshot?.host.swapActivity)].compactMap({ $0 }) {
            notes.append((line, quiet))
        }
        var y = area.y + rows.count + 1
        for (text, style) in notes {
            y = PanelKit.paragraphs(&canvas, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y), [text],
                                    style: style)
        }
        y += 1
        PanelKit.pair(&canvas, x: area.x, y: y, "used % " + model.window.rawValue,
                      PanelKit.stats(model.summary(SeriesName.memoryUsedPercent), PanelKit.pct), clip: area)
        if m.swapTotalBytes > 0 {
            y += 1
            PanelKit.pair(&canvas, x: area.x, y: y, "swap % " + model.window.rawValue,
                          PanelKit.stats(model.summary(SeriesName.swapUsedPercent), PanelKit.pct), clip: area)
        }
        y += 2
        let graph = wide
            ? Rect(x: area.maxX + 2, y: full.y, width: full.maxX - area.maxX - 2, height: full.height)
            : Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
        guard graph.height >= 2 else { return }
        Graph.draw(&canvas, graph, series: model.series(SeriesName.memoryUsedPercent), scale: .fixed(100),
                   gradient: .used, context: ctx)
        canvas.put("used % history", x: graph.x, y: graph.y, style: Style.plain.fg(.graphText), clip: graph)
        canvas.putRight("100%", rightEdge: graph.maxX, y: graph.y, style: Style.plain.fg(.graphText))
    }
}
