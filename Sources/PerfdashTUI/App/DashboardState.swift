public import PerfdashCore

/// What the user has chosen on screen: panel, pause, interval, window, theme, selections and the last message.
///
/// A value type with pure transitions, so the key handling is tested without a terminal.
public struct DashboardState: Sendable, Equatable {
    /// The refresh intervals `+` and `-` step through.
    public static let intervalSteps: [Duration] = [
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    /// The panel on screen.
    public var panel: PanelID = .overview
    /// Whether the display is frozen (sampling goes on).
    public var paused = false
    /// The sampling interval.
    public var interval: Duration
    /// The window of the statistics shown.
    public var window: StatsWindow
    /// The name of the theme in use.
    public var themeName: String
    /// The status line's message (saved file, theme error…).
    public var message = ""
    /// The selected row of each table panel.
    public var selection: [PanelID: Int] = [:]
    /// Whether the Services panel shows the selected service's details (Enter) rather than the table (Esc).
    public var serviceDetail = false

    /// Creates the state the dashboard starts in.
    public init(interval: Duration, window: StatsWindow, themeName: String) {
        self.interval = interval
        self.window = window
        self.themeName = themeName
    }

    /// What the app must do beyond the state change.
    public enum Effect: Equatable, Sendable {
        case quit
        case intervalChanged
        case windowChanged
        case nextTheme
        case saveSnapshot
    }

    /// Applies `action`; `rowCounts` bounds table selections, `tabAt` maps a click to a tab.
    public mutating func apply(_ action: Action, rowCounts: [PanelID: Int] = [:],
                               tabAt: (Int, Int) -> PanelID? = { _, _ in nil }) -> Effect? {
        switch action {
        case .quit: return .quit
        case .help: panel = .help
        case .panel(let n):
            guard let target = PanelID(rawValue: n) else {
                message = "no panel \(n)"
                return nil
            }
            panel = target
        case .nextPanel, .previousPanel:
            // The tab order, which need not follow the keys (`a` and `?` have no number).
            let all = PanelID.allCases
            let index = all.firstIndex(of: panel) ?? 0
            let step = action == .nextPanel ? 1 : all.count - 1
            panel = all[(index + step) % all.count]
        case .open:
            if panel == .services, (rowCounts[.services] ?? 0) > 0 { serviceDetail = true }
        case .back:
            if panel == .services { serviceDetail = false }
        case .selectionUp: moveSelection(-1, rowCounts)
        case .selectionDown: moveSelection(1, rowCounts)
        case .selectionPageUp: moveSelection(-10, rowCounts)
        case .selectionPageDown: moveSelection(10, rowCounts)
        case .togglePause:
            paused.toggle()
            message = paused ? "display paused; sampling continues (p or space resumes)" : "display resumed"
        case .slower, .faster:
            let next = Self.step(from: interval, up: action == .slower)
            guard next != interval else {
                message = "interval already at its \(action == .slower ? "longest" : "shortest")"
                return nil
            }
            interval = next
            message = "interval \(Humanize.duration(seconds: interval.seconds))"
            return .intervalChanged
        case .cycleWindow:
            window = window.next
            message = "stats window \(window.rawValue)"
            return .windowChanged
        case .nextTheme: return .nextTheme
        case .saveSnapshot: return .saveSnapshot
        case .click(let x, let y):
            if let target = tabAt(x, y) { panel = target }
        case .resize: break
        }
        return nil
    }

    /// The next step above or below `current` (a value between steps moves to the nearest one in that direction).
    static func step(from current: Duration, up: Bool) -> Duration {
        if up { return intervalSteps.first { $0 > current } ?? intervalSteps.last! }
        return intervalSteps.last { $0 < current } ?? intervalSteps.first!
    }

    private mutating func moveSelection(_ delta: Int, _ rowCounts: [PanelID: Int]) {
        let count = rowCounts[panel] ?? 0
        guard count > 0 else { return }
        let current = selection[panel] ?? 0
        selection[panel] = min(max(current + delta, 0), count - 1)
    }
}
