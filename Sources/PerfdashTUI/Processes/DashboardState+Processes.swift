public import PerfdashCore

extension DashboardState {
    /// Keys the Processes panel takes before the key map: typing into the filter, and the signal dialog.
    /// Returns nil when the key is not taken; otherwise the effect (possibly none) of handling it.
    public mutating func interceptProcessKey(_ key: Key, rows: [ProcessReading]) -> Effect?? {
        if process.editingFilter { return .some(editFilter(key)) }
        if process.dialog != nil { return .some(dialogKey(key)) }
        return nil
    }

    /// Applies a Processes-panel action to the rows on screen.
    mutating func applyProcess(_ action: Action, rows: [ProcessReading]) {
        let selected = rows.indices.contains(selection[.processes] ?? 0) ? rows[selection[.processes] ?? 0] : nil
        switch action {
        case .sortNext, .sortPrevious:
            process.stepSort(action == .sortNext ? 1 : -1)
            sortMessage()
        case .sortBy(let key):
            if process.sortKey == key { process.reversed.toggle() } else { process.sortKey = key }
            sortMessage()
        case .invertSort:
            process.reversed.toggle()
            sortMessage()
        case .startFilter:
            process.editingFilter = true
            message = "filter: type text, Enter keeps it, Esc clears it"
        case .toggleTree:
            process.tree.toggle()
            message = process.tree ? "tree view (F5 for the flat list)" : "flat list"
        case .toggleFollow:
            if process.followPid != nil {
                process.followPid = nil
                message = "follow off"
            } else if let selected {
                process.followPid = selected.pid
                message = "following \(selected.pid) \(selected.name) (F stops)"
            }
        case .signalDialog:
            guard let selected else {
                message = "no process selected"
                return
            }
            process.dialog = SignalDialogState(pid: selected.pid, name: selected.name, startUnixMs: selected.startUnixMs)
        default: break
        }
    }

    /// Keeps the selection on the followed process, wherever the list moved it; ends the follow when it exited.
    public mutating func followProcess(in rows: [ProcessReading]) {
        guard let pid = process.followPid else { return }
        if let index = rows.firstIndex(where: { $0.pid == pid }) {
            selection[.processes] = index
        } else {
            process.followPid = nil
            message = "process \(pid) is gone: follow off"
        }
    }

    private mutating func sortMessage() {
        message = "sorted by \(process.sortKey.title)" + (process.reversed ? " (reversed)" : "")
    }

    private mutating func editFilter(_ key: Key) -> Effect? {
        switch key {
        case .enter:
            process.editingFilter = false
            message = process.filter.isEmpty ? "no filter" : "filter “\(process.filter)” (\\ or / edits, Esc clears)"
        case .escape:
            process.editingFilter = false
            process.filter = ""
            message = "filter cleared"
        case .backspace:
            if !process.filter.isEmpty { process.filter.removeLast() }
        case .character(let c) where !c.isNewline && c != "\t":
            if process.filter.count < 64 { process.filter.append(c) }
        default: break
        }
        selection[.processes] = 0
        return nil
    }

    private mutating func dialogKey(_ key: Key) -> Effect? {
        guard var dialog = process.dialog else { return nil }
        let count = ProcessSignal.choices.count
        switch key {
        case .up, .character("k"): dialog.choice = (dialog.choice + count - 1) % count
        case .down, .character("j"): dialog.choice = (dialog.choice + 1) % count
        case .character(let c) where c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= count { dialog.choice = n - 1 }
        case .enter, .character("y"), .character("Y"):
            process.dialog = nil
            let signal = ProcessSignal.choices[dialog.choice]
            return .sendSignal(pid: dialog.pid, signal: signal.number, name: signal.name,
                               startUnixMs: dialog.startUnixMs)
        case .escape, .character("n"), .character("N"), .character("q"), .backspace:
            process.dialog = nil
            message = "no signal sent"
            return nil
        default: break
        }
        process.dialog = dialog
        return nil
    }
}
