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
    /// Whether the Fleet panel shows the selected host's or service's history (Enter) rather than the table (Esc).
    public var fleetDetail = false
    /// The host or service the Fleet drill-down shows (rows re-sort every round: it is followed by identity).
    public var fleetFocus: FleetFocus?
    /// The Processes panel's sort, filter, tree, follow and signal dialog.
    public var process = ProcessViewState()
    /// The panel the help returns to when closed.
    public var beforeHelp: PanelID = .overview
    /// The full text shown over the panel (`v`, or Enter where there is nothing to drill into); nil when closed.
    public var popup: Popup?
    /// The last key that did nothing and said so: pressing it again stays quiet until another key is pressed.
    public var deadKey: Key?

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
        /// The Fleet drill-down opened, closed or moved to another row: the collector's focus must follow.
        case fleetFocusChanged
        /// Send `signal` to `pid` (confirmed in the dialog), if it still started at `startUnixMs`.
        case sendSignal(pid: Int, signal: Int32, name: String, startUnixMs: Int64)
        /// Open the pop-up with the selected item's full text (the state cannot: the text is in the model).
        case showDetail
        /// The key did nothing here (`what` says why): the caller says so once.
        case nothing(String)
    }

    /// Applies `action`; `rowCounts` bounds table selections, `tabAt` maps a click to a tab.
    public mutating func apply(_ action: Action, rowCounts: [PanelID: Int] = [:], processRows: [ProcessReading] = [],
                               tabAt: (Int, Int) -> PanelID? = { _, _ in nil }) -> Effect? {
        switch action {
        case .sortNext, .sortPrevious, .sortBy, .invertSort, .startFilter, .toggleTree, .toggleFollow, .signalDialog:
            applyProcess(action, rows: processRows)
        case .quit:
            // In the help, q closes it (as in htop's help screen); F10 and Ctrl-C still quit.
            if panel == .help {
                panel = beforeHelp
                return nil
            }
            return .quit
        case .help:
            if panel == .help {
                panel = beforeHelp
            } else {
                beforeHelp = panel
                panel = .help
            }
        case .panel(let n):
            guard let target = PanelID.numbered(n) else {
                message = "no panel \(n)"
                return nil
            }
            panel = target
        case .nextPanel: panel = panel.advanced(by: 1)
        case .previousPanel: panel = panel.advanced(by: -1)
        case .open:
            if panel == .services, (rowCounts[.services] ?? 0) > 0, !serviceDetail {
                serviceDetail = true
                return nil
            }
            if panel == .fleet, (rowCounts[.fleet] ?? 0) > 0, !fleetDetail {
                fleetDetail = true
                return .fleetFocusChanged
            }
            // Where Enter has nothing to drill into, it shows the selected item's full text (as btop's Enter
            // shows the selected process's details).
            if DetailText.hasDetail(panel), panel != .services { return .showDetail }
            return .nothing("nothing to open here")
        case .showDetail:
            guard DetailText.hasDetail(panel) else {
                return .nothing("no full text here (Processes, Services, Autoscaler, Alerts, Findings)")
            }
            return .showDetail
        case .back:
            if panel == .help {
                panel = beforeHelp
                return nil
            }
            guard panel == .services && serviceDetail || panel == .processes && !process.filter.isEmpty
                || panel == .fleet && fleetDetail else { return .nothing("nothing to close here") }
            if panel == .services { serviceDetail = false }
            if panel == .processes, !process.filter.isEmpty {
                process.filter = ""
                message = "filter cleared"
            }
            if panel == .fleet, fleetDetail {
                fleetDetail = false
                return .fleetFocusChanged
            }
        case .selectionUp, .selectionDown, .selectionPageUp, .selectionPageDown:
            let delta = action == .selectionUp ? -1 : action == .selectionDown ? 1 : action == .selectionPageUp ? -10 : 10
            let before = selection[panel]
            guard (rowCounts[panel] ?? 0) > 0 else { return .nothing("nothing to select here") }
            moveSelection(delta, rowCounts)
            if panel == .fleet, fleetDetail, selection[panel] != before { return .fleetFocusChanged }
        case .togglePause:
            paused.toggle()
            message = paused ? "display paused; sampling continues (p or space resumes)" : "display resumed"
        case .slower, .faster:
            let next = Self.step(from: interval, up: action == .slower)
            guard next != interval else {
                message = "interval already at its \(action == .slower ? "longest" : "shortest")"
                return nil
            }
            // The status line's own interval and window fields show the new value: no message repeats them.
            interval = next
            message = ""
            return .intervalChanged
        case .cycleWindow:
            window = window.next
            message = ""
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
        if panel == .processes, process.followPid != nil {
            process.followPid = nil
            message = "follow off (the selection moved)"
        }
        let current = selection[panel] ?? 0
        selection[panel] = min(max(current + delta, 0), count - 1)
    }
}
