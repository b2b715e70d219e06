import PerfdashCore

/// An autoscaler input drawn against its thresholds or target: a bar filled to the window average, a `◆` at the
/// p95, a `│` at each threshold or the target, the values on the right, and (when there is room) a ruler below
/// naming the markers:
///
/// ```
/// cpu.busy   ■■■■■■■■■■■■■│■■■■■■■■■■■■■■■■■■■■■■■■│■■◆■■■······  avg 83.2 %  ◆ p95 91.0 %
///                          ↑down 30 %                ↑up 80 %                 100 %
/// ```
///
/// An `average_value` target (a total shared by the replicas) is drawn per replica: value / current count. A
/// predictive policy adds its forecast at the horizon (`▶`) inside its 95 % band (`[` … `]`) on the same scale.
struct MetricScales {
    let status: AutoscalerStatus
    let context: RenderContext

    /// A vertical line across the bar at a configured value.
    struct Marker: Equatable {
        var value: Double
        var label: String
    }

    /// What one reading looks like on its scale.
    struct Layout: Equatable {
        var markers: [Marker]
        var average: Double?
        var p95: Double?
        /// The scale's right end (its left end is 0).
        var maximum: Double
        var unit: String
        /// " per replica" for an `average_value` target, else "".
        var per: String
        /// Predictive policy: the forecast at the horizon and its band, on the same scale.
        var forecast: MetricForecast? = nil
    }

    /// Columns kept for the metric's label.
    static let maxLabelWidth = 16

    /// Draws `reading` in `rect`; returns the rows used (1, or 2 with the ruler).
    func draw(_ canvas: inout Canvas, _ reading: MetricReading, _ rect: Rect, ruler: Bool) -> Int {
        guard rect.height > 0 else { return 0 }
        let layout = layout(reading)
        let labelWidth = min(Self.maxLabelWidth, max(8, CharacterWidth.of(reading.label)))
        // A long series name keeps its end (the part that differs: `…queue.batch.depth`), marked as cut.
        canvas.put(TextFit.fitTail(reading.label, width: labelWidth), x: rect.x, y: rect.y, style: Style.plain.fg(.title),
                   limit: labelWidth, clip: rect)
        let values = AutoscalerText.text(valueText(reading, layout), context)
        let barX = rect.x + labelWidth + 1
        let barWidth = min(60, rect.maxX - barX - CharacterWidth.of(values) - 2)
        guard layout.average != nil, barWidth >= 10 else {
            canvas.put(values, x: barX, y: rect.y, style: Style.plain.with(.boldWithoutColor), clip: rect)
            return 1
        }
        bar(&canvas, layout, x: barX, y: rect.y, width: barWidth)
        canvas.put(values, x: barX + barWidth + 2, y: rect.y, style: Style.plain.with(.boldWithoutColor), clip: rect)
        guard ruler, rect.height >= 2 else { return 1 }
        rulerRow(&canvas, layout, x: barX, y: rect.y + 1, width: barWidth, clip: rect)
        return 2
    }

    /// The markers, values and scale of `reading` under the autoscaler's policy.
    func layout(_ reading: MetricReading) -> Layout {
        let unit = MetricUnit.unit(for: reading.series)
        var markers: [Marker] = []
        var per = ""
        var divisor = 1.0
        switch status.spec.policy {
        case .threshold(let p):
            markers = [Marker(value: p.scaleDownThreshold, label: "down " + AutoscalerText.configured(p.scaleDownThreshold, unit: unit)),
                       Marker(value: p.scaleUpThreshold, label: "up " + AutoscalerText.configured(p.scaleUpThreshold, unit: unit))]
        case .target, .predictive:
            if let t = status.spec.policy.targetPolicy, let metric = t.metrics.first(where: { $0.metric.series == reading.series }) {
                markers = [Marker(value: metric.target,
                                  label: "target " + AutoscalerText.configured(metric.target, unit: unit))]
                if metric.type == .averageValue {
                    per = " per replica"
                    divisor = Double(max(1, status.recommendation.from))
                }
            }
        }
        let average = reading.average.map { $0 / divisor }
        let p95 = reading.p95.map { $0 / divisor }
        let forecast = reading.forecast.map { f in
            MetricForecast(horizonSeconds: f.horizonSeconds, value: f.value / divisor, low: f.low.map { $0 / divisor },
                           high: f.high.map { $0 / divisor })
        }
        let largest = ([average, p95, forecast?.value, forecast?.high].compactMap(\.self) + markers.map(\.value))
            .filter(\.isFinite).max() ?? 0
        let maximum = unit == "%" && largest <= 100 ? 100 : Self.niceCeiling(largest * 1.25)
        return Layout(markers: markers, average: average, p95: p95, maximum: maximum, unit: unit, per: per,
                      forecast: forecast)
    }

    /// `avg 83.2 %  ◆ p95 91.0 %`, with the proposal of a target metric (`→ 5`), or why there is no bar.
    func valueText(_ reading: MetricReading, _ layout: Layout) -> String {
        guard let average = layout.average else {
            return "no samples in the last \(MetricUnit.duration(reading.windowSeconds))"
        }
        var text = "avg " + AutoscalerText.measured(average, unit: layout.unit)
        if let p95 = layout.p95 { text += "  ◆ p95 " + AutoscalerText.measured(p95, unit: layout.unit) }
        text += layout.per
        if let forecast = layout.forecast {
            text += "  ▶ +\(MetricUnit.duration(forecast.horizonSeconds)) "
                + AutoscalerText.measured(forecast.value, unit: layout.unit)
            if let low = forecast.low, let high = forecast.high {
                text += " [\(AutoscalerText.measured(max(0, low), unit: "")) – "
                    + "\(AutoscalerText.measured(high, unit: ""))]"
            }
        }
        if let proposal = reading.proposal { text += "  → \(proposal)" }
        return text
    }

    /// The cell of `value` on a bar of `width` cells.
    static func column(_ value: Double, maximum: Double, width: Int) -> Int {
        guard maximum > 0, value.isFinite else { return 0 }
        return min(width - 1, max(0, Int(saturating: (value / maximum * Double(width)).rounded(.down))))
    }

    private func bar(_ canvas: inout Canvas, _ layout: Layout, x: Int, y: Int, width: Int) {
        let fraction = (layout.average ?? 0) / layout.maximum
        Meter.draw(&canvas, x: x, y: y, width: width, fraction: fraction, gradient: .cpu, context: context)
        if let p95 = layout.p95 {
            canvas.set(context.glyphs.isUnicode ? "◆" : "*", x: x + Self.column(p95, maximum: layout.maximum, width: width),
                       y: y, style: Style.plain.fg(.hiFg).with(.bold))
        }
        if let forecast = layout.forecast {
            // The band as brackets around the forecast's ▶, drawn under the thresholds so those stay visible.
            let style = Style.plain.fg(.hiFg).with(.bold)
            if let low = forecast.low, let high = forecast.high {
                canvas.set("[", x: x + Self.column(max(0, low), maximum: layout.maximum, width: width), y: y,
                           style: style)
                canvas.set("]", x: x + Self.column(high, maximum: layout.maximum, width: width), y: y, style: style)
            }
            canvas.set(context.glyphs.isUnicode ? "▶" : ">",
                       x: x + Self.column(forecast.value, maximum: layout.maximum, width: width), y: y, style: style)
        }
        for marker in layout.markers {
            canvas.set(context.glyphs.vertical, x: x + Self.column(marker.value, maximum: layout.maximum, width: width),
                       y: y, style: Style.plain.fg(.title).with(.bold))
        }
    }

    /// The marker labels under their columns (pushed right when they would overlap), 0 and the scale's end.
    private func rulerRow(_ canvas: inout Canvas, _ layout: Layout, x: Int, y: Int, width: Int, clip: Rect) {
        let style = Style.plain.fg(.graphText)
        let up = context.glyphs.isUnicode ? "↑" : "^"
        var free = x
        let sorted = layout.markers.sorted { $0.value < $1.value }
        if let first = sorted.first, Self.column(first.value, maximum: layout.maximum, width: width) >= 2 {
            free = x + canvas.put("0", x: x, y: y, style: style, clip: clip) + 1
        }
        for marker in sorted {
            let column = x + Self.column(marker.value, maximum: layout.maximum, width: width)
            let start = max(column, free)
            free = start + canvas.put((start == column ? up : "") + marker.label, x: start, y: y, style: style,
                                      clip: clip) + 1
        }
        let end = layout.unit.hasPrefix("B") ? AutoscalerText.measured(layout.maximum, unit: layout.unit)
            : AutoscalerText.configured(layout.maximum, unit: layout.unit)
        if x + width - CharacterWidth.of(end) > free {
            canvas.putRight(end, rightEdge: x + width, y: y, style: style, clip: clip)
        }
    }

    /// The smallest 1, 2 or 5 × 10ⁿ not below `value` (1 for 0 or less).
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        var step = 1.0
        while step * 10 <= value { step *= 10 }
        while step > value { step /= 10 }
        for factor in [1.0, 2, 5, 10] where step * factor >= value { return step * factor }
        return step * 10
    }
}
