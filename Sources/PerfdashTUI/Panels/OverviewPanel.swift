import PerfdashCore

/// The Overview panel: CPU, memory, disk and network at a glance with history graphs, and one line each for the
/// services and the autoscaler.
enum OverviewPanel {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        // From 120×40 on, a second band: per-core history, the top processes, filesystems and services (whose
        // box replaces the services line of the footer).
        let band = OverviewLayout.wantsPerCore(width: canvas.width, height: canvas.height)
        var (grid, footer) = rect.splitTop(rect.height - (band ? 2 : 3))
        if band {
            let (top, lower) = grid.splitTop(grid.height * 11 / 20)
            grid = top
            OverviewLayout.drawBand(&canvas, lower, input)
        }
        let halves = grid.rows(2)
        let top = halves[0].columns(2), bottom = halves[1].columns(2)
        cpu(&canvas, top[0], input)
        memory(&canvas, top[1], input)
        disk(&canvas, bottom[0], input)
        network(&canvas, bottom[1], input)
        let line = Rect(x: footer.x + 1, y: footer.y, width: footer.width - 2, height: 1)
        alerts(&canvas, line, input)
        if !band {
            let services = Rect(x: line.x, y: footer.y + 1, width: line.width, height: 1)
            PanelKit.pair(&canvas, x: line.x, y: services.y, "Services:", ServicesPanel.summary(input.model.services),
                          clip: services)
        }
        PanelKit.pair(&canvas, x: line.x, y: footer.maxY - 1, "Autoscaler:",
                      AutoscalerPanel.summary(input.model.autoscalers),
                      clip: Rect(x: line.x, y: footer.maxY - 1, width: line.width, height: 1))
    }

    /// `Alerts: CRIT cpu-busy 97.2 %  WARN fs-full fs./home.used_percent 88.0 %`, each in its level's colour,
    /// `… n more (9)` when they do not fit; or how many rules are watching.
    private static func alerts(_ canvas: inout Canvas, _ line: Rect, _ input: PanelInput) {
        var x = line.x + canvas.put("Alerts: ", x: line.x, y: line.y, style: Style.plain.fg(.graphText), clip: line)
        guard let section = input.model.alerts else {
            canvas.put(input.model.snapshot == nil ? "collecting…" : "no rules", x: x, y: line.y,
                       style: Style.plain.with(.boldWithoutColor), clip: line)
            return
        }
        let firing = AlertsPanel.summary(section)
        guard !firing.isEmpty else {
            let pending = section.active.count
            let text = "none firing (\(section.rules) rules" + (pending > 0 ? ", \(pending) pending)" : ")")
            canvas.put(text, x: x, y: line.y, style: Style.plain.with(.boldWithoutColor), clip: line)
            return
        }
        for (index, alert) in firing.enumerated() {
            let word = AlertStyle.word(alert.level)
            let need = CharacterWidth.of(word) + 3 + CharacterWidth.of(alert.text)
            let rest = firing.count - index
            if x + need > line.maxX - (rest > 1 ? 12 : 0), index > 0 || x + need > line.maxX {
                let more = input.context.glyphs.isUnicode ? "… \(rest) more (9)" : ".. \(rest) more (9)"
                canvas.put(more, x: x, y: line.y, style: Style.plain.fg(.graphText), clip: line)
                return
            }
            x += canvas.put(" \(word) ", x: x, y: line.y, style: AlertStyle.badge(alert.level, pending: false),
                            clip: line) + 1
            x += canvas.put(alert.text, x: x, y: line.y, style: AlertStyle.figure(alert.level), clip: line) + 2
        }
    }

    /// Redraws a figure right-aligned at `rightEdge` in the colour of the alert firing on `series`, if any.
    private static func markAlert(_ canvas: inout Canvas, _ input: PanelInput, series: String, text: String,
                                  rightEdge: Int, y: Int) {
        guard let level = input.model.alerts?.level(of: series), level > .ok else { return }
        canvas.putRight(text, rightEdge: rightEdge, y: y, style: AlertStyle.figure(level))
    }

    /// Redraws a `label value` pair's value in the colour of the alert firing on `series`, if any.
    private static func markAlert(_ canvas: inout Canvas, _ input: PanelInput, series: String, label: String,
                                  value: String, x: Int, y: Int, clip: Rect) {
        guard let level = input.model.alerts?.level(of: series), level > .ok else { return }
        canvas.put(value, x: x + CharacterWidth.of(label) + 1, y: y, style: AlertStyle.figure(level), clip: clip)
    }

    private static func cpu(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let cores = model.snapshot?.host.cpu.cores.count ?? 0
        let inner = Box.draw(&canvas, rect, title: "CPU", note: cores > 0 ? "\(cores) cores" : "",
                             border: .cpuBox, glyphs: ctx.glyphs)
        guard let host = model.snapshot?.host else { return PanelKit.waiting(&canvas, inner, model) }
        let area = inner.inset(dx: 1, dy: 0)
        let t = host.cpu.total
        Meter.drawLabelled(&canvas, x: area.x, y: area.y, width: area.width, label: "busy", labelWidth: 5,
                           fraction: t.busyPercent / 100, value: Humanize.percent(t.busyPercent), valueWidth: 6,
                           gradient: .cpu, context: ctx)
        markAlert(&canvas, input, series: SeriesName.cpuBusy, text: Humanize.percent(t.busyPercent),
                  rightEdge: area.x + area.width, y: area.y)
        var x = area.x
        for (label, value) in [("usr", t.userPercent), ("sys", t.systemPercent), ("iow", t.iowaitPercent),
                               ("st", t.stealPercent)] {
            x += PanelKit.pair(&canvas, x: x, y: area.y + 1, label, Humanize.percent(value), clip: area) + 1
        }
        if let load = host.load {
            PanelKit.pair(&canvas, x: area.x, y: area.y + 2, "load",
                          [load.oneMinute, load.fiveMinutes, load.fifteenMinutes].map { Humanize.fixed($0, 2) }.joined(separator: " "),
                          clip: area)
        }
        PanelKit.pair(&canvas, x: area.x, y: area.y + 3, model.window.rawValue,
                      PanelKit.stats(model.summary(SeriesName.cpuBusy), PanelKit.pct), clip: area)
        let graph = Rect(x: area.x, y: area.y + 4, width: area.width, height: area.height - 4)
        Graph.draw(&canvas, graph, series: model.series(SeriesName.cpuBusy), scale: .fixed(100), gradient: .cpu,
                   context: ctx)
    }

    private static func memory(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let mem = model.snapshot?.host.memory
        let inner = Box.draw(&canvas, rect, title: "Memory", note: mem.map { Humanize.bytes(Double($0.totalBytes)) } ?? "",
                             border: .memBox, glyphs: ctx.glyphs)
        guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
        guard let mem else { return PanelKit.centred(&canvas, inner, ["no proc/meminfo under the root"]) }
        let area = inner.inset(dx: 1, dy: 0)
        Meter.drawLabelled(&canvas, x: area.x, y: area.y, width: area.width, label: "used", labelWidth: 5,
                           fraction: mem.usedPercent / 100, value: Humanize.percent(mem.usedPercent), valueWidth: 6,
                           gradient: .used, context: ctx)
        markAlert(&canvas, input, series: SeriesName.memoryUsedPercent, text: Humanize.percent(mem.usedPercent),
                  rightEdge: area.x + area.width, y: area.y)
        var x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y + 1, "used", Humanize.bytes(Double(mem.usedBytes)), clip: area) + 1
        PanelKit.pair(&canvas, x: x, y: area.y + 1, "avail", Humanize.bytes(Double(mem.availableBytes)), clip: area)
        x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y + 2, "cache", Humanize.bytes(Double(mem.cachedBytes)),
                           clip: area) + 1
        let swap = mem.swapTotalBytes == 0 ? "none" : Humanize.percent(mem.swapUsedPercent)
        PanelKit.pair(&canvas, x: x, y: area.y + 2, "swap", swap, clip: area)
        markAlert(&canvas, input, series: SeriesName.swapUsedPercent, label: "swap", value: swap, x: x,
                  y: area.y + 2, clip: area)
        PanelKit.pair(&canvas, x: area.x, y: area.y + 3, model.window.rawValue,
                      PanelKit.stats(model.summary(SeriesName.memoryUsedPercent), PanelKit.pct), clip: area)
        let graph = Rect(x: area.x, y: area.y + 4, width: area.width, height: area.height - 4)
        Graph.draw(&canvas, graph, series: model.series(SeriesName.memoryUsedPercent), scale: .fixed(100),
                   gradient: .used, context: ctx)
    }

    private static func disk(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let disks = model.snapshot?.host.disks
        let inner = Box.draw(&canvas, rect, title: "Disk", note: disks.map { DiskPanel.plural($0.devices.count, "disk") } ?? "",
                             border: .memBox, glyphs: ctx.glyphs)
        guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
        guard let total = disks?.total else { return PanelKit.centred(&canvas, inner, ["no proc/diskstats"]) }
        let area = inner.inset(dx: 1, dy: 0)
        var x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y, "read", Humanize.rate(total.readBytesPerSecond), clip: area) + 1
        PanelKit.pair(&canvas, x: x, y: area.y, "write", Humanize.rate(total.writeBytesPerSecond), clip: area)
        x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y + 1, "IOPS",
                           "\(Humanize.count(total.readIops))r \(Humanize.count(total.writeIops))w", clip: area) + 1
        PanelKit.pair(&canvas, x: x, y: area.y + 1, "util", Humanize.percent(total.utilPercent), clip: area)
        // Any disk's alert colours the total's utilization, the one figure the Overview shows.
        let diskLevel = input.model.alerts?.active
            .filter { $0.state == .firing && $0.series.hasPrefix("disk.") && $0.series.hasSuffix(".util_percent") }
            .map(\.level).max() ?? .ok
        if diskLevel > .ok {
            canvas.put(Humanize.percent(total.utilPercent), x: x + 5, y: area.y + 1, style: AlertStyle.figure(diskLevel),
                       clip: area)
        }
        let name = SeriesName.total
        PanelKit.pair(&canvas, x: area.x, y: area.y + 2, "util " + model.window.rawValue,
                      PanelKit.stats(model.summary(SeriesName.disk(name, .utilPercent)), PanelKit.pct), clip: area)
        splitGraphs(&canvas, Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3),
                    left: ("read", model.series(SeriesName.disk(name, .readBytesPerSecond)), .download),
                    right: ("write", model.series(SeriesName.disk(name, .writeBytesPerSecond)), .upload), ctx)
    }

    private static func network(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let net = model.snapshot?.host.network
        let inner = Box.draw(&canvas, rect, title: "Network", note: net.map { DiskPanel.plural($0.interfaces.count, "interface") } ?? "",
                             border: .netBox, glyphs: ctx.glyphs)
        guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
        guard let net else { return PanelKit.centred(&canvas, inner, ["no proc/net/dev"]) }
        let area = inner.inset(dx: 1, dy: 0)
        let t = net.total
        var x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y, "rx", Humanize.rate(t.rxBytesPerSecond), clip: area) + 1
        PanelKit.pair(&canvas, x: x, y: area.y, "tx", Humanize.rate(t.txBytesPerSecond), clip: area)
        x = area.x
        x += PanelKit.pair(&canvas, x: x, y: area.y + 1, "pkt/s",
                           "\(Humanize.count(t.rxPacketsPerSecond)) in \(Humanize.count(t.txPacketsPerSecond)) out",
                           clip: area) + 1
        let errors = t.rxErrorsPerSecond + t.txErrorsPerSecond + t.rxDropsPerSecond + t.txDropsPerSecond
        PanelKit.pair(&canvas, x: x, y: area.y + 1, "err+drop/s", Humanize.count(errors), clip: area)
        PanelKit.ellipsized(&canvas, "excl. " + net.totalExcludes.joined(separator: " "),
                            Rect(x: area.x, y: area.y + 2, width: area.width, height: 1),
                            style: Style.plain.fg(.graphText), context: ctx)
        splitGraphs(&canvas, Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3),
                    left: ("rx", model.series(SeriesName.net(SeriesName.total, .rxBytesPerSecond)), .download),
                    right: ("tx", model.series(SeriesName.net(SeriesName.total, .txBytesPerSecond)), .upload), ctx)
    }

    /// Two auto-scaled rate graphs side by side, each labelled in its top-left corner with its scale on the right.
    static func splitGraphs(_ canvas: inout Canvas, _ rect: Rect, left: (String, Series, GradientRole),
                            right: (String, Series, GradientRole), _ ctx: RenderContext) {
        guard rect.height > 0 else { return }
        let halves = rect.columns(2)
        for (half, spec) in zip(halves, [left, right]) {
            let area = Rect(x: half.x, y: half.y, width: half.width - (half.x == rect.x ? 1 : 0), height: half.height)
            let scale = GraphScale.autoPowerOfTwo(floor: 1024)
            Graph.draw(&canvas, area, series: spec.1, scale: scale, gradient: spec.2, context: ctx)
            let label = canvas.put(spec.0, x: area.x, y: area.y, style: Style.plain.fg(.graphText), clip: area)
            // "scale": the top of the graph, not a value (the current value is in the figures above). Beside the
            // label when both fit, else on the row below it, never run into it.
            let top = "scale " + Humanize.rate(scale.maximum(for: spec.1.values))
            let width = CharacterWidth.of(top)
            if label + 1 + width <= area.width {
                canvas.putRight(top, rightEdge: area.maxX, y: area.y, style: Style.plain.fg(.graphText), clip: area)
            } else if area.height >= 3, width <= area.width {
                canvas.putRight(top, rightEdge: area.maxX, y: area.y + 1, style: Style.plain.fg(.graphText), clip: area)
            }
        }
    }
}
