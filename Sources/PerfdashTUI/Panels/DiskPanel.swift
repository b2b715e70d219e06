import PerfdashCore

/// The Disk panel: a table of whole disks (read/write B/s, IOPS, util % with its window avg/p95/p99), and the
/// selected disk's statistics and read/write graphs.
enum DiskPanel {
    /// The devices in table order, the total last.
    static func rows(_ model: DashboardModel) -> [DiskRates] {
        guard let disks = model.snapshot?.host.disks else { return [] }
        return disks.devices + [disks.total]
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context
        let devices = rows(model)
        let inner = Box.draw(&canvas, rect, title: "Disks", note: Self.plural(max(0, devices.count - 1), "whole disk") + " · ↑↓ select",
                             border: .memBox, glyphs: ctx.glyphs)
        guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
        guard !devices.isEmpty else { return PanelKit.centred(&canvas, inner, ["no proc/diskstats under the root"]) }
        let area = inner.inset(dx: 1, dy: 0)
        let selected = min(input.state.selection[.disk] ?? 0, devices.count - 1)
        let table = devices.map { d -> [String] in
            let util = model.summary(SeriesName.disk(d.name, .utilPercent))
            return [d.name, Humanize.rate(d.readBytesPerSecond), Humanize.rate(d.writeBytesPerSecond),
                    Humanize.count(d.readIops), Humanize.count(d.writeIops), Humanize.percent(d.utilPercent)]
                + [util?.avg, util?.p95, util?.p99].map { Humanize.percent($0) }
        }
        let filesystems = model.snapshot?.filesystems ?? []
        let ioPressure = HostExtrasText.pressure("io", model.snapshot?.pressure?.io)
        // Disks, then filesystems (as df), then the selected disk's graphs: the tables take at most 2/3 together.
        let tableHeight = min(devices.count + 1, max(3, area.height / 3))
        let fsHeight = filesystems.isEmpty ? 0 : min(filesystems.count + 1, max(3, area.height / 3))
        Table.draw(&canvas, Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), columns: [
            TableColumn("Device", width: 0, alignment: .left), TableColumn("Read/s", width: 10),
            TableColumn("Write/s", width: 10), TableColumn("R IOPS", width: 7), TableColumn("W IOPS", width: 7),
            TableColumn("Util", width: 6), TableColumn("avg " + model.window.rawValue, width: 7), TableColumn("p95", width: 6),
            TableColumn("p99", width: 6),
        ], rows: table, selection: selected, context: ctx, shareSpare: true)
        var top = area.y + tableHeight + 1
        for line in ioPressure where top < area.maxY {
            canvas.put(TextFit.fit(line, width: area.width), x: area.x, y: top, style: Style.plain.fg(.graphText),
                       clip: area)
            top += 1
        }
        if !ioPressure.isEmpty { top += 1 }
        if fsHeight > 0 {
            FilesystemTable.draw(&canvas, Rect(x: area.x, y: top, width: area.width, height: fsHeight), filesystems,
                                 context: ctx)
            top += fsHeight + 1
        }
        let device = devices[selected].name
        PanelKit.rateDetail(&canvas, area, top: top, name: device, series: [
            ("read", SeriesName.disk(device, .readBytesPerSecond)), ("write", SeriesName.disk(device, .writeBytesPerSecond)),
        ], model: model, ctx)
    }

    /// "1 disk", "2 disks".
    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
