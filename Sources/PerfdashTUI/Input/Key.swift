public import PerfdashCore

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
    /// `v` (and Enter where there is nothing to drill into): the selected item's full text in a pop-up.
    case showDetail
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
    /// Processes: next / previous sort column (`>` `<` F6).
    case sortNext, sortPrevious
    /// Processes: sort by a column (`P` CPU, `M` memory, `N` pid); again on the same column reverses.
    case sortBy(ProcessSortKey)
    /// Processes: reverse the order (`I`).
    case invertSort
    /// Processes: type a filter (`/`, `\`, F3, F4).
    case startFilter
    /// Processes: tree view on/off (F5).
    case toggleTree
    /// Processes: keep the selection on the selected process (`F`).
    case toggleFollow
    /// Processes: choose a signal for the selected process (F9, `K`), confirmed with Enter.
    case signalDialog
}

/// The key bindings, as DESIGN.md lists them.
public enum KeyMap {
    /// The action for `key` on `panel`: the Processes panel's own keys (htop's) first, then the global ones.
    public static func action(for key: Key, panel: PanelID) -> Action? {
        if panel == .processes, let action = processAction(for: key) { return action }
        return action(for: key)
    }

    /// The Processes panel's keys.
    static func processAction(for key: Key) -> Action? {
        switch key {
        case .character("/"), .character("\\"), .function(3), .function(4): .startFilter
        case .character(">"), .character("."), .function(6): .sortNext
        case .character("<"), .character(","): .sortPrevious
        case .character("P"): .sortBy(.cpu)
        case .character("M"): .sortBy(.memory)
        case .character("N"): .sortBy(.pid)
        case .character("I"): .invertSort
        case .function(5): .toggleTree
        case .character("F"): .toggleFollow
        case .function(9), .character("K"): .signalDialog
        default: nil
        }
    }

    /// The action for `key`, or nil when the key means nothing.
    public static func action(for key: Key) -> Action? {
        switch key {
        case .character(let c):
            switch c {
            case "q", "Q": return .quit
            case "?", "h", "H": return .help
            case "0"..."9": return .panel(Int(String(c))!)
            case "a", "A": return .panel(PanelID.findings.rawValue)
            case "p", "P", " ": return .togglePause
            case "+", "=": return .slower
            case "-", "_": return .faster
            case "w", "W": return .cycleWindow
            case "t", "T": return .nextTheme
            case "s", "S": return .saveSnapshot
            case "v", "V": return .showDetail
            case "\t": return .nextPanel
            case "k": return .selectionUp
            case "j": return .selectionDown
            default: return nil
            }
        case .function(1): return .help
        case .function(10): return .quit
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
        ("q F10", "quit (Ctrl-C works too; Ctrl-Z suspends, fg resumes)"),
        ("? h F1", "this help (Esc, ?, q or h closes it)"),
        (PanelID.numberRange, "show panel n (numbers in the tab bar; 0 Fleet); click a tab"),
        ("9", "Alerts: active alerts and the log (fired, resolved, duration, peak)"),
        ("a", "Findings: what limits the system (the advisor), with evidence and what to try"),
        ("Tab → / Shift-Tab ←", "next / previous panel"),
        ("↑ ↓ j k PgUp PgDn", "move the selection in tables"),
        ("Enter", "Services: open the selected service's caches, queues, latencies"),
        ("Enter", "Fleet: the selected host's or service's history graphs"),
        ("Esc Backspace", "back out of a detail view, the help, or a Processes filter"),
        ("p space", "pause the display (sampling continues)"),
        ("+ / -", "longer / shorter refresh interval (250ms … 10s)"),
        ("w", "cycle the stats window: 1m → 5m → 15m"),
        ("t", "next theme"),
        ("s", "write the current snapshot as JSON; the path shows in the status line"),
        ("v  Enter", "the selected process's, service's, autoscaler's, alert's or finding's full text (command "
            + "line, reason, error, "
            + "evidence) in a pop-up; Enter does it on Autoscaler, Alerts, Findings; ↑↓ PgUp PgDn scroll, "
            + "Esc Enter q close"),
        ("Processes:", ""),
        ("< > F6  P M N", "sort by the previous / next column; by CPU, memory, pid (again: reverse)"),
        ("I", "reverse the sort order"),
        ("/ \\ F3 F4", "filter by pid, user or command line; Enter keeps it, Esc clears it"),
        ("F5", "tree view: children under their parent"),
        ("F", "follow the selected process while the list reorders"),
        ("K F9", "send a signal to the selected process: choose (SIGTERM first), Enter sends, Esc cancels"),
    ]
}
