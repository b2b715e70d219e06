/// How many colours the terminal shows, which decides how theme colours are sent.
public enum ColorMode: String, Sendable, CaseIterable {
    /// No colour: `NO_COLOR` is set or the terminal has none. Bold and reverse carry the meaning.
    case none
    /// The eight ANSI colours.
    case basic8
    /// The xterm 256-colour palette (6×6×6 cube and 24 greys).
    case indexed256
    /// 24-bit colour.
    case truecolor

    /// Chooses the mode from the environment and what the terminal description says it can show.
    ///
    /// - `NO_COLOR` set (to anything, per no-color.org) → none.
    /// - `COLORTERM` = truecolor/24bit and a terminal description with direct colour (≥ 2²⁴ colours) → truecolor.
    /// - otherwise the best of 256 / 8 / none the terminal reports.
    public static func detect(environment: [String: String], terminalColors: Int, hasColors: Bool) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, terminalColors >= 8 else { return .none }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if terminalColors >= 1 << 24, colorterm == "truecolor" || colorterm == "24bit" { return .truecolor }
        if terminalColors >= 256 { return .indexed256 }
        return .basic8
    }
}

/// Maps 24-bit colours to the nearest colour a terminal can show.
public enum ColorMapper {
    /// The six channel levels of the xterm 6×6×6 cube (indices 16…231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of xterm palette entry `index` (16…255; 0…15 use the xterm defaults).
    public static func xterm256(_ index: Int) -> RGB {
        switch index {
        case 0..<16:
            return basic16[index]
        case 16..<232:
            let i = index - 16
            return RGB(UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        default:
            let v = UInt8(8 + 10 * (index - 232))
            return RGB(v, v, v)
        }
    }

    /// The xterm default colours 0…15.
    static let basic16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The nearest entry of the 256-colour cube and grey ramp (16…255) by squared RGB distance; ties go to the
    /// lower index. Entries 0…15 are left out because terminals let users redefine them.
    public static func nearest256(_ c: RGB) -> Int {
        nearest(c, among: 16..<256, palette: xterm256)
    }

    /// The nearest of the eight ANSI colours (xterm's values) by squared RGB distance.
    public static func nearest8(_ c: RGB) -> Int {
        nearest(c, among: 0..<8, palette: xterm256)
    }

    /// Squared Euclidean distance in RGB.
    public static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }

    /// The colour number to send for `c` in `mode`: a palette index, or `0xRRGGBB` for truecolor; nil for none.
    public static func colorNumber(_ c: RGB, mode: ColorMode) -> Int? {
        switch mode {
        case .none: nil
        case .basic8: nearest8(c)
        case .indexed256: nearest256(c)
        case .truecolor: Int(c.r) << 16 | Int(c.g) << 8 | Int(c.b)
        }
    }

    private static func nearest(_ c: RGB, among range: Range<Int>, palette: (Int) -> RGB) -> Int {
        var best = range.lowerBound
        var bestDistance = Int.max
        for i in range {
            let d = distance(c, palette(i))
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }
}
