#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PerfdashCore

/// The Processes panel (htop's table): pid, user, state, CPU %, MEM %, RSS, read/write B/s, threads, start time
/// and the command line; sortable by any column, filtered, as a tree, with the selected process's full command line
/// underneath and the signal dialog on top.
enum ProcessesPanel {
    /// A table column and how to fill it from a process.
    struct Column {
        let key: ProcessSortKey
        let width: Int
        let alignment: TableColumn.Alignment
        let minimumScreen: Int
    }

    /// Every column in order; narrower screens drop those whose `minimumScreen` they do not reach.
    static let columns: [Column] = [
        Column(key: .pid, width: 7, alignment: .right, minimumScreen: 0),
        Column(key: .user, width: 9, alignment: .left, minimumScreen: 0),
        Column(key: .state, width: 1, alignment: .left, minimumScreen: 0),
        Column(key: .cpu, width: 6, alignment: .right, minimumScreen: 0),
        Column(key: .memory, width: 5, alignment: .right, minimumScreen: 0),
        Column(key: .rss, width: 8, alignment: .right, minimumScreen: 0),
        Column(key: .read, width: 10, alignment: .right, minimumScreen: 110),
        Column(key: .write, width: 10, alignment: .right, minimumScreen: 110),
        Column(key: .threads, width: 4, alignment: .right, minimumScreen: 0),
        Column(key: .start, width: 6, alignment: .right, minimumScreen: 130),
        Column(key: .command, width: 0, alignment: .left, minimumScreen: 0),
    ]

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let model = input.model, ctx = input.context, view = input.state.process
        let all = model.processes
        let rows = ProcessRows.make(all, view: view, ascii: !ctx.glyphs.isUnicode)
        let inner = Box.draw(&canvas, rect, title: "Processes", note: note(all, rows: rows.count, view: view),
                             border: .procBox, glyphs: ctx.glyphs)
        guard model.processesEnabled else {
            return PanelKit.centred(&canvas, inner, ["process table off (--no-processes)"])
        }
        guard !all.isEmpty else {
            guard model.snapshot != nil else { return PanelKit.waiting(&canvas, inner, model) }
            return PanelKit.centred(&canvas, inner, ["no processes listed under the root's proc/"])
        }
        let area = inner.inset(dx: 1, dy: 0)
        let detailHeight = area.height >= 12 ? 3 : 1
        let table = Rect(x: area.x, y: area.y, width: area.width, height: area.height - detailHeight - 1)
        let shown = columns.filter { canvas.width >= $0.minimumScreen }
        let selected = rows.isEmpty ? nil : min(input.state.selection[.processes] ?? 0, rows.count - 1)
        let now = Int64(time(nil)) * 1000
        Table.draw(&canvas, table, columns: shown.map { column in
            TableColumn(title(column.key, view: view), width: column.width, alignment: column.alignment)
        }, rows: rows.map { row in shown.map { cell($0.key, row, now: now) } }, selection: selected, context: ctx)
        if rows.isEmpty {
            PanelKit.centred(&canvas, Rect(x: table.x, y: table.y + 1, width: table.width, height: table.height - 1),
                             ["no process matches “\(view.filter)”", "Esc clears the filter"],
                             style: Style.plain.fg(.graphText))
        }
        let detail = Rect(x: area.x, y: table.maxY, width: area.width, height: area.maxY - table.maxY)
        drawDetail(&canvas, detail, selected.map { rows[$0].process }, all: all, view: view)
        if let dialog = view.dialog { SignalDialog.draw(&canvas, inner, dialog, context: ctx) }
    }

    /// The frame's note: counts, the sort, the filter and the modes.
    static func note(_ all: [ProcessReading], rows: Int, view: ProcessViewState) -> String {
        let running = all.reduce(0) { $0 + ($1.state == "R" ? 1 : 0) }
        var parts = ["\(all.count) processes", "\(running) running"]
        if !view.filter.isEmpty { parts.append("\(rows) match “\(view.filter)”") }
        if view.tree { parts.append("tree") }
        if let pid = view.followPid { parts.append("following \(pid)") }
        return parts.joined(separator: " · ")
    }

    /// The header of a column, with ▼/▲ on the sort column.
    static func title(_ key: ProcessSortKey, view: ProcessViewState) -> String {
        let sorted = view.sortKey == key || (key == .memory && view.sortKey == .rss)
        guard sorted else { return key.title }
        return key.title + (key.descending != view.reversed ? "▼" : "▲")
    }

    /// The text of one cell.
    static func cell(_ key: ProcessSortKey, _ row: ProcessTree.Row, now: Int64) -> String {
        let p = row.process
        switch key {
        case .pid: return String(p.pid)
        case .user: return p.user
        case .state: return p.state
        case .cpu: return Humanize.fixed(p.cpuPercent, 1)
        case .memory: return Humanize.fixed(p.memoryPercent, 1)
        case .rss: return Humanize.bytes(Double(p.rssBytes))
        case .read: return p.readBytesPerSecond.map(Humanize.rate) ?? "n/a"
        case .write: return p.writeBytesPerSecond.map(Humanize.rate) ?? "n/a"
        case .io: return p.ioBytesPerSecond.map(Humanize.rate) ?? "n/a"
        case .threads: return String(p.threads)
        case .start: return startText(p.startUnixMs, now: now)
        case .command: return row.prefix + p.command
        }
    }

    /// `14:03` for a process started in the last 24 hours, else `Nov30` (as ps's START).
    static func startText(_ unixMs: Int64, now: Int64) -> String {
        guard unixMs > 0 else { return "?" }
        var seconds = time_t(unixMs / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "?" }
        if now - unixMs < 86_400_000 {
            return String(format2(Int(parts.tm_hour))) + ":" + format2(Int(parts.tm_min))
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return months[Int(parts.tm_mon) % 12] + format2(Int(parts.tm_mday))
    }

    private static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Under the table: the selected process in full (pid, parent, user, threads, I/O), its whole command line
    /// wrapped, or the filter being typed.
    static func drawDetail(_ canvas: inout Canvas, _ rect: Rect, _ process: ProcessReading?, all: [ProcessReading],
                           view: ProcessViewState) {
        guard rect.height > 0 else { return }
        if view.editingFilter {
            let used = canvas.put("filter: ", x: rect.x, y: rect.maxY - 1, style: Style.plain.fg(.hiFg).with(.bold),
                                  clip: rect)
            canvas.put(view.filter + "▏", x: rect.x + used, y: rect.maxY - 1, style: Style.plain.with(.boldWithoutColor),
                       clip: rect)
            canvas.putRight("Enter keep · Esc clear", rightEdge: rect.maxX, y: rect.maxY - 1,
                            style: Style.plain.fg(.graphText), clip: rect)
            if rect.height == 1 { return }
        }
        guard let p = process else { return }
        let unreadable = all.reduce(0) { $0 + ($1.readBytesPerSecond == nil ? 1 : 0) }
        var facts = "pid \(p.pid) · parent \(p.parentPid) · \(p.user) · \(p.threads) thread\(p.threads == 1 ? "" : "s")"
        facts += p.readBytesPerSecond == nil
            ? " · I/O not readable (another user's process: run as root to see it)"
            : " · read \(Humanize.rate(p.readBytesPerSecond ?? 0)) write \(Humanize.rate(p.writeBytesPerSecond ?? 0))"
        if unreadable > 0, p.readBytesPerSecond != nil {
            facts += " · I/O of \(unreadable) process\(unreadable == 1 ? "" : "es") not readable"
        }
        let lines = rect.height - (view.editingFilter ? 1 : 0)
        let text = [facts, "\(p.name): \(p.command)"]
        PanelKit.fittedLines(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: lines), text,
                             style: Style.plain.fg(.graphText))
    }
}

/// The confirmation dialog of a signal: which process, which signal (SIGTERM first), Enter sends, Esc cancels.
enum SignalDialog {
    static func draw(_ canvas: inout Canvas, _ area: Rect, _ dialog: SignalDialogState, context: RenderContext) {
        let choices = ProcessSignal.choices
        let width = min(area.width, 48), height = min(area.height, choices.count + 5)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                        width: width, height: height)
        canvas.fill(rect)
        let inner = Box.draw(&canvas, rect, title: "Send a signal", border: .hiFg, glyphs: context.glyphs)
        guard inner.height > 2 else { return }
        canvas.put("to \(dialog.pid) \(dialog.name)?", x: inner.x + 1, y: inner.y,
                   style: Style.plain.with(.boldWithoutColor), limit: inner.width - 2, clip: inner)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        let first = max(0, dialog.choice - list.height + 1)
        for (row, index) in (first..<min(choices.count, first + list.height)).enumerated() {
            let selected = index == dialog.choice
            let style = selected
                ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: .reverseWithoutColor) : .plain
            let line = Rect(x: list.x + 1, y: list.y + row, width: list.width - 2, height: 1)
            if selected { canvas.fill(line, style: style) }
            canvas.put(" \(index + 1) \(choices[index].name) (\(choices[index].number))", x: line.x, y: line.y,
                       style: style, clip: line)
        }
        canvas.put("↑↓ choose · Enter send · Esc cancel", x: inner.x + 1, y: inner.maxY - 1,
                   style: Style.plain.fg(.graphText), limit: inner.width - 2, clip: inner)
    }
}
