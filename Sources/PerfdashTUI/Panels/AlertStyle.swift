import PerfdashCore

/// How alerts look: amber for warning, red for critical (the ends of the CPU gradient, so every theme has them),
/// bold, and in reverse video for critical so they also stand out without colour.
enum AlertStyle {
    /// The paint of a level.
    static func paint(_ level: AlertLevel) -> Paint {
        switch level {
        case .ok: .role(.inactiveFg)
        case .warning: .gradient(.cpu, level: 50)
        case .critical: .gradient(.cpu, level: 100)
        }
    }

    /// A figure that an alert concerns: bold in the level's colour; critical also reversed without colour.
    static func figure(_ level: AlertLevel) -> Style {
        switch level {
        case .ok: Style.plain.with(.boldWithoutColor)
        case .warning: Style.plain.fg(paint(.warning)).with(.bold)
        case .critical: Style.plain.fg(paint(.critical)).with([.bold, .reverseWithoutColor])
        }
    }

    /// `CRIT`, `WARN`, or `pend` for an alert still pending.
    static func word(_ level: AlertLevel, pending: Bool = false) -> String {
        if pending { return "pend" }
        switch level {
        case .ok: return "ok"
        case .warning: return "WARN"
        case .critical: return "CRIT"
        }
    }

    /// The badge of an active alert: the word in reverse video in its colour.
    static func badge(_ level: AlertLevel, pending: Bool) -> Style {
        pending ? Style.plain.fg(.graphText) : Style.plain.fg(paint(level)).with([.bold, .reverse])
    }
}
