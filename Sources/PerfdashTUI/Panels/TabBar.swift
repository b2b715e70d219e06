import PerfdashCore

/// The top row: one tab per panel with its key; the active one highlighted, the Alerts tab coloured while an
/// alert fires.
public enum TabBar {
    /// How much of each panel's name a tab shows.
    enum Naming: CaseIterable {
        case full, short, keyOnly
    }

    /// The column range of each tab for a screen `width` wide, for drawing and for mouse clicks: full names when
    /// they fit (padded on wide screens), else short names, else the keys alone.
    public static func layout(width: Int) -> [(panel: PanelID, x: Int, width: Int)] {
        let naming = naming(width: width)
        let pad = width >= 100 && naming == .full && fits(.full, pad: 1, width: width) ? 1 : 0
        var x = 1
        var out: [(PanelID, Int, Int)] = []
        for panel in PanelID.allCases {
            let w = CharacterWidth.of(label(panel, naming)) + 2 * pad
            out.append((panel, x, w))
            x += w + 1
        }
        return out
    }

    /// The fullest naming that fits `width`.
    static func naming(width: Int) -> Naming {
        Naming.allCases.first { fits($0, pad: 0, width: width) } ?? .keyOnly
    }

    private static func fits(_ naming: Naming, pad: Int, width: Int) -> Bool {
        1 + PanelID.allCases.reduce(0) { $0 + CharacterWidth.of(label($1, naming)) + 2 * pad + 1 } <= width
    }

    /// The panel whose tab is at (`x`, `y`), if any.
    public static func panel(atX x: Int, y: Int, width: Int) -> PanelID? {
        guard y == 0 else { return nil }
        return layout(width: width).first { x >= $0.x && x < $0.x + $0.width }?.panel
    }

    static func label(_ panel: PanelID, _ naming: Naming = .full) -> String {
        switch naming {
        case .full: "\(panel.key) \(panel.name)"
        case .short: panel.shortName.isEmpty ? panel.key : "\(panel.key) \(panel.shortName)"
        case .keyOnly: panel.key
        }
    }

    /// Draws the tab bar in row 0; the Alerts tab takes the colour of the highest firing `alertLevel`.
    static func draw(_ canvas: inout Canvas, active: PanelID, alertLevel: AlertLevel = .ok) {
        let row = Rect(x: 0, y: 0, width: canvas.width, height: 1)
        let naming = naming(width: canvas.width)
        for tab in layout(width: canvas.width) {
            let selected = tab.panel == active
            var style = selected
                ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: [.bold, .reverseWithoutColor])
                : Style.plain
            if tab.panel == .alerts, alertLevel > .ok, !selected { style = AlertStyle.figure(alertLevel) }
            canvas.fill(Rect(x: tab.x, y: 0, width: tab.width, height: 1), style: style)
            let text = label(tab.panel, naming)
            let x = tab.x + (tab.width - CharacterWidth.of(text)) / 2
            let keyStyle = selected || (tab.panel == .alerts && alertLevel > .ok) ? style : style.fg(.hiFg)
            canvas.put(tab.panel.key, x: x, y: 0, style: keyStyle, clip: row)
            let name = naming == .full ? tab.panel.name : naming == .short ? tab.panel.shortName : ""
            if !name.isEmpty { canvas.put(" " + name, x: x + 1, y: 0, style: style, clip: row) }
        }
    }
}

/// The bottom row: refresh interval, stats window, paused state, theme and the last message.
enum StatusLine {
    /// The key hints at the right: the pop-up's own keys while it is open; the keys that open one on the panels
    /// that have one; the Processes panel's keys; else quit and help. Narrow screens keep the shortest.
    static func hints(_ state: DashboardState, width: Int) -> String {
        let wide = width >= 90
        if state.popup != nil { return wide ? "↑↓ PgUp PgDn scroll  Esc close" : "↑↓ scroll  Esc close" }
        switch state.panel {
        case .help: return "Esc close"   // the frame says "↑↓ scroll" when it scrolls
        case .processes: return wide ? "/ filter  F5 tree  K signal  v full  ? help" : "v text  ? help"
        case .services:
            return !wide ? "v text  ? help"
                : state.serviceDetail ? "Esc back  v full text  ? help" : "Enter details  v full text  ? help"
        case .autoscaler, .alerts, .findings: return wide ? "Enter/v full text  q quit  ? help" : "Enter/v text  ? help"
        default: return wide ? "q quit  ? help" : "? help"
        }
    }

    static func draw(_ canvas: inout Canvas, state: DashboardState, colorMode: String) {
        let y = canvas.height - 1
        let row = Rect(x: 0, y: y, width: canvas.width, height: 1)
        canvas.fill(row, style: Style.plain.bg(.role(.meterBg)))
        let base = Style.plain.bg(.role(.meterBg))
        var x = 1
        func item(_ label: String, _ value: String) {
            x += canvas.put(label + " ", x: x, y: y, style: base.fg(.graphText), clip: row)
            x += canvas.put(value, x: x, y: y, style: base.with(.boldWithoutColor), clip: row)
            x += canvas.put("  ", x: x, y: y, style: base, clip: row)
        }
        item("interval", Humanize.duration(seconds: state.interval.seconds))
        item("window", state.window.rawValue)
        // "live" only where there is room for it (90 columns): PAUSED is what must be seen.
        if state.paused || canvas.width >= 90 {
            let status = state.paused ? " PAUSED " : "live"
            x += canvas.put(status, x: x, y: y,
                            style: state.paused ? base.fg(.hiFg).with([.bold, .reverse]) : base.fg(.graphText),
                            clip: row)
            x += canvas.put("  ", x: x, y: y, style: base, clip: row)
        }
        // The key hints always keep their place at the right; the message gets what is left before them, and the
        // theme only when there is no message (t's message names it anyway).
        let hint = hints(state, width: canvas.width)
        let hintStart = canvas.width - 1 - CharacterWidth.of(hint)
        canvas.putRight(hint, rightEdge: canvas.width - 1, y: y, style: base.fg(.graphText), clip: row)
        let room = Rect(x: 0, y: y, width: max(0, hintStart - 2), height: 1)
        if !state.message.isEmpty {
            let width = max(0, room.maxX - x)
            // A saved file's name is at the end of its path: keep the end.
            let text = state.message.hasPrefix("saved ") ? TextFit.fitTail(state.message, width: width)
                : TextFit.fit(state.message, width: width)
            canvas.put(text, x: x, y: y, style: base.fg(.hiFg).with(.boldWithoutColor), clip: room)
        } else {
            let theme = state.themeName + (colorMode.isEmpty || canvas.width < 120 ? "" : " (\(colorMode))")
            if x + CharacterWidth.of("theme " + theme) <= room.maxX { item("theme", theme) }
        }
    }
}
