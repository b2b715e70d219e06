import PerfdashCore

/// Everything a panel draws from.
public struct PanelInput: Sendable {
    /// The data.
    public var model: DashboardModel
    /// The user's choices.
    public var state: DashboardState
    /// Glyphs, graph style, colour.
    public var context: RenderContext

    /// Creates the input.
    public init(model: DashboardModel, state: DashboardState, context: RenderContext) {
        self.model = model
        self.state = state
        self.context = context
    }
}

/// Drawing helpers shared by the panels.
enum PanelKit {
    /// `avg 12.3%  p95 40.1%  p99 55.0%` for a summary, or `collecting…` before the first sample.
    static func stats(_ summary: Summary?, _ format: (Double) -> String) -> String {
        guard let s = summary else { return "collecting…" }
        return "avg \(format(s.avg))  p95 \(format(s.p95))  p99 \(format(s.p99))"
    }

    /// A framed graph with its title, an optional note on the frame and the scale's top in the corner.
    static func graphBox(_ canvas: inout Canvas, _ rect: Rect, title: String, note: String = "", series: Series,
                         scale: GraphScale, label: (Double) -> String, gradient: GradientRole, border: ThemeRole,
                         context: RenderContext) {
        let inner = Box.draw(&canvas, rect, title: title, note: note, border: border, glyphs: context.glyphs)
        guard inner.height > 0, inner.width > 0 else { return }
        Graph.draw(&canvas, inner, series: series, scale: scale, gradient: gradient, context: context)
        // "scale": the graph's top, not a value (the current value is in the title's note).
        let top = "scale " + label(scale.maximum(for: series.values))
        if inner.width > CharacterWidth.of(top) + 4 {
            canvas.putRight(top, rightEdge: inner.maxX, y: inner.y, style: Style.plain.fg(.graphText))
        }
    }

    /// A message centred in `rect`, one line per element.
    static func centred(_ canvas: inout Canvas, _ rect: Rect, _ lines: [String], style: Style = .plain) {
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.maxY {
            let w = CharacterWidth.of(line)
            canvas.put(line, x: rect.x + max(0, (rect.width - w) / 2), y: top + i, style: style, clip: rect)
        }
    }

    /// The "waiting for the first reading" notice every host panel shows before data arrives.
    static func waiting(_ canvas: inout Canvas, _ rect: Rect, _ model: DashboardModel) {
        let lines = model.error.map { ["sampling failed:", $0] }
            ?? ["waiting for the second reading…", "(rates need two samples one interval apart)"]
        centred(&canvas, rect, lines, style: Style.plain.fg(.graphText))
    }

    /// A label in the theme's title colour followed by a value: `label value`, the value cut with "…" where it
    /// reaches the edge of `clip`; returns the columns used.
    @discardableResult
    static func pair(_ canvas: inout Canvas, x: Int, y: Int, _ label: String, _ value: String, clip: Rect) -> Int {
        let used = canvas.put(label + " ", x: x, y: y, style: Style.plain.fg(.graphText), clip: clip)
        let room = clip.maxX - x - used
        guard room > 0 else { return used }
        return used + canvas.put(TextFit.fit(value, width: room), x: x + used, y: y,
                                 style: Style.plain.with(.boldWithoutColor), clip: clip)
    }

    /// `text` on one line of `rect`, cut with `…` (`..` in ASCII) when it does not fit.
    static func ellipsized(_ canvas: inout Canvas, _ text: String, _ rect: Rect, style: Style,
                           context: RenderContext) {
        guard rect.width > 0 else { return }
        if CharacterWidth.of(text) <= rect.width {
            canvas.put(text, x: rect.x, y: rect.y, style: style, clip: rect)
            return
        }
        let ellipsis = context.glyphs.isUnicode ? "…" : ".."
        canvas.put(text, x: rect.x, y: rect.y, style: style, limit: max(0, rect.width - ellipsis.count), clip: rect)
        canvas.put(ellipsis, x: rect.maxX - ellipsis.count, y: rect.y, style: style, clip: rect)
    }

    /// Percent formatting for stats lines.
    static func pct(_ v: Double) -> String { Humanize.percent(v) }
    /// Byte-rate formatting for stats lines.
    static func rate(_ v: Double) -> String { Humanize.rate(v) }
}

extension PanelKit {
    /// `text` broken at spaces into lines of at most `width` columns (a longer word is cut); lines after the first
    /// are indented by `indent` spaces. A number keeps its unit on its line (`6 s`, `42 %`, `3.1 MiB/s`).
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > indent + 1 else { return [text] }
        let lead = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var line = lead
        for word in unitWords(text.dropFirst(lead.count)) {
            let candidate = line.trimmed(" ").isEmpty ? line + word : line + " " + word
            if CharacterWidth.of(candidate) <= width || line.trimmed(" ").isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            }
        }
        lines.append(line)
        return lines
    }

    /// The words of `text`, a unit joined to the number before it: a word of at most five characters with no
    /// digit (`s`, `ms`, `min`, `%`, `KiB/s`) after one that starts with a digit or a sign and a digit.
    static func unitWords(_ text: Substring) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ") {
            if let previous = words.last, isNumber(previous), word.count <= 5,
               !word.contains(where: \.isNumber), word.first.map({ !"·•→-(".contains($0) }) ?? false {
                words[words.count - 1] += " " + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    private static func isNumber(_ word: String) -> Bool {
        let body = word.first == "-" || word.first == "+" ? word.dropFirst() : Substring(word)
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    /// Writes `paragraphs` wrapped to `rect` from its top; returns the next free row.
    @discardableResult
    static func paragraphs(_ canvas: inout Canvas, _ rect: Rect, _ paragraphs: [String], style: Style = .plain,
                           firstStyle: Style? = nil) -> Int {
        var y = rect.y
        for (index, paragraph) in paragraphs.enumerated() {
            let body = paragraph.trimmed(" ")
            let bullet = ["•", "→", "-", "->"].contains { body.hasPrefix($0 + " ") }
            let indent = paragraph.prefix { $0 == " " }.count + (bullet ? 2 : 0)
            for line in wrap(paragraph, width: rect.width, indent: indent) where y < rect.maxY {
                canvas.put(line, x: rect.x, y: y, style: index == 0 ? (firstStyle ?? style) : style, clip: rect)
                y += 1
            }
        }
        return y
    }
}

extension PanelKit {
    /// Below a device table: the selected row's two rate series with their window avg/p95/p99, then their graphs
    /// side by side (read/write for a disk, rx/tx for an interface).
    static func rateDetail(_ canvas: inout Canvas, _ area: Rect, top: Int, name: String,
                           series: [(label: String, name: String)], model: DashboardModel, _ ctx: RenderContext) {
        guard series.count == 2 else { return }
        var y = top
        for entry in series {
            pair(&canvas, x: area.x, y: y, "\(name) \(entry.label) \(model.window.rawValue)",
                 stats(model.summary(entry.name), rate), clip: area)
            y += 1
        }
        y += 1
        OverviewPanel.splitGraphs(&canvas, Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                  left: ("\(name) \(series[0].label)", model.series(series[0].name), .download),
                                  right: ("\(name) \(series[1].label)", model.series(series[1].name), .upload), ctx)
    }
}
