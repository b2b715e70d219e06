/// A framed box with a title in its top edge, like btop's panels.
public enum Box {
    /// Draws the frame of `rect` in `border` colour with `title` (and an optional right-hand `note`) set into
    /// its top edge, and returns the inner rectangle.
    @discardableResult
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, title: String, note: String = "",
                            border: ThemeRole = .divLine, glyphs: Glyphs) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let line = Style.plain.fg(border)
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        canvas.set(glyphs.topLeft, x: rect.x, y: rect.y, style: line)
        canvas.set(glyphs.topRight, x: right, y: rect.y, style: line)
        canvas.set(glyphs.bottomLeft, x: rect.x, y: bottom, style: line)
        canvas.set(glyphs.bottomRight, x: right, y: bottom, style: line)
        for x in (rect.x + 1)..<max(rect.x + 1, right) {
            canvas.set(glyphs.horizontal, x: x, y: rect.y, style: line)
            canvas.set(glyphs.horizontal, x: x, y: bottom, style: line)
        }
        for y in (rect.y + 1)..<max(rect.y + 1, bottom) {
            canvas.set(glyphs.vertical, x: rect.x, y: y, style: line)
            canvas.set(glyphs.vertical, x: right, y: y, style: line)
        }
        let room = rect.width - 4
        if room > 0, !title.isEmpty {
            canvas.put(" \(title) ", x: rect.x + 1, y: rect.y,
                       style: Style.plain.fg(.title).with([.bold]), limit: room + 2)
        }
        if !note.isEmpty {
            let used = title.isEmpty ? 0 : CharacterWidth.of(title) + 3
            let width = CharacterWidth.of(note) + 2
            if rect.width - 4 - used >= width {
                canvas.put(" \(note) ", x: right - width - 1, y: rect.y, style: Style.plain.fg(.graphText))
            }
        }
        return rect.inset(dx: 1, dy: 1)
    }
}
