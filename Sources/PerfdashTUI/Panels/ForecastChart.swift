import PerfdashCore

/// A predictive autoscaler's metric over time: the recent actual values as bars up to "now", then the forecast as a
/// line from the last value to the forecast at the horizon, inside its 95 % band (shaded), with the target as a
/// dashed row across the whole chart.
///
/// ```
/// cpu.busy  actual (last 60 samples) │ forecast +2m                      100 %
///                                    │              ░░░░•
/// target 60 % - - - - - - - - - - - -│- - - ░░░•••░░░- - - -
///          ▂▃▄▅▆▇██████████████████ │••░░░░
/// ```
struct ForecastChart {
    /// The actual values, oldest first (the last one is "now").
    let actual: [Double]
    /// The forecast at the horizon.
    let forecast: MetricForecast
    /// The target drawn as a dashed row (nil: none).
    let target: Double?
    let label: String
    let unit: String
    let context: RenderContext

    /// Draws into `rect` (at least 4 rows and 30 columns; smaller draws nothing and returns false).
    @discardableResult
    func draw(_ canvas: inout Canvas, _ rect: Rect) -> Bool {
        guard rect.height >= 4, rect.width >= 30, let now = actual.last else { return false }
        let plot = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let futureWidth = max(6, plot.width / 4)
        let pastWidth = plot.width - futureWidth - 1
        let past = Array(actual.suffix(pastWidth))
        let high = ([forecast.value, forecast.high ?? forecast.value, target ?? 0] + past).filter(\.isFinite).max() ?? 1
        let maximum = unit == "%" && high <= 100 ? 100 : MetricScales.niceCeiling(high * 1.1)
        let header = "\(label)  actual (last \(past.count) samples)"
        canvas.put(header, x: rect.x, y: rect.y, style: Style.plain.fg(.title), limit: pastWidth, clip: rect)
        let top = AutoscalerText.configured(maximum, unit: unit)
        canvas.putRight(top, rightEdge: rect.maxX, y: rect.y, style: Style.plain.fg(.graphText), clip: rect)
        let nowX = plot.x + pastWidth
        // "forecast +2m" where it fits beside the scale's top, else "+2m".
        let horizon = "+\(MetricUnit.duration(forecast.horizonSeconds))"
        let room = rect.maxX - nowX - 3 - top.count
        canvas.put(room >= horizon.count + 9 ? "forecast " + horizon : horizon, x: nowX + 2, y: rect.y,
                   style: Style.plain.fg(.hiFg).with(.bold), limit: max(0, room), clip: rect)
        if let target { dashes(&canvas, plot, row: row(target, maximum, plot)) }
        for (offset, value) in past.enumerated() {
            bar(&canvas, x: plot.x + pastWidth - past.count + offset, value: value, maximum: maximum, plot: plot)
        }
        for y in plot.y..<plot.maxY {
            canvas.set(context.glyphs.vertical, x: nowX, y: y, style: Style.plain.fg(.graphText))
        }
        // The forecast line from now to the horizon; the band widens from nothing now to its full width there.
        let shade: Character = context.glyphs.isUnicode ? "░" : ":"
        let dot: Character = context.glyphs.isUnicode ? "•" : "*"
        let style = Style.plain.fg(.hiFg).with(.bold)
        for step in 1...futureWidth {
            let t = Double(step) / Double(futureWidth)
            let x = nowX + step
            let value = now + (forecast.value - now) * t
            if let low = forecast.low, let highEnd = forecast.high {
                let lowHere = value - (forecast.value - low) * t, highHere = value + (highEnd - forecast.value) * t
                let from = row(highHere, maximum, plot), to = row(lowHere, maximum, plot)
                for y in min(from, to)...max(from, to) { canvas.set(shade, x: x, y: y, style: Style.plain.fg(.graphText)) }
            }
            canvas.set(dot, x: x, y: row(value, maximum, plot), style: style)
        }
        // Last, so neither bars nor the band hide it: the target's label at the left end of its row.
        if let target {
            canvas.put("target \(AutoscalerText.configured(target, unit: unit)) ", x: plot.x, y: row(target, maximum, plot),
                       style: Style.plain.fg(.title), limit: pastWidth, clip: plot)
        }
        return true
    }

    /// The row of `value` on the plot's scale (the top row is `maximum`, the bottom row 0).
    private func row(_ value: Double, _ maximum: Double, _ plot: Rect) -> Int {
        guard value.isFinite, maximum > 0 else { return plot.maxY - 1 }
        let fraction = min(1, max(0, value / maximum))
        return plot.maxY - 1 - Int((fraction * Double(plot.height - 1)).rounded())
    }

    /// One column of bars, eighth blocks in Unicode, `#` in ASCII.
    private func bar(_ canvas: inout Canvas, x: Int, value: Double, maximum: Double, plot: Rect) {
        guard value.isFinite, maximum > 0 else { return }
        let eighths = Int((min(1, max(0, value / maximum)) * Double(plot.height * 8)).rounded())
        let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for index in 0..<plot.height {
            let filled = min(8, max(0, eighths - index * 8))
            guard filled > 0 else { break }
            let glyph: Character = context.glyphs.isUnicode ? blocks[filled] : (filled >= 4 ? "#" : ".")
            canvas.set(glyph, x: x, y: plot.maxY - 1 - index, style: Style.plain.fg(.gradient(.cpu, level: 50)))
        }
    }

    private func dashes(_ canvas: inout Canvas, _ plot: Rect, row y: Int) {
        for x in stride(from: plot.x, to: plot.maxX, by: 2) {
            canvas.set("-", x: x, y: y, style: Style.plain.fg(.title))
        }
    }
}
