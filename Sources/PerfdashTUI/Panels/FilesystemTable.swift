import PerfdashCore

/// Mounted filesystems as df shows them: mount point, device, type, size, used, available, use % with a bar, and
/// inodes used %.
enum FilesystemTable {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ filesystems: [FilesystemReading], context: RenderContext,
                     compact: Bool = false) {
        guard rect.height > 0 else { return }
        let rows = filesystems.map { fs -> [String] in
            [fs.mountPoint, fs.device, fs.type, Humanize.bytes(Double(fs.sizeBytes)), Humanize.bytes(Double(fs.usedBytes)),
             Humanize.bytes(Double(fs.availableBytes)), Humanize.percent(fs.usedPercent), "",
             Humanize.percent(fs.inodesUsedPercent)]
        }
        var columns = [
            TableColumn("Mounted on", width: 0, alignment: .left), TableColumn("Device", width: 16, alignment: .left),
            TableColumn("Type", width: 7, alignment: .left), TableColumn("Size", width: 9), TableColumn("Used", width: 9),
            TableColumn("Avail", width: 9), TableColumn("Use%", width: 6), TableColumn("", width: 10, alignment: .left),
            TableColumn("Inodes%", width: 7),
        ]
        if compact {
            // A box of the Overview: where, how full, how much is left.
            for index in [1, 2, 3, 4, 8] { columns[index].width = 0 }
            columns[7].width = rect.width >= 50 ? 10 : 0
        } else if rect.width < 100 {
            // Narrow: the device, type and bar give way to the figures.
            columns[1].width = rect.width < 90 ? 0 : 12
            columns[7].width = 0
        }
        let kept = columns.indices.filter { $0 == 0 || columns[$0].width > 0 }
        let first = Table.draw(&canvas, rect, columns: kept.map { columns[$0] },
                               rows: rows.map { row in kept.map { row[$0] } }, selection: nil, context: context,
                               shareSpare: true)
        // The use bar, drawn over its empty column.
        guard let barIndex = kept.firstIndex(of: 7) else { return }
        let widths = Table.layout(kept.map { columns[$0] }, width: rect.width,
                                  rows: rows.map { row in kept.map { row[$0] } })
        guard widths[barIndex] > 0 else { return }
        let x = rect.x + widths[..<barIndex].reduce(0) { $0 + $1 + 1 }
        for (row, fs) in filesystems.dropFirst(first).prefix(rect.height - 1).enumerated() {
            Meter.draw(&canvas, x: x, y: rect.y + 1 + row, width: widths[barIndex], fraction: fs.usedPercent / 100,
                       gradient: .used, context: context)
        }
    }
}
