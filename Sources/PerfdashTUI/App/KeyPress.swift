import PerfdashCore

extension DashboardState {
    /// Applies one key to a screen `width` × `height` showing `model`: the pop-up takes every key while it is open,
    /// then the Processes panel's own keys, then the key map. Returns what the app must do beyond the state.
    ///
    /// A key that does nothing says so once: pressing the same key again stays quiet (a held or hammered key does
    /// not keep rewriting the status line) until another key has been pressed. Once per session would leave
    /// someone who forgot unanswered later; once per press repeats what they have just read.
    public mutating func press(_ key: Key, model: DashboardModel, width: Int, height: Int) -> Effect? {
        if key == .resize { return nil }
        let effect = dispatch(key, model: model, width: width, height: height)
        guard case .nothing(let why)? = effect else {
            deadKey = nil
            return effect
        }
        if deadKey != key {
            deadKey = key
            message = "\(key.label): \(why)"
        }
        return nil
    }

    private mutating func dispatch(_ key: Key, model: DashboardModel, width: Int, height: Int) -> Effect? {
        if popup != nil { return popupKey(key, width: width, height: height) }
        // Rows re-sort every round: the drill-down moves from the row it shows, wherever that is now.
        if panel == .fleet, fleetDetail, let index = FleetPanel.index(of: fleetFocus, in: model) {
            selection[.fleet] = index
        }
        let rows = panel == .processes ? DashboardScreen.processRows(model, state: self) : []
        if panel == .processes, let intercepted = interceptProcessKey(key, rows: rows) { return intercepted }
        guard let action = KeyMap.action(for: key, panel: panel) else { return .nothing("no action here") }
        let effect = apply(action, rowCounts: DashboardScreen.rowCounts(model, width: width, processRows: rows.count),
                           processRows: rows) { x, y in TabBar.panel(atX: x, y: y, width: width) }
        guard effect == .showDetail else { return effect }
        guard let popup = DetailText.popup(model, state: self) else { return .nothing("nothing selected") }
        self.popup = popup
        return nil
    }

    /// Keys while the pop-up is open: Esc, Enter, q (and Backspace, `v`) close it; ↑↓ j k PgUp PgDn Home End
    /// scroll it; F10 still quits.
    private mutating func popupKey(_ key: Key, width: Int, height: Int) -> Effect? {
        guard var open = popup else { return nil }
        let body = DashboardScreen.body(width: width, height: height)
        let last = PopupView.maximumScroll(open, in: body)
        let page = max(1, PopupView.frame(open, in: body).height - 3)
        switch key {
        case .escape, .enter, .backspace, .character("q"), .character("Q"), .character("v"), .character("V"):
            popup = nil
            return nil
        case .function(10): return .quit
        case .up, .character("k"): open.scroll -= 1
        case .down, .character("j"): open.scroll += 1
        case .pageUp: open.scroll -= page
        case .pageDown, .character(" "): open.scroll += page
        case .home: open.scroll = 0
        case .end: open.scroll = last
        case .click: return nil
        default: return .nothing("the pop-up is open: Esc, Enter or q closes it")
        }
        open.scroll = min(max(0, open.scroll), last)
        popup = open
        return nil
    }
}

extension Key {
    /// The key as the status line names it: `x`, `F7`, `Enter`, `↑`.
    var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .function(let n): "F\(n)"
        case .click: "click"
        case .resize: "resize"
        }
    }
}
