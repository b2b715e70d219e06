import PerfdashCore

/// Words, numbers and styles of the Autoscaler panel.
enum AutoscalerText {
    /// `UP`, `DOWN` or `NONE`: the recommendation in one word.
    static func word(_ action: ScaleAction) -> String {
        switch action {
        case .up: "UP"
        case .down: "DOWN"
        case .none: "NONE"
        }
    }

    /// The colour of an action: amber for up (more load than wanted), green for down, dim for none.
    static func paint(_ action: ScaleAction) -> Paint {
        switch action {
        case .up: .gradient(.cpu, level: 50)
        case .down: .gradient(.free, level: 50)
        case .none: .role(.inactiveFg)
        }
    }

    /// The badge of an action: reverse video in its colour for up and down, so it also stands out without colour;
    /// bold dim text for none.
    static func badgeStyle(_ action: ScaleAction) -> Style {
        action == .none
            ? Style.plain.fg(paint(action)).with(.bold)
            : Style.plain.fg(paint(action)).with([.bold, .reverse])
    }

    /// The action word in its colour, bold for up and down (table cells).
    static func wordStyle(_ action: ScaleAction) -> Style {
        action == .none ? Style.plain.fg(paint(action)) : Style.plain.fg(paint(action)).with(.bold)
    }

    /// `3 → 4`, `stays 4`, or `replicas unknown`.
    static func outcome(_ r: Recommendation, arrow: String) -> String {
        if r.rule == .unknownReplicas { return "replicas unknown" }
        return r.from == r.to ? "stays \(r.from)" : "\(r.from) \(arrow) \(r.to)"
    }

    /// `UP 3 → 4`, `NONE, stays 4`.
    static func change(_ r: Recommendation, arrow: String) -> String {
        word(r.action) + (r.action == .none ? ", " : " ") + outcome(r, arrow: arrow)
    }

    /// The reason without the outcome Core appends (`: 3 → 4`, `: stays 3`, `, stays 3`), which the panel shows
    /// on its own.
    static func cause(_ r: Recommendation) -> String {
        cause(r.reason, from: r.from, to: r.to)
    }

    /// `cause` for a decision's fields.
    static func cause(_ reason: String, from: Int, to: Int) -> String {
        for suffix in [": \(from) → \(to)", ": stays \(from)", ", stays \(from)"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }

    /// Seconds left, rounded up as Core's reasons do: 41.2 → `42 s`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return "\(Int(max(0, value).rounded(.up))) s"
    }

    /// A configured number as written: no decimals when whole (`80%`, `0.5 s`), like the summary.
    static func configured(_ value: Double, unit: String) -> String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : Humanize.fixed(value, 2)
        return PercentText.joined(number, unit: unit)
    }

    /// A measured value in the series' unit: byte units humanised, others with one decimal (`83.2%`).
    static func measured(_ value: Double, unit: String) -> String {
        switch unit {
        case "B/s": return Humanize.rate(value)
        case "B": return Humanize.bytes(value)
        default:
            let number = abs(value) >= 10_000 ? Humanize.count(value) : Humanize.fixed(value, 1)
            return PercentText.joined(number, unit: unit)
        }
    }

    /// A wall-clock time `HH:MM:SS` for milliseconds since the epoch, shifted by `offsetSeconds` (the time zone).
    static func clock(unixMilliseconds ms: Int64, offsetSeconds: Int) -> String {
        let seconds = Int(ms / 1000) + offsetSeconds
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(ofDay / 3600)):\(two(ofDay / 60 % 60)):\(two(ofDay % 60))"
    }

    /// How long ago, from the autoscaler's own clock: `now`, `42s ago`, `5m ago`, `1.5h ago`.
    static func ago(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0.5 else { return "now" }
        if seconds < 60 { return "\(Int(seconds.rounded()))s ago" }
        if seconds < 3600 { return "\(Int((seconds / 60).rounded(.down)))m ago" }
        return Humanize.fixed(seconds / 3600, 1) + "h ago"
    }

    /// The arrow between replica counts.
    static func arrow(_ context: RenderContext) -> String { context.glyphs.isUnicode ? "→" : "->" }

    /// `text` as the terminal can show it: unchanged in Unicode mode; in ASCII mode arrows become `->`, `…` `..`,
    /// `·` `|`, `◆` `*`, and the rest goes through `Glyphs.asciiFallback`. Core's reasons and summaries use these characters,
    /// and a bare character-by-character fallback would turn `1…10` into `1.10`.
    static func text(_ text: String, _ context: RenderContext) -> String {
        guard !context.glyphs.isUnicode, !text.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for c in text {
            switch c {
            case "→": out += "->"
            case "…": out += ".."
            case "·": out += "|"
            case "◆": out += "*"
            case "≤": out += "<="
            case "≥": out += ">="
            default: out.append(Glyphs.asciiFallback(c))
            }
        }
        return out
    }
}
