/// A long text in full (an autoscaler's reason, a service's error, an alert, a finding), shown over the panel in a
/// bordered box until Esc, Enter or q closes it.
///
/// The text is taken when the pop-up opens, so it holds still while it is read; `scroll` is its first line shown.
public struct Popup: Sendable, Equatable {
    /// The title in the box's top edge.
    public var title: String
    /// The text, one paragraph per element ("" for a blank line); each is wrapped to the box's width.
    public var paragraphs: [String]
    /// The first wrapped line shown.
    public var scroll = 0

    /// Creates a pop-up scrolled to its top.
    public init(title: String, paragraphs: [String]) {
        self.title = title
        self.paragraphs = paragraphs
    }
}

/// Draws a ``Popup`` over a panel and answers where it sits and how far it scrolls.
public enum PopupView {
    /// The widest the box gets: lines longer than this are hard to read.
    static let maximumWidth = 100

    /// The box inside a panel area `body`: two columns from each side (at most ``maximumWidth``), as tall as the
    /// text needs up to the whole height, centred.
    public static func frame(_ popup: Popup, in body: Rect) -> Rect {
        let width = min(maximumWidth, max(0, body.width - 4))
        let height = min(body.height, lines(popup, width: width - 4).count + 2)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width,
                    height: height)
    }

    /// The text's lines for a text area `width` columns wide: each paragraph wrapped at spaces, a word longer than
    /// the width broken across lines (nothing is cut), continuation lines of a bullet or an indented paragraph
    /// indented under its text.
    public static func lines(_ popup: Popup, width: Int) -> [String] {
        guard width > 4 else { return [] }
        var out: [String] = []
        for paragraph in popup.paragraphs.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false) }) {
            let body = paragraph.drop { $0 == " " }
            let bullet = ["• ", "→ ", "- ", "-> "].first { body.hasPrefix($0) }
            let indent = min(width / 2, paragraph.count - body.count + (bullet.map { CharacterWidth.of($0) } ?? 0))
            out += wrap(String(paragraph), width: width, indent: indent)
        }
        return out
    }

    /// The largest useful `scroll` for `popup` over `body` (0 when it all fits).
    public static func maximumScroll(_ popup: Popup, in body: Rect) -> Int {
        let box = frame(popup, in: body)
        return max(0, lines(popup, width: box.width - 4).count - max(0, box.height - 2))
    }

    /// Draws `popup` over whatever is in `body`: the box is cleared first, the text scrolled to `popup.scroll`.
    public static func draw(_ canvas: inout Canvas, _ body: Rect, _ popup: Popup, context: RenderContext) {
        let box = frame(popup, in: body)
        guard box.width >= 10, box.height >= 3 else { return }
        canvas.fill(box, style: .plain)
        let all = lines(popup, width: box.width - 4)
        let visible = box.height - 2
        let first = min(max(0, popup.scroll), max(0, all.count - visible))
        let arrows = context.glyphs.isUnicode ? "↑↓" : "up/down"
        let note = all.count > visible
            ? "\(first + 1)–\(min(all.count, first + visible)) of \(all.count) · \(arrows) scroll" : ""
        let inner = Box.draw(&canvas, box, title: TextFit.fit(popup.title, width: max(1, box.width - 6)),
                             note: note, border: .hiFg, glyphs: context.glyphs)
        for (row, line) in all.dropFirst(first).prefix(visible).enumerated() {
            canvas.put(line, x: inner.x + 1, y: inner.y + row, clip: inner.inset(dx: 1, dy: 0))
        }
        let close = " Esc Enter q close "
        if box.width - 4 >= CharacterWidth.of(close) {
            canvas.putRight(close, rightEdge: box.maxX - 2, y: box.maxY - 1, style: Style.plain.fg(.graphText))
        }
    }

    /// `text` broken at spaces into lines of at most `width` columns; a word wider than a line is broken where the
    /// line ends. Lines after the first start with `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        let lead = text.prefix { $0 == " " }
        var line = String(lead)
        var used = lead.count
        for word in text.dropFirst(lead.count).split(separator: " ") {
            let w = CharacterWidth.of(word)
            let blank = line.allSatisfy { $0 == " " }
            if !blank, used + 1 + w <= width {
                line += " " + word
                used += 1 + w
                continue
            }
            if !blank {
                lines.append(line)
                line = pad
                used = indent
            }
            // The word starts here; break it while it is wider than what is left of the line.
            for character in word {
                let cw = CharacterWidth.of(String(character))
                if used + cw > width, used > indent {
                    lines.append(line)
                    line = pad
                    used = indent
                }
                line.append(character)
                used += cw
            }
        }
        lines.append(line)
        return lines
    }
}
