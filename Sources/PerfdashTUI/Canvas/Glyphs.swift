/// How graphs are drawn: braille dots (2×4 per cell), block elements (1×8 per cell) or ASCII.
public enum GraphStyle: String, CaseIterable, Sendable {
    case braille, block, ascii
}

/// The characters used for frames, meters and sparklines: Unicode, or plain ASCII for terminals without UTF-8.
public struct Glyphs: Sendable, Equatable {
    /// Frame corner.
    public var topLeft: Character
    /// Frame corner.
    public var topRight: Character
    /// Frame corner.
    public var bottomLeft: Character
    /// Frame corner.
    public var bottomRight: Character
    /// Frame edge.
    public var horizontal: Character
    /// Frame edge.
    public var vertical: Character
    /// A filled meter cell.
    public var meterFull: Character
    /// An empty meter cell (told apart by colour).
    public var meterEmpty: Character
    /// Sparkline levels from lowest to highest.
    public var ramp: [Character]
    /// Between items on a line.
    public var separator: String
    /// Whether these glyphs need a UTF-8 terminal.
    public var isUnicode: Bool

    /// Rounded frames, block meters and ▁…█ sparklines.
    public static let unicode = Glyphs(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        meterFull: "■", meterEmpty: "■", ramp: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], separator: "│",
        isUnicode: true)

    /// `+-|` frames, `#` meters and `_.-=*#` sparklines: readable on a Linux console or a C locale.
    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        meterFull: "#", meterEmpty: ".", ramp: ["_", ".", "-", "=", "+", "*", "#", "@"], separator: "|",
        isUnicode: false)

    /// Whether the terminal should get ASCII only: asked for, TERM=linux (the console font lacks braille),
    /// or a locale whose character set is not UTF-8.
    public static func asciiOnly(environment: [String: String], forced: Bool) -> Bool {
        if forced { return true }
        if environment["TERM"] == "linux" { return true }
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        let lower = locale.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }

    /// An ASCII stand-in for a character of the panels' text (arrows, bullets, the minus sign…); `?` for others.
    public static func asciiFallback(_ c: Character) -> Character {
        if c.isASCII { return c }
        switch c {
        case "·": return "|"
        case "…": return "-"
        case "−", "–", "—", "─": return "-"
        case "↑", "▲": return "^"
        case "↓", "▼": return "v"
        case "▏": return "|"
        case "┄": return "-"
        case "°": return "o"
        case "├", "└": return "`"
        case "→", "›": return ">"
        case "µ": return "u"
        case "←": return "<"
        case "×": return "x"
        case "•": return "*"
        case "Δ": return "d"
        case "│": return "|"
        default: return "?"
        }
    }
}
