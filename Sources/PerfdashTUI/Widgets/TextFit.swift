/// The one way text is made to fit a width: cut at the last whole character that leaves room for "…".
///
/// Every table cell, status message and detail line goes through it, so a cut is always marked the same way.
public enum TextFit {
    /// The ellipsis that marks a cut.
    public static let ellipsis = "…"

    /// `text` if it fits in `width` columns, else its longest prefix that fits with "…" after it ("~" when
    /// `ascii`: an ASCII-only screen has no ellipsis).
    public static func fit(_ text: String, width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.of(text) <= width { return text }
        let ellipsis = ascii ? "~" : Self.ellipsis
        if width == 1 { return ellipsis }
        var out = ""
        var used = 0
        for character in text {
            let w = CharacterWidth.of(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` if it fits, else "…" and its longest suffix that fits (for paths: the file name stays whole).
    public static func fitTail(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text.reversed() {
            let w = CharacterWidth.of(String(character))
            if used + w > width - 1 { break }
            out.insert(character, at: out.startIndex)
            used += w
        }
        return ellipsis + out
    }
}

extension PanelKit {
    /// Writes `texts` from the top of `rect`, each wrapped at spaces to the width; when the lines do not all fit,
    /// the last row shown ends with "…".
    static func fittedLines(_ canvas: inout Canvas, _ rect: Rect, _ texts: [String], style: Style = .plain) {
        guard rect.height > 0, rect.width > 0 else { return }
        var lines: [String] = []
        for text in texts {
            lines += wrap(text, width: rect.width, indent: 2).map { TextFit.fit($0, width: rect.width) }
        }
        for (row, line) in lines.prefix(rect.height).enumerated() {
            let cut = row == rect.height - 1 && lines.count > rect.height
            canvas.put(cut ? TextFit.fit(line + " " + TextFit.ellipsis, width: rect.width) : line,
                       x: rect.x, y: rect.y + row, style: style, clip: rect)
        }
    }
}
