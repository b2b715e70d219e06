/// The top row: one tab per panel with its number key; the active one highlighted.
public enum TabBar {
    /// The column range of each tab for a screen `width` wide, for drawing and for mouse clicks.
    public static func layout(width: Int) -> [(panel: PanelID, x: Int, width: Int)] {
        // Wide screens get padding around each label; narrower ones one space between, and short names for as few
        // tabs as it takes (in `shortening` order) when the full ones would not fit.
        let pad = width >= 100 ? 1 : 0
        var short: Set<PanelID> = []
        func end() -> Int {
            PanelID.allCases.reduce(1) { $0 + CharacterWidth.of(label($1, short: short.contains($1))) + 2 * pad + 1 }
        }
        for panel in shortening where end() - 1 > width { short.insert(panel) }
        var x = 1
        var out: [(PanelID, Int, Int)] = []
        for panel in PanelID.allCases {
            let w = CharacterWidth.of(label(panel, short: short.contains(panel))) + 2 * pad
            out.append((panel, x, w))
            x += w + 1
        }
        return out
    }

    /// Which tabs take their short name first when the bar is too narrow.
    static let shortening: [PanelID] = [.services, .network, .memory, .autoscaler, .overview]

    /// The panel whose tab is at (`x`, `y`), if any.
    public static func panel(atX x: Int, y: Int, width: Int) -> PanelID? {
        guard y == 0 else { return nil }
        return layout(width: width).first { x >= $0.x && x < $0.x + $0.width }?.panel
    }

    static func label(_ panel: PanelID, short: Bool = false) -> String {
        "\(panel.rawValue) \(short ? panel.shortName : panel.name)"
    }

    /// Draws the tab bar in row 0.
    static func draw(_ canvas: inout Canvas, active: PanelID) {
        let row = Rect(x: 0, y: 0, width: canvas.width, height: 1)
        for tab in layout(width: canvas.width) {
            let selected = tab.panel == active
            let style = selected
                ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: [.bold, .reverseWithoutColor])
                : Style.plain
            canvas.fill(Rect(x: tab.x, y: 0, width: tab.width, height: 1), style: style)
            let name = tab.width - (canvas.width >= 100 ? 2 : 0) < CharacterWidth.of(label(tab.panel))
                ? tab.panel.shortName : tab.panel.name
            let text = "\(tab.panel.rawValue) \(name)"
            let x = tab.x + (tab.width - CharacterWidth.of(text)) / 2
            canvas.put(String(tab.panel.rawValue), x: x, y: 0, style: selected ? style : style.fg(.hiFg), clip: row)
            canvas.put(" " + name, x: x + 1, y: 0, style: style, clip: row)
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
        let status = state.paused ? " PAUSED " : "live"
        x += canvas.put(status, x: x, y: y,
                        style: state.paused ? base.fg(.hiFg).with([.bold, .reverse]) : base.fg(.graphText), clip: row)
        x += canvas.put("  ", x: x, y: y, style: base, clip: row)
        // The latest message comes before the theme, so it stays readable on an 80-column screen.
        if !state.message.isEmpty {
            x += canvas.put(state.message, x: x, y: y, style: base.fg(.hiFg).with(.boldWithoutColor),
                            limit: max(0, canvas.width - x - 1), clip: row)
            x += canvas.put("  ", x: x, y: y, style: base, clip: row)
        }
        item("theme", state.themeName + (colorMode.isEmpty || canvas.width < 120 ? "" : " (\(colorMode))"))
        let hint = "q quit  ? help"
        if canvas.width - CharacterWidth.of(hint) - 2 >= x {
            canvas.putRight(hint, rightEdge: canvas.width - 1, y: y, style: base.fg(.graphText), clip: row)
        }
    }
}
