import PerfdashCore

/// The CPU panel: history graph, total shares as meters, load, window statistics and a bar per core.
enum CPUPanel {
    private static let shares: [(label: String, name: String)] = [
        ("busy", SeriesName.cpuBusy), ("user", SeriesName.cpuUser), ("system", SeriesName.cpuSystem),
        ("iowait", SeriesName.cpuIowait), ("steal", SeriesName.cpuSteal),
    ]

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let cores = model.snapshot?.host.cpu.cores ?? []
        let inner = Box.draw(&canvas, rect, title: "CPU", note: "\(cores.count) cores · busy % history",
                             border: .cpuBox, glyphs: ctx.glyphs)
        guard let host = model.snapshot?.host else { return PanelKit.waiting(&canvas, inner, model) }
        // Below the graph: the left column needs 15 rows, the core bars as many as their columns need. The graph
        // gets the rest, at most half the panel and at least 3 rows.
        let leftWidth = min(52, inner.width / 2)
        let barColumns = max(1, (inner.width - leftWidth - 1) / 21)
        let barRows = (cores.count + barColumns - 1) / barColumns
        let extras = extraLines(model.snapshot)
        let graphHeight = max(3, min(inner.height / 2, inner.height - max(15, barRows + 2 * extras.count)))
        let (graph, lower) = inner.splitTop(graphHeight)
        Graph.draw(&canvas, graph.inset(dx: 1, dy: 0), series: model.series(SeriesName.cpuBusy), scale: .fixed(100),
                   gradient: .cpu, context: ctx)
        canvas.putRight("100%", rightEdge: graph.maxX - 1, y: graph.y, style: Style.plain.fg(.graphText))
        let (left, right) = lower.splitLeft(leftWidth)
        let area = Rect(x: left.x + 1, y: left.y, width: left.width - 2, height: left.height)
        let t = host.cpu.total
        let values = [t.busyPercent, t.userPercent, t.systemPercent, t.iowaitPercent, t.stealPercent]
        for (i, share) in shares.enumerated() {
            Meter.drawLabelled(&canvas, x: area.x, y: area.y + i, width: area.width, label: share.label,
                               labelWidth: 7, fraction: values[i] / 100, value: Humanize.percent(values[i]),
                               valueWidth: 6, gradient: .cpu, context: ctx)
        }
        var y = area.y + 6
        if let load = host.load {
            PanelKit.pair(&canvas, x: area.x, y: y, "load 1m 5m 15m",
                          [load.oneMinute, load.fiveMinutes, load.fifteenMinutes].map { Humanize.fixed($0, 2) }
                              .joined(separator: "  "), clip: area)
            PanelKit.pair(&canvas, x: area.x, y: y + 1, "tasks",
                          "\(load.tasksRunning) running of \(load.tasksTotal)", clip: area)
        }
        y += 3
        let rows = shares.map { share -> [String] in
            let s = model.summary(share.name)
            return [share.label] + [s?.avg, s?.p95, s?.p99, s?.max].map { Humanize.percent($0) }
        }
        Table.draw(&canvas, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y), columns: [
            TableColumn(model.window.rawValue, width: 0, alignment: .left), TableColumn("avg", width: 6),
            TableColumn("p95", width: 6), TableColumn("p99", width: 6), TableColumn("max", width: 6),
        ], rows: rows, selection: nil, context: ctx, shareSpare: true)
        let bars = Rect(x: right.x + 1, y: right.y, width: right.width - 2, height: min(barRows, right.height))
        coreBars(&canvas, bars, cores: host.cpu.cores, ctx)
        // Under the core bars: pressure, the container's CPU limit, frequency and temperatures, where they exist.
        let notes = Rect(x: bars.x, y: bars.maxY + 1, width: bars.width, height: right.maxY - bars.maxY - 1)
        PanelKit.fittedLines(&canvas, notes, extras, style: Style.plain.fg(.graphText))
    }

    /// The lines about CPU pressure, the cgroup limit, frequency and temperatures (empty where none exists).
    static func extraLines(_ snapshot: Snapshot?) -> [String] {
        guard let snapshot else { return [] }
        let host = snapshot.host
        return HostExtrasText.pressure("cpu", snapshot.pressure?.cpu)
            + [HostExtrasText.cgroupCPU(host.cgroupCPU), HostExtrasText.frequency(host.sensors),
               HostExtrasText.temperatures(host.sensors)].compactMap { $0 }
    }

    /// One labelled bar per core, in as many columns as fit; the rest summarised as "+N more".
    static func coreBars(_ canvas: inout Canvas, _ rect: Rect, cores: [CoreReading], _ ctx: RenderContext) {
        guard !cores.isEmpty, rect.height > 0, rect.width >= 20 else { return }
        let labelWidth = max(4, "cpu\(cores.count - 1)".count)
        let cellWidth = max(20, min(40, rect.width / max(1, (cores.count + rect.height - 1) / rect.height) - 1))
        let columns = max(1, (rect.width + 1) / (cellWidth + 1))
        let capacity = columns * rect.height
        let shown = cores.count > capacity ? capacity - 1 : cores.count
        for (i, core) in cores.prefix(shown).enumerated() {
            let x = rect.x + (i / rect.height) * (cellWidth + 1), y = rect.y + i % rect.height
            Meter.drawLabelled(&canvas, x: x, y: y, width: cellWidth, label: "cpu\(core.id)", labelWidth: labelWidth,
                               fraction: core.shares.busyPercent / 100,
                               value: Humanize.fixed(core.shares.busyPercent, 0) + "%", valueWidth: 4, gradient: .cpu,
                               context: ctx)
        }
        if shown < cores.count {
            let i = shown
            canvas.put("+\(cores.count - shown) more cores", x: rect.x + (i / rect.height) * (cellWidth + 1),
                       y: rect.y + i % rect.height, style: Style.plain.fg(.graphText), clip: rect)
        }
    }
}
