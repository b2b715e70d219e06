import PerfdashCore

/// How the Overview divides the screen: the four host boxes, and from 120×40 on a second band with per-core
/// history, the top processes, the filesystems and the services with their history.
enum OverviewLayout {
    /// Whether the screen is large enough for the band (the model then carries per-core series).
    static func wantsPerCore(width: Int, height: Int) -> Bool { width >= 120 && height >= 40 }

    /// The band: cores | top processes | filesystems over services.
    static func drawBand(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let coresWidth = rect.width * 3 / 10, processesWidth = rect.width * 4 / 10
        let (cores, rest) = rect.splitLeft(coresWidth)
        let (processes, right) = rest.splitLeft(processesWidth)
        drawCores(&canvas, cores, input)
        drawTopProcesses(&canvas, processes, input)
        let filesystems = input.model.snapshot?.filesystems ?? []
        let fsHeight = min(right.height / 2, max(4, filesystems.count + 3))
        let (fsRect, servicesRect) = right.splitTop(fsHeight)
        let inner = Box.draw(&canvas, fsRect, title: "Filesystems", note: "df", border: .memBox,
                             glyphs: input.context.glyphs)
        if filesystems.isEmpty {
            PanelKit.centred(&canvas, inner, [input.model.snapshot == nil ? "waiting…" : "no proc/self/mounts"],
                             style: Style.plain.fg(.graphText))
        } else {
            FilesystemTable.draw(&canvas, inner.inset(dx: 1, dy: 0), filesystems, context: input.context,
                                 compact: true)
        }
        ServiceHistoryView.overviewBox(&canvas, servicesRect, input)
    }

    /// One row per core: its busy % now and a one-row history graph.
    static func drawCores(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let cores = model.snapshot?.host.cpu.cores ?? []
        let inner = Box.draw(&canvas, rect, title: "Cores", note: "busy % history", border: .cpuBox, glyphs: ctx.glyphs)
        guard !cores.isEmpty else { return PanelKit.waiting(&canvas, inner, model) }
        let area = inner.inset(dx: 1, dy: 0)
        // Few cores: each gets a taller graph (up to 8 rows) so the box is not left blank.
        let tall = min(8, area.height / max(1, cores.count))
        if tall >= 2 {
            let label = max(4, "cpu\(cores.last?.id ?? 0)".count)
            for (i, core) in cores.enumerated() {
                let y = area.y + i * tall
                canvas.put("cpu\(core.id)", x: area.x, y: y, style: Style.plain.fg(.graphText))
                canvas.put(Humanize.percent(core.shares.busyPercent), x: area.x, y: y + 1,
                           style: Style.plain.with(.boldWithoutColor))
                let graph = Rect(x: area.x + label + 3, y: y, width: max(0, area.width - label - 3), height: tall - 1)
                Graph.draw(&canvas, graph, series: model.series(SeriesName.cpuCoreBusy(core.id)), scale: .fixed(100),
                           gradient: .cpu, context: ctx)
            }
            return
        }
        // Two columns when the cores do not fit one per row; the rest summarised.
        let columns = cores.count > area.height ? 2 : 1
        let cellWidth = (area.width - (columns - 1)) / columns
        let capacity = columns * area.height
        let shown = cores.count > capacity ? capacity - 1 : cores.count
        let label = max(4, "cpu\(cores.last?.id ?? 0)".count)
        for (i, core) in cores.prefix(shown).enumerated() {
            let x = area.x + (i / area.height) * (cellWidth + 1), y = area.y + i % area.height
            let used = canvas.put("cpu\(core.id)".padding(label), x: x, y: y, style: Style.plain.fg(.graphText))
            let value = Humanize.percent(core.shares.busyPercent)
            canvas.putRight(value, rightEdge: x + cellWidth, y: y, style: Style.plain.with(.boldWithoutColor))
            let graph = Rect(x: x + used + 1, y: y, width: max(0, cellWidth - used - 2 - 6), height: 1)
            Graph.draw(&canvas, graph, series: model.series(SeriesName.cpuCoreBusy(core.id)), scale: .fixed(100),
                       gradient: .cpu, context: ctx)
        }
        if shown < cores.count {
            canvas.put("+\(cores.count - shown) more cores (panel 2)", x: area.x + (shown / area.height) * (cellWidth + 1),
                       y: area.y + shown % area.height, style: Style.plain.fg(.graphText), clip: area)
        }
    }

    /// The processes using the most CPU: pid, user, CPU %, MEM %, command.
    static func drawTopProcesses(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let inner = Box.draw(&canvas, rect, title: "Top processes",
                             note: model.processes.isEmpty ? "" : "by CPU · panel \(PanelID.processes.key)",
                             border: .procBox, glyphs: ctx.glyphs)
        guard model.processesEnabled else { return PanelKit.centred(&canvas, inner, ["process table off"]) }
        guard !model.processes.isEmpty else { return PanelKit.waiting(&canvas, inner, model) }
        let top = ProcessSortKey.cpu.sorted(model.processes).prefix(max(0, inner.height - 1))
        Table.draw(&canvas, inner.inset(dx: 1, dy: 0), columns: [
            TableColumn("PID", width: 7), TableColumn("USER", width: 8, alignment: .left), TableColumn("CPU%", width: 6),
            TableColumn("MEM%", width: 5), TableColumn("COMMAND", width: 0, alignment: .left),
        ], rows: top.map { p in
            [String(p.pid), p.user, Humanize.fixed(p.cpuPercent, 1), Humanize.fixed(p.memoryPercent, 1),
             shortCommand(p.command)]
        }, selection: nil, context: ctx)
    }
}

extension OverviewLayout {
    /// The command line with its program's directory left out (`/usr/bin/python3 x.py` → `python3 x.py`), for
    /// narrow columns; kernel threads (`[kworker/0:1]`) stay as they are.
    static func shortCommand(_ command: String) -> String {
        guard command.hasPrefix("/") else { return command }
        let program = command.prefix { $0 != " " }
        guard let slash = program.lastIndex(of: "/") else { return command }
        return String(command[command.index(after: slash)...])
    }
}

extension String {
    /// The string padded with spaces to `width` columns.
    func padding(_ width: Int) -> String {
        let w = CharacterWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
