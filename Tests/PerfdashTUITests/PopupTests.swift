import Foundation
@testable import PerfdashCore
@testable import PerfdashTUI
import Testing

/// The pop-up that shows a long text in full: opened with `v` (or Enter where Enter has nothing to drill into) on
/// the Autoscaler, Services, Alerts and Findings panels, drawn over the panel, wrapped to its width, scrolled, and
/// closed with Esc, Enter or q.
@Suite struct PopupTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    /// An error longer than any screen, with a 150-character word (a URL) that has to be broken to be read.
    static let longError = "HTTP 503 Service Unavailable from the upstream proxy after 3 retries; body: "
        + "upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport "
        + "failure reason: delayed connect error: 111 at https://metrics.internal.example.com/"
        + String(repeating: "x", count: 120) + "/metrics?from=now-15m end of the error"

    /// Every panel with something to show in full: a down service with `longError`, two autoscalers (one with
    /// 20 decisions), the alerts of `AlertsPanelTests`, and a CPU-bound finding.
    static func model() -> DashboardModel {
        var model = AlertsPanelTests.model()
        var worker = KnownServices.worker
        worker.lastError = longError
        model.services = [KnownServices.api, worker]
        model.autoscalers = [AutoscalerFixture.flapping(), AutoscalerFixture.cooldown(name: "web")]
        let signals = AdvisorSignals(series: [SeriesName.cpuBusy: [96, 98], SeriesName.tasksRunning: [9, 9]],
                                     cores: 4)
        model.findings = Advisor.findings(signals, settings: AdvisorSettings())
        model.processes = KnownProcesses.all
        return model
    }

    static func state(_ panel: PanelID, selected: Int = 0) -> DashboardState {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.panel = panel
        state.selection[panel] = selected
        return state
    }

    static func render(_ state: DashboardState, _ model: DashboardModel, width: Int, height: Int) -> Canvas {
        DashboardScreen.render(PanelInput(model: model, state: state, context: RenderContext()), width: width,
                               height: height)
    }

    /// The text without its spaces: what must survive wrapping whole.
    static func letters(_ texts: [String]) -> String { texts.joined().filter { !$0.isWhitespace } }

    @Test("v shows the selected item's full text over the panel, wrapped, with nothing lost",
          arguments: sizes, [PanelID.autoscaler, .services, .alerts, .findings])
    func fullText(size: (Int, Int), panel: PanelID) throws {
        let (width, height) = size
        let model = Self.model()
        var state = Self.state(panel, selected: panel == .services ? 1 : 0)
        #expect(state.press(.character("v"), model: model, width: width, height: height) == nil)
        let popup = try #require(state.popup)
        let box = PopupView.frame(popup, in: DashboardScreen.body(width: width, height: height))
        // Inside the body, two columns from each side, at most 100 wide.
        #expect(box.y >= 1 && box.maxY <= height - 1 && box.width == min(100, width - 4))
        let lines = PopupView.lines(popup, width: box.width - 4)
        #expect(Self.letters(lines) == Self.letters(popup.paragraphs))
        #expect(lines.allSatisfy { CharacterWidth.of($0) <= box.width - 4 })
        switch panel {
        case .services: #expect(popup.paragraphs.contains("Error (refused): " + Self.longError))
        case .autoscaler: #expect(popup.paragraphs.contains("Reason: " + model.autoscalers[0].recommendation.reason))
        case .alerts: #expect(popup.paragraphs.contains("Value: 97.0% > 95%"))
        default: #expect(popup.paragraphs.contains("• CPU busy avg 97.0% (≥ 90%)"))
        }

        // Page by page to the end: every line is on screen once, in order, in the box's rows, uncut.
        var seen: [String] = []
        var canvas = Self.render(state, model, width: width, height: height)
        #expect(canvas.text(row: box.y).contains(popup.title))
        #expect(canvas.lines[height - 1].contains("Esc close"))
        while true {
            let visible = box.height - 2
            let first = state.popup!.scroll
            for row in 0..<min(visible, lines.count - first) {
                let text = canvas.text(x: box.x + 2, y: box.y + 1 + row, count: box.width - 4)
                #expect(text.trimmingCharacters(in: .whitespaces) == lines[first + row].trimmingCharacters(in: .whitespaces))
                // Not cut: no line ends in the cut mark ("1…10" in a summary is a range, not a cut).
                #expect(!text.trimmingCharacters(in: .whitespaces).hasSuffix("…"))
                if seen.count == first + row { seen.append(lines[first + row]) }
            }
            _ = state.press(.pageDown, model: model, width: width, height: height)
            if state.popup!.scroll == first { break }
            canvas = Self.render(state, model, width: width, height: height)
        }
        #expect(seen == lines)
        #expect(lines.count <= box.height - 2 || canvas.text(row: box.y).contains("of \(lines.count)"))
    }

    @Test("on Processes, v shows the selected process's whole command line", arguments: sizes)
    func processCommandLine(width: Int, height: Int) throws {
        var model = Self.model()
        var long = KnownProcesses.all[0]
        long.command = "/usr/lib/jvm/bin/java " + (0..<40).map { "-Dproperty\($0)=value\($0)" }.joined(separator: " ")
        long.cpuPercent = 400
        model.processes = [long]
        var state = Self.state(.processes)
        _ = state.press(.character("v"), model: model, width: width, height: height)
        let popup = try #require(state.popup)
        #expect(popup.title == "Process \(long.pid) \(long.name)")
        #expect(popup.paragraphs[0] == "Command line: " + long.command)
        let box = PopupView.frame(popup, in: DashboardScreen.body(width: width, height: height))
        #expect(Self.letters(PopupView.lines(popup, width: box.width - 4)) == Self.letters(popup.paragraphs))
        let canvas = Self.render(state, model, width: width, height: height)
        #expect(canvas.plainText.contains("-Dproperty0=value0") && canvas.plainText.contains("CPU 400.0%"))
    }

    @Test("a text taller than the screen scrolls: ↓ ↑ Home End, bounded at both ends")
    func scrolling() throws {
        let model = Self.model()
        var state = Self.state(.autoscaler)
        _ = state.press(.character("v"), model: model, width: 80, height: 24)
        let popup = try #require(state.popup)
        let body = DashboardScreen.body(width: 80, height: 24)
        let last = PopupView.maximumScroll(popup, in: body)
        #expect(last > 0)   // 20 decisions do not fit 22 rows at 76 columns
        _ = state.press(.up, model: model, width: 80, height: 24)
        #expect(state.popup?.scroll == 0)
        _ = state.press(.down, model: model, width: 80, height: 24)
        #expect(state.popup?.scroll == 1)
        _ = state.press(.end, model: model, width: 80, height: 24)
        #expect(state.popup?.scroll == last)
        _ = state.press(.down, model: model, width: 80, height: 24)
        #expect(state.popup?.scroll == last)
        _ = state.press(.home, model: model, width: 80, height: 24)
        #expect(state.popup?.scroll == 0)
    }

    @Test("Esc, Enter and q close the pop-up; F10 still quits; other keys say once how to close it",
          arguments: [Key.escape, .enter, .character("q")])
    func closing(key: Key) {
        let model = Self.model()
        var state = Self.state(.findings)
        _ = state.press(.character("v"), model: model, width: 120, height: 40)
        #expect(state.popup != nil)
        #expect(state.press(.character("x"), model: model, width: 120, height: 40) == nil)
        #expect(state.message == "x: the pop-up is open: Esc, Enter or q closes it")
        #expect(state.press(.function(10), model: model, width: 120, height: 40) == .quit)
        #expect(state.press(key, model: model, width: 120, height: 40) == nil)
        #expect(state.popup == nil && state.panel == .findings)
        // q closes the pop-up, not the dashboard; the next q quits.
        #expect(state.press(.character("q"), model: model, width: 120, height: 40) == .quit)
    }

    @Test("Enter opens the pop-up where it has nothing to drill into; on Services it still opens the details")
    func enter() {
        let model = Self.model()
        for panel in [PanelID.autoscaler, .alerts, .findings] {
            var state = Self.state(panel)
            _ = state.press(.enter, model: model, width: 120, height: 40)
            #expect(state.popup != nil, "\(panel)")
        }
        var services = Self.state(.services)
        _ = services.press(.enter, model: model, width: 120, height: 40)
        #expect(services.serviceDetail && services.popup == nil)
        // From the details, v shows the same service's full text.
        _ = services.press(.character("v"), model: model, width: 120, height: 40)
        #expect(services.popup?.title == "Service api")
        var cpu = Self.state(.cpu)
        _ = cpu.press(.character("v"), model: model, width: 120, height: 40)
        #expect(cpu.popup == nil && cpu.message.hasPrefix("v: no full text here"))
    }

    @Test("↑↓ select the alert (active, then the log), the autoscaler and the finding that v shows")
    func selection() {
        let model = Self.model()
        var alerts = Self.state(.alerts)
        _ = alerts.press(.down, model: model, width: 120, height: 40)
        _ = alerts.press(.down, model: model, width: 120, height: 40)
        _ = alerts.press(.character("v"), model: model, width: 120, height: 40)
        // Active: cpu (critical), memory (pending); then the log, newest first: swap resolved, cpu firing.
        #expect(alerts.popup?.title == "Alert swap (log)")
        #expect(alerts.popup?.paragraphs.contains("Lasted: 10 s") == true)
        var autoscalers = Self.state(.autoscaler)
        _ = autoscalers.press(.down, model: model, width: 120, height: 40)
        _ = autoscalers.press(.down, model: model, width: 120, height: 40)
        _ = autoscalers.press(.character("v"), model: model, width: 120, height: 40)
        #expect(autoscalers.selection[.autoscaler] == 1 && autoscalers.popup?.title == "Autoscaler web")
        // The selected autoscaler's title is drawn in the selection's style.
        autoscalers.popup = nil
        let canvas = Self.render(autoscalers, model, width: 120, height: 40)
        let title = canvas.find("Autoscaler web")
        #expect(title.flatMap { canvas.cell(x: $0.x, y: $0.y) }?.style == AutoscalerPanel.selectedStyle)
    }

    @Test("a key that does nothing says so once, until another key is pressed")
    func deadKeyOnce() {
        let model = Self.model()
        var state = Self.state(.cpu)
        _ = state.press(.character("x"), model: model, width: 120, height: 40)
        #expect(state.message == "x: no action here")
        state.message = ""   // expired
        _ = state.press(.character("x"), model: model, width: 120, height: 40)
        #expect(state.message.isEmpty)
        _ = state.press(.function(7), model: model, width: 120, height: 40)
        #expect(state.message == "F7: no action here")
        _ = state.press(.character("x"), model: model, width: 120, height: 40)
        #expect(state.message == "x: no action here")
        state.message = ""
        _ = state.press(.character("w"), model: model, width: 120, height: 40)   // does something
        _ = state.press(.character("x"), model: model, width: 120, height: 40)
        #expect(state.message == "x: no action here")
        // Keys the map knows but that do nothing on this panel say so too.
        _ = state.press(.enter, model: model, width: 120, height: 40)
        #expect(state.message == "Enter: nothing to open here")
        _ = state.press(.down, model: model, width: 120, height: 40)
        #expect(state.message == "↓: nothing to select here")
    }

    @Test("the help closes with Esc, ?, q, h and F1", arguments: [Key.escape, .character("?"), .character("q"),
                                                                  .character("h"), .function(1)])
    func helpCloses(key: Key) {
        let model = Self.model()
        var state = Self.state(.alerts)
        _ = state.press(.character("?"), model: model, width: 80, height: 24)
        #expect(state.panel == .help)
        #expect(state.press(key, model: model, width: 80, height: 24) == nil)
        #expect(state.panel == .alerts)
    }
}
