import PerfdashCore

/// An area graph that sweeps like an oscilloscope: the newest sample overwrites the oldest column, with a blank
/// cursor column ahead of it.
///
/// Braille packs 2 samples × 4 levels into a cell, block elements 1 sample × 8 levels, ASCII 1 sample × 2 levels.
public enum Graph {
    /// Samples per cell column and levels per cell row for a style.
    static func resolution(_ style: GraphStyle) -> (samples: Int, levels: Int) {
        switch style {
        case .braille: (2, 4)
        case .block: (1, 8)
        case .ascii: (1, 2)
        }
    }

    /// Draws `series` into `rect`, scaled to `scale`, coloured by row along `gradient`.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, series: Series, scale: GraphScale,
                            gradient: GradientRole, context: RenderContext) {
        guard rect.width > 0, rect.height > 0 else { return }
        let (k, levels) = resolution(context.graphStyle)
        let slots = rect.width * k
        let maximum = scale.maximum(for: series.values)
        let newest = series.lastIndex
        let gapColumn = newest >= 0 ? ((newest % slots) / k + 1) % rect.width : -1
        let totalLevels = rect.height * levels
        for column in 0..<rect.width {
            var heights = [Int](repeating: 0, count: k)
            if column != gapColumn, newest >= 0 {
                for sub in 0..<k {
                    let slot = column * k + sub
                    // The absolute index that last landed in this slot.
                    let index = newest - ((newest % slots) - slot + slots) % slots
                    // Slots older than a full sweep minus the gap show nothing.
                    if newest - index < slots - k, let value = series.value(at: index) {
                        heights[sub] = levelCount(value, maximum: maximum, total: totalLevels)
                    }
                }
            }
            for row in 0..<rect.height {
                let base = (rect.height - 1 - row) * levels
                let glyph = scalar(heights.map { min(max($0 - base, 0), levels) }, style: context.graphStyle)
                let level = UInt8(min(100, (rect.height - row) * 100 / rect.height))
                // Blank cells all share one style, so a column that stays empty is never resent.
                canvas.set(scalar: glyph, x: rect.x + column, y: rect.y + row,
                           style: glyph == 0x20 ? .plain : Style.plain.fg(.gradient(gradient, level: level)))
            }
        }
    }

    /// How many of `total` levels `value` fills; anything above zero shows at least one level.
    static func levelCount(_ value: Double, maximum: Double, total: Int) -> Int {
        guard value.isFinite, value > 0, maximum > 0 else { return 0 }
        let n = Int(saturating: (value / maximum * Double(total)).rounded())
        return min(max(n, 1), total)
    }

    private static let leftDots: [UInt32] = [0x40, 0x04, 0x02, 0x01]   // bottom to top
    private static let rightDots: [UInt32] = [0x80, 0x20, 0x10, 0x08]

    /// The scalar for one cell given how many levels each of its sample columns fills within it.
    static func scalar(_ fills: [Int], style: GraphStyle) -> UInt32 {
        switch style {
        case .braille:
            var bits: UInt32 = 0
            for i in 0..<min(fills[0], 4) { bits |= leftDots[i] }
            if fills.count > 1 { for i in 0..<min(fills[1], 4) { bits |= rightDots[i] } }
            return bits == 0 ? 0x20 : 0x2800 + bits
        case .block:
            let level = min(max(fills[0], 0), 8)
            return level == 0 ? 0x20 : 0x2580 + UInt32(level) // ▁ U+2581 … █ U+2588
        case .ascii:
            return [0x20, 0x2E, 0x3A][min(max(fills[0], 0), 2)] // " ", ".", ":"
        }
    }

    /// The character for one cell (see `scalar`).
    static func character(_ fills: [Int], style: GraphStyle) -> Character {
        Character(Unicode.Scalar(scalar(fills, style: style))!)
    }
}

/// A one-row graph for a table cell or a summary line.
public enum Sparkline {
    /// Draws `series` in one row of `width` cells; braille becomes block elements, which read better at one row.
    public static func draw(_ canvas: inout Canvas, x: Int, y: Int, width: Int, series: Series, scale: GraphScale,
                            gradient: GradientRole, context: RenderContext) {
        var ctx = context
        if ctx.graphStyle == .braille { ctx.graphStyle = .block }
        Graph.draw(&canvas, Rect(x: x, y: y, width: width, height: 1), series: series, scale: scale,
                   gradient: gradient, context: ctx)
    }
}
