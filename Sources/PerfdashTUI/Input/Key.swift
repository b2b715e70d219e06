/// A key press or mouse click, decoded from curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    case function(Int)
    /// A left click at screen cell (x, y).
    case click(x: Int, y: Int)
    case resize
}

/// What the dashboard does in answer to a key.
public enum Action: Hashable, Sendable {
    case quit
    case help
    /// Show panel number n (1-based).
    case panel(Int)
    case nextPanel, previousPanel
    case selectionUp, selectionDown, selectionPageUp, selectionPageDown
    /// Enter: open the selected row (drill into a service).
    case open
    /// Esc / Backspace: back out of a drill-down.
    case back
    case togglePause
    /// `+`: a longer refresh interval.
    case slower
    /// `-`: a shorter refresh interval.
    case faster
    case cycleWindow
    case nextTheme
    case saveSnapshot
    case click(x: Int, y: Int)
    case resize
}

/// The key bindings, as DESIGN.md lists them.
public enum KeyMap {
    /// The action for `key`, or nil when the key means nothing.
    public static func action(for key: Key) -> Action? {
        switch key {
        case .character(let c):
            switch c {
            case "q", "Q": return .quit
            case "?", "h", "H": return .help
            case "1"..."9": return .panel(Int(String(c))!)
            case "a", "A": return .panel(PanelID.findings.rawValue)
            case "p", "P", " ": return .togglePause
            case "+", "=": return .slower
            case "-", "_": return .faster
            case "w", "W": return .cycleWindow
            case "t", "T": return .nextTheme
            case "s", "S": return .saveSnapshot
            case "\t": return .nextPanel
            case "k": return .selectionUp
            case "j": return .selectionDown
            default: return nil
            }
        case .function(1): return .help
        case .function: return nil
        case .tab, .right: return .nextPanel
        case .backTab, .left: return .previousPanel
        case .up: return .selectionUp
        case .down: return .selectionDown
        case .pageUp: return .selectionPageUp
        case .pageDown: return .selectionPageDown
        case .enter: return .open
        case .escape, .backspace: return .back
        case .home, .end: return nil
        case .click(let x, let y): return .click(x: x, y: y)
        case .resize: return .resize
        }
    }

    /// The rows of the help panel: keys and what they do.
    public static let help: [(keys: String, meaning: String)] = [
        ("q", "quit (Ctrl-C works too; Ctrl-Z suspends, fg resumes)"),
        ("? h F1", "this help"),
        ("1 … 9", "show panel n (numbers in the tab bar); click a tab"),
        ("9", "Alerts: active alerts and the log (fired, resolved, duration, peak)"),
        ("a", "Findings: what limits the system (the advisor), with evidence and what to try"),
        ("Tab → / Shift-Tab ←", "next / previous panel"),
        ("↑ ↓ j k PgUp PgDn", "move the selection in tables"),
        ("Enter / Esc Backspace", "Services: open the selected service's caches, queues, latencies / back"),
        ("p space", "pause the display (sampling continues)"),
        ("+ / -", "longer / shorter refresh interval (250ms … 10s)"),
        ("w", "cycle the stats window: 1m → 5m → 15m"),
        ("t", "next theme"),
        ("s", "write the current snapshot as JSON; the path shows in the status line"),
    ]
}
