/// A 24-bit colour.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    /// Red, 0…255.
    public var r: UInt8
    /// Green, 0…255.
    public var g: UInt8
    /// Blue, 0…255.
    public var b: UInt8

    /// Creates a colour from its three channels.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `#rrggbb`, as the theme files write it.
    public var description: String {
        "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The colour a fraction `t` (0…1) of the way from `self` to `other`.
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return RGB(lerp(r, other.r), lerp(g, other.g), lerp(b, other.b))
    }
}

/// A named colour slot of a theme, with btop's key names.
public enum ThemeRole: String, CaseIterable, Sendable {
    case mainBg = "main_bg", mainFg = "main_fg", title, hiFg = "hi_fg"
    case selectedBg = "selected_bg", selectedFg = "selected_fg", inactiveFg = "inactive_fg"
    case graphText = "graph_text", meterBg = "meter_bg", divLine = "div_line"
    case cpuBox = "cpu_box", memBox = "mem_box", netBox = "net_box", procBox = "proc_box"
}

/// A three-stop colour ramp of a theme (`<name>_start`, `_mid`, `_end`).
public enum GradientRole: String, CaseIterable, Sendable {
    case cpu, used, free, cached, available, download, upload, temp, process
}

/// What colours a cell: the terminal's default, a theme slot, a point on a theme gradient, or a fixed colour.
///
/// Cells keep the role rather than the colour so that one drawn frame can be shown in any theme and colour depth.
public enum Paint: Hashable, Sendable {
    case terminalDefault
    case role(ThemeRole)
    /// `level` is 0…100 along the gradient.
    case gradient(GradientRole, level: UInt8)
    case rgb(RGB)
}

/// Text attributes of a cell.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The attribute bits.
    public let rawValue: UInt8
    /// Creates attributes from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Reverse video.
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 2)
    /// Dim text.
    public static let dim = TextAttributes(rawValue: 1 << 3)
    /// Reverse video only when colours are off: what a coloured background says (selection, active tab) in colour.
    public static let reverseWithoutColor = TextAttributes(rawValue: 1 << 4)
    /// Bold only when colours are off: what a highlight colour says in colour.
    public static let boldWithoutColor = TextAttributes(rawValue: 1 << 5)

    /// The attributes to send for a terminal with (`true`) or without colour.
    public func effective(color: Bool) -> TextAttributes {
        var out = intersection([.bold, .reverse, .underline, .dim])
        if !color {
            if contains(.reverseWithoutColor) { out.insert(.reverse) }
            if contains(.boldWithoutColor) { out.insert(.bold) }
        }
        return out
    }
}

/// The look of one cell: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    /// Foreground.
    public var fg: Paint
    /// Background.
    public var bg: Paint
    /// Bold, reverse…
    public var attributes: TextAttributes

    /// Creates a style; the defaults are the theme's main text on its main background.
    public init(fg: Paint = .role(.mainFg), bg: Paint = .role(.mainBg), attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// The theme's plain text style.
    public static let plain = Style()

    /// This style with another foreground.
    public func fg(_ paint: Paint) -> Style { var s = self; s.fg = paint; return s }
    /// This style with a theme role as foreground.
    public func fg(_ role: ThemeRole) -> Style { fg(.role(role)) }
    /// This style with another background.
    public func bg(_ paint: Paint) -> Style { var s = self; s.bg = paint; return s }
    /// This style with more attributes.
    public func with(_ attributes: TextAttributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }
}
