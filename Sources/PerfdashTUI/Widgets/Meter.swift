/// A horizontal percentage bar, coloured cell by cell along a theme gradient like btop's meters.
public enum Meter {
    /// Draws a bar of `width` cells at (`x`, `y`) filled to `fraction` (0…1).
    public static func draw(_ canvas: inout Canvas, x: Int, y: Int, width: Int, fraction: Double,
                            gradient: GradientRole, context: RenderContext) {
        guard width > 0 else { return }
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let filled = Int((f * Double(width)).rounded())
        // Without colour the empty part needs its own character to stay readable.
        let empty: Character = context.color ? context.glyphs.meterEmpty : (context.glyphs.isUnicode ? "·" : ".")
        for i in 0..<width {
            if i < filled {
                let level = UInt8(min(100, (i + 1) * 100 / width))
                canvas.set(context.glyphs.meterFull, x: x + i, y: y,
                           style: Style.plain.fg(.gradient(gradient, level: level)))
            } else {
                canvas.set(empty, x: x + i, y: y, style: Style.plain.fg(.meterBg))
            }
        }
    }

    /// A meter with a label on the left and the value on the right: `label [bar] value`.
    public static func drawLabelled(_ canvas: inout Canvas, x: Int, y: Int, width: Int, label: String,
                                    labelWidth: Int, fraction: Double, value: String, valueWidth: Int,
                                    gradient: GradientRole, context: RenderContext) {
        canvas.put(label, x: x, y: y, style: Style.plain.fg(.title), limit: labelWidth)
        let barWidth = width - labelWidth - valueWidth - 2
        if barWidth >= 3 {
            Meter.draw(&canvas, x: x + labelWidth + 1, y: y, width: barWidth, fraction: fraction,
                       gradient: gradient, context: context)
        }
        canvas.putRight(value, rightEdge: x + width, y: y, style: Style.plain.with(.boldWithoutColor),
                        clip: Rect(x: x + labelWidth, y: y, width: width - labelWidth, height: 1))
    }
}
