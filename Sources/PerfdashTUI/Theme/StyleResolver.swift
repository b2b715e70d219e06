/// A style resolved for one terminal: colour numbers (nil = terminal default) and the attributes to send.
public struct ResolvedStyle: Hashable, Sendable {
    /// Foreground colour number; nil for the terminal default.
    public var fg: Int?
    /// Background colour number; nil for the terminal default.
    public var bg: Int?
    /// Attributes to send.
    public var attributes: TextAttributes
}

/// Turns canvas styles into terminal colours for a theme and colour mode.
public struct StyleResolver: Sendable {
    /// The theme colours come from.
    public let theme: Theme
    /// The colour depth mapped to.
    public let mode: ColorMode

    /// Creates a resolver.
    public init(theme: Theme, mode: ColorMode) {
        self.theme = theme
        self.mode = mode
    }

    /// The colours and attributes for `style`.
    public func resolve(_ style: Style) -> ResolvedStyle {
        let attributes = style.attributes.effective(color: mode != .none)
        guard mode != .none else { return ResolvedStyle(fg: nil, bg: nil, attributes: attributes) }
        // Eight colours map most selection backgrounds to black (TERM=linux): the selection and the active tab use
        // reverse video in the terminal's own colours instead.
        if mode == .basic8, style.attributes.contains(.reverseWithoutColor) {
            return ResolvedStyle(fg: nil, bg: nil, attributes: attributes.union(.reverse))
        }
        let fgRGB = theme.resolve(style.fg)
        let bgRGB = theme.resolve(style.bg)
        var fg = fgRGB.flatMap { ColorMapper.colorNumber($0, mode: mode) }
        let bg = bgRGB.flatMap { ColorMapper.colorNumber($0, mode: mode) }
        // Few colours can fold a foreground onto its background (grey text on black → black): keep text visible.
        if mode == .basic8, let f = fg, let b = bg, f == b, let bgRGB {
            fg = Self.luminance(bgRGB) > 128 ? 0 : 7
        }
        return ResolvedStyle(fg: fg, bg: bg, attributes: attributes)
    }

    /// Approximate perceived brightness, 0…255 (Rec. 601 weights).
    static func luminance(_ c: RGB) -> Double {
        0.299 * Double(c.r) + 0.587 * Double(c.g) + 0.114 * Double(c.b)
    }
}
