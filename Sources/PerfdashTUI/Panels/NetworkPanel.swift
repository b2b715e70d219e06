import PerfdashCore

/// The Network panel: a table of interfaces (rates, packets, errors, drops, whether the total counts them), which
/// interfaces the total leaves out, and the selected interface's statistics and rx/tx graphs.
enum NetworkPanel {
    /// The interfaces in table order, the total last.
    static func rows(_ model: DashboardModel) -> [InterfaceRates] {
        guard let net = model.snapshot?.host.network else { return [] }
        return net.interfaces + [net.total]
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let interfaces = rows(model)
        let inner = Box.draw(&canvas, rect, title: "Network",
                             note: "\(max(0, interfaces.count - 1)) interfaces · ↑↓ select",
                             border: .netBox, glyphs: ctx.glyphs)
        guard let net = model.snapshot?.host.network else {
            if model.snapshot == nil { return PanelKit.waiting(&canvas, inner, model) }
            return PanelKit.centred(&canvas, inner, ["no proc/net/dev under the root"])
        }
        let area = inner.inset(dx: 1, dy: 0)
        let filter = InterfaceFilter(excluded: net.totalExcludes)
        let selected = min(input.state.selection[.network] ?? 0, interfaces.count - 1)
        let table = interfaces.map { i -> [String] in
            let inTotal = i.name == SeriesName.total ? "" : (filter.includes(i.name) ? "yes" : "no")
            return [i.name, Humanize.rate(i.rxBytesPerSecond), Humanize.rate(i.txBytesPerSecond),
                    Humanize.count(i.rxPacketsPerSecond), Humanize.count(i.txPacketsPerSecond),
                    Humanize.count(i.rxErrorsPerSecond + i.txErrorsPerSecond),
                    Humanize.count(i.rxDropsPerSecond + i.txDropsPerSecond), inTotal]
        }
        let tableHeight = min(interfaces.count + 1, max(3, area.height / 2 - 1))
        Table.draw(&canvas, Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), columns: [
            TableColumn("Interface", width: 0, alignment: .left), TableColumn("Rx/s", width: 10),
            TableColumn("Tx/s", width: 10), TableColumn("Rx pkt/s", width: 8), TableColumn("Tx pkt/s", width: 8),
            TableColumn("Errs/s", width: 6), TableColumn("Drops/s", width: 7), TableColumn("Total", width: 5),
        ], rows: table, selection: selected, context: ctx, shareSpare: true)
        let y = area.y + tableHeight
        let excluded = net.interfaces.map(\.name).filter { !filter.includes($0) }
        canvas.put("total leaves out " + net.totalExcludes.joined(separator: " ")
                   + (excluded.isEmpty ? "" : " (here: " + excluded.joined(separator: ", ") + ")"),
                   x: area.x, y: y, style: Style.plain.fg(.graphText), clip: area)
        let name = interfaces[selected].name
        PanelKit.rateDetail(&canvas, area, top: y + 2, name: name, series: [
            ("rx", SeriesName.net(name, .rxBytesPerSecond)), ("tx", SeriesName.net(name, .txBytesPerSecond)),
        ], model: model, ctx)
    }
}
