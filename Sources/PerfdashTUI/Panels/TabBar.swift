/// The top row: one tab per panel with its number key; the active one highlighted.
public enum TabBar {
    /// The column range of each tab for a screen `width` wide, for drawing and for mouse clicks.
    public static func layout(width: Int) -> [(panel: PanelID, x: Int, width: Int)] {
        // Padding around each label when everything fits with it; else the full names; else the short ones.
        let (short, pad) = style(width: width)
        var x = 1
        var out: [(PanelID, Int, Int)] = []
        for panel in PanelID.allCases {
            let w = CharacterWidth.of(label(panel, short: short)) + 2 * pad
            out.append((panel, x, w))
            x += w + 1
        }
        return out
    }

    /// The panel whose tab is at (`x`, `y`), if any.
    public static func panel(atX x: Int, y: Int, width: Int) -> PanelID? {
        guard y == 0 else { return nil }
        return layout(width: width).first { x >= $0.x && x < $0.x + $0.width }?.panel
    }

    static func label(_ panel: PanelID, short: Bool = false) -> String {
        "\(panel.key) \(short ? panel.shortName : panel.name)"
    }

    /// Short names or full, and the padding around each label, for a screen `width` wide.
    static func style(width: Int) -> (short: Bool, pad: Int) {
        let labels = PanelID.allCases.reduce(1) { $0 + CharacterWidth.of(label($1)) + 1 }
        if labels + 2 * PanelID.allCases.count <= width { return (false, 1) }
        return labels <= width ? (false, 0) : (true, 0)
    }

    /// Draws the tab bar in row 0.
    static func draw(_ canvas: inout Canvas, active: PanelID) {
        let row = Rect(x: 0, y: 0, width: canvas.width, height: 1)
        let short = style(width: canvas.width).short
        for tab in layout(width: canvas.width) {
            let selected = tab.panel == active
            let style = selected
                ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: [.bold, .reverseWithoutColor])
                : Style.plain
            canvas.fill(Rect(x: tab.x, y: 0, width: tab.width, height: 1), style: style)
            let text = label(tab.panel, short: short)
            let x = tab.x + (tab.width - CharacterWidth.of(text)) / 2
            canvas.put(tab.panel.key, x: x, y: 0, style: selected ? style : style.fg(.hiFg), clip: row)
            canvas.put(" " + (short ? tab.panel.shortName : tab.panel.name), x: x + 1, y: 0, style: style, clip: row)
        }
    }
}

/// The bottom row: refresh interval, stats window, paused state, theme and the last message.
enum StatusLine {
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
        let hint = canvas.width < 90 ? "? help"
            : state.panel == .processes ? "/ filter  F5 tree  K signal  ? help" : "q quit  ? help"
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
