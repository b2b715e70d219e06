/// An in-memory grid of cells that panels draw into and the backend blits to the terminal.
///
/// Every write clips at the canvas edges (and at an optional column limit), so drawing code never needs to check
/// bounds and never traps, whatever the terminal size.
public struct Canvas: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    public private(set) var cells: [Cell]

    /// A blank canvas filled with `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(scalar: 0x20, style: style), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`); nil outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Writes `text` from (`x`, `y`) to the right, clipped at the canvas edge, at `limit` columns and at `clip`.
    /// Returns the number of columns written.
    ///
    /// Works on scalars rather than graphemes (grapheme breaking is the costliest part of drawing text): a combining
    /// scalar joins the cell before it, a control character shows as `?`.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             limit: Int = .max, clip: Rect? = nil) -> Int {
        var area = bounds
        if let clip { area = area.intersection(clip) }
        guard y >= area.y, y < area.maxY, limit > 0 else { return 0 }
        let stop = min(area.maxX, x > Int.max - limit ? Int.max : x + limit)
        var column = x
        var last = -1
        for scalar in text.unicodeScalars {
            var value = scalar.value
            var w = CharacterWidth.of(scalar)
            if w == 0 {
                if value >= 0x20, !(0x7F..<0xA0).contains(value) {
                    if last >= 0 { cells[last].attach(value) }
                    continue
                }
                value = 0x3F // "?" for a control character
                w = 1
            }
            if column + w > stop { break }
            if column >= area.x {
                set(scalar: value, width: w, x: column, y: y, style: style)
                last = y * width + column
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes `text` so that it ends at column `rightEdge` (exclusive): right alignment.
    @discardableResult
    public mutating func putRight(_ text: some StringProtocol, rightEdge: Int, y: Int, style: Style = .plain,
                                  clip: Rect? = nil) -> Int {
        put(text, x: rightEdge - CharacterWidth.of(text), y: y, style: style, clip: clip)
    }

    /// Sets one cell's grapheme and style, repairing any wide grapheme it cuts in half.
    public mutating func set(_ character: Character, width w: Int = 1, x: Int, y: Int, style: Style) {
        let cell = Cell(character, width: 1, style: style)
        set(scalar: cell.scalar, mark: cell.mark, width: w, x: x, y: y, style: style)
    }

    /// Sets one cell from scalar values: the fast path for widgets drawing box, block and braille characters.
    public mutating func set(scalar: UInt32, mark: UInt32 = 0, width w: Int = 1, x: Int, y: Int, style: Style) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        let w = (w == 2 && x + 1 < width) ? 2 : 1
        // A wide grapheme that no longer fits at the right edge becomes a blank.
        let base: UInt32 = (w == 1 && scalar >= 0x1100 && Unicode.Scalar(scalar).map(CharacterWidth.of) == 2)
            ? 0x20 : scalar
        let index = y * width + x
        breakWide(at: index, x: x)
        if w == 2 { breakWide(at: index + 1, x: x + 1) }
        cells[index] = Cell(scalar: base, mark: base == scalar ? mark : 0, width: UInt8(w), style: style)
        if w == 2 { cells[index + 1] = Cell(scalar: 0x20, width: 0, style: style) }
    }

    /// Changes the style of the cells in `rect` without touching their graphemes.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// Fills `rect` with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character, style: style)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                set(scalar: cell.scalar, mark: cell.mark, x: x, y: y, style: style)
            }
        }
    }

    /// Row `y` as the text a person reads (continuation cells skipped).
    public func text(row y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width where !cells[y * width + x].isContinuation {
            out.append(cells[y * width + x].character)
        }
        return out
    }

    /// Every row as text, top to bottom.
    public var lines: [String] { (0..<height).map { text(row: $0) } }

    /// The whole canvas as text, one line per row, trailing blanks trimmed.
    public var plainText: String {
        lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// The cell position of the first occurrence of `needle` (searching rows top to bottom), or nil.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let line = text(row: y)
            if let range = line.range(of: needle) {
                return (CharacterWidth.of(line[line.startIndex..<range.lowerBound]), y)
            }
        }
        return nil
    }

    /// The text of `count` columns starting at (`x`, `y`).
    public func text(x: Int, y: Int, count: Int) -> String {
        var out = ""
        var column = x
        while column < x + count, let cell = cell(x: column, y: y) {
            if !cell.isContinuation { out.append(cell.character) }
            column += 1
        }
        return out
    }

    /// Replaces every non-ASCII grapheme with an ASCII stand-in (wide ones become two), for terminals that
    /// cannot show anything else.
    public mutating func asciify() {
        for i in cells.indices where cells[i].scalar >= 0x80 || cells[i].mark != 0 {
            if cells[i].isContinuation {
                cells[i] = Cell("?", width: 1, style: cells[i].style)
            } else {
                cells[i] = Cell(Glyphs.asciiFallback(cells[i].character), width: 1, style: cells[i].style)
            }
        }
    }

    private mutating func breakWide(at index: Int, x: Int) {
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = Cell(scalar: 0x20, style: cells[index - 1].style)
        } else if old.width == 2, x + 1 < width {
            cells[index + 1] = Cell(scalar: 0x20, style: cells[index + 1].style)
        }
    }
}
