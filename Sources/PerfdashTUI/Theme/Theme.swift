/// A colour theme: btop's keys mapped to colours. A key that is absent or empty means "terminal default".
public struct Theme: Sendable, Equatable {
    /// The theme's name (its file name without `.theme`).
    public var name: String
    /// Colours by btop key (`main_bg`, `cpu_start`…); keys perfdash does not use are kept, not refused.
    public var colors: [String: RGB]

    /// Creates a theme from its colours.
    public init(name: String, colors: [String: RGB]) {
        self.name = name
        self.colors = colors
    }

    /// The colour of a role, with btop's fallbacks for keys older themes lack (graph_text → main_fg…).
    public func color(_ role: ThemeRole) -> RGB? {
        if let c = colors[role.rawValue] { return c }
        switch role {
        case .graphText, .title, .hiFg, .selectedFg: return colors["main_fg"]
        case .meterBg, .divLine: return colors["inactive_fg"]
        case .cpuBox, .memBox, .netBox, .procBox: return colors["div_line"] ?? colors["main_fg"]
        default: return nil
        }
    }

    /// The colour `level`/100 of the way along a gradient: start → mid → end, or start → end without a mid,
    /// or start alone. Falls back to `main_fg` when the theme has no such gradient.
    public func color(_ gradient: GradientRole, level: UInt8) -> RGB? {
        let key = gradient.rawValue
        guard let start = colors[key + "_start"] else { return colors["main_fg"] }
        let t = Double(min(level, 100)) / 100
        let end = colors[key + "_end"]
        if let mid = colors[key + "_mid"] {
            guard let end else { return t < 0.5 ? start.mixed(with: mid, t * 2) : mid }
            return t < 0.5 ? start.mixed(with: mid, t * 2) : mid.mixed(with: end, (t - 0.5) * 2)
        }
        guard let end else { return start }
        return start.mixed(with: end, t)
    }

    /// The colour for a paint, or nil for the terminal's default.
    public func resolve(_ paint: Paint) -> RGB? {
        switch paint {
        case .terminalDefault: nil
        case .role(let role): color(role)
        case .gradient(let g, let level): color(g, level: level)
        case .rgb(let rgb): rgb
        }
    }
}
