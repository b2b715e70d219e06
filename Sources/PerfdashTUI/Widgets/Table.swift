/// A column of a table: title, width in cells and alignment.
public struct TableColumn: Sendable, Equatable {
    /// Where text sits in its column.
    public enum Alignment: Sendable { case left, right }
    /// The header text.
    public var title: String
    /// Width in cells; 0 means "take the room left over" (one such column at most).
    public var width: Int
    /// Left for names, right for numbers.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Int, alignment: Alignment = .right) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A table with a header row, aligned columns and an optional selected row kept in view.
public enum Table {
    /// Draws `rows` under a header in `rect`. Columns that do not fit are dropped from the right.
    /// Returns the index of the first visible row.
    @discardableResult
    /// With `shareSpare`, the flexible column is only as wide as its longest text and the rest of the width is
    /// shared among the other columns (see `layout`).
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, columns: [TableColumn], rows: [[String]],
                            selection: Int?, context: RenderContext, shareSpare: Bool = false) -> Int {
        guard rect.height >= 1, rect.width >= 1 else { return 0 }
        let widths = layout(columns, width: rect.width, rows: shareSpare ? rows : nil)
        var x = rect.x
        for (column, width) in zip(columns, widths) where width > 0 {
            cellText(&canvas, column.title, x: x, y: rect.y, width: width, alignment: column.alignment,
                     style: Style.plain.fg(.title).with([.bold, .underline]), ascii: !context.glyphs.isUnicode)
            x += width + 1
        }
        let visible = rect.height - 1
        guard visible > 0, !rows.isEmpty else { return 0 }
        var first = 0
        if let selection, selection >= visible { first = selection - visible + 1 }
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            let y = rect.y + 1 + offset
            let selected = first + offset == selection
            let style = selected
                ? Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: .reverseWithoutColor)
                : Style.plain
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            var x = rect.x
            for (index, width) in widths.enumerated() where width > 0 {
                let text = index < row.count ? row[index] : ""
                cellText(&canvas, text, x: x, y: y, width: width, alignment: columns[index].alignment, style: style,
                         ascii: !context.glyphs.isUnicode)
                x += width + 1
            }
        }
        return first
    }

    /// Column widths for `width` cells: fixed columns as given, the flexible one takes the rest, and columns
    /// that do not fit get 0.
    ///
    /// Given the `rows`, the flexible column takes only what its longest text needs and the spare width is shared
    /// evenly among the other columns, so a short name column does not leave the figures crowded at one edge.
    static func layout(_ columns: [TableColumn], width: Int, rows: [[String]]? = nil) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        var widths = columns.map { $0.width == 0 ? max(4, width - fixed) : $0.width }
        if let rows, let flex = columns.firstIndex(where: { $0.width == 0 }), columns.count > 1 {
            let longest = rows.reduce(CharacterWidth.of(columns[flex].title)) { longest, row in
                flex < row.count ? max(longest, CharacterWidth.of(row[flex])) : longest
            }
            let natural = max(4, longest + 1)
            if widths[flex] > natural {
                let spare = widths[flex] - natural
                let share = spare / (columns.count - 1)
                for index in widths.indices where index != flex { widths[index] += share }
                widths[flex] = natural + spare - share * (columns.count - 1)
            }
        }
        var used = 0
        for i in widths.indices {
            let need = widths[i] + (used == 0 ? 0 : 1)
            if used + need > width {
                widths[i] = 0
            } else {
                used += need
            }
        }
        return widths
    }

    private static func cellText(_ canvas: inout Canvas, _ text: String, x: Int, y: Int, width: Int,
                                 alignment: TableColumn.Alignment, style: Style, ascii: Bool = false) {
        let clip = Rect(x: x, y: y, width: width, height: 1)
        let w = CharacterWidth.of(text)
        if alignment == .right, w <= width {
            canvas.putRight(text, rightEdge: x + width, y: y, style: style, clip: clip)
        } else if w > width {
            // Too long: cut and mark the cut so the reader knows.
            canvas.put(TextFit.fit(text, width: width, ascii: ascii), x: x, y: y, style: style, clip: clip)
        } else {
            canvas.put(text, x: x, y: y, style: style, clip: clip)
        }
    }
}
