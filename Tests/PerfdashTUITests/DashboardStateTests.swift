import Foundation
import PerfdashCore
import Testing
@testable import PerfdashTUI

@Suite struct DashboardStateTests {
    func fresh() -> DashboardState { DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default") }

    @Test func plusAndMinusStepTheIntervalWithinItsBounds() {
        var state = fresh()
        var seen: [Duration] = []
        for _ in 0..<5 {
            _ = state.apply(.slower)
            seen.append(state.interval)
        }
        #expect(seen == [.seconds(2), .seconds(5), .seconds(10), .seconds(10), .seconds(10)])
        #expect(state.message == "interval already at its longest")
        state.interval = .seconds(1)
        #expect(state.apply(.faster) == .intervalChanged)
        #expect(state.interval == .milliseconds(500))
        _ = state.apply(.faster)
        #expect(state.apply(.faster) == nil)
        #expect(state.interval == .milliseconds(250))
        // A start-up interval between steps moves to the neighbouring step.
        state.interval = .milliseconds(1500)
        _ = state.apply(.slower)
        #expect(state.interval == .seconds(2))
    }

    @Test func windowCyclesAndPauseToggles() {
        var state = fresh()
        #expect(state.apply(.cycleWindow) == .windowChanged)
        #expect(state.window == .fiveMinutes)
        _ = state.apply(.cycleWindow)
        _ = state.apply(.cycleWindow)
        #expect(state.window == .oneMinute)
        _ = state.apply(.togglePause)
        #expect(state.paused && state.message.contains("sampling continues"))
        _ = state.apply(.togglePause)
        #expect(!state.paused)
    }

    @Test func panelsWrapAndSelectionsStayInTheirTable() {
        var state = fresh()
        _ = state.apply(.previousPanel)
        #expect(state.panel == .help)
        _ = state.apply(.nextPanel)
        #expect(state.panel == .overview)
        _ = state.apply(.panel(11))
        #expect(state.panel == .overview && state.message == "no panel 11")
        _ = state.apply(.panel(9))
        #expect(state.panel == .alerts)
        _ = state.apply(.nextPanel)
        #expect(state.panel == .findings)
        _ = state.apply(.previousPanel)
        _ = state.apply(.previousPanel)
        #expect(state.panel == .autoscaler)
        #expect(KeyMap.action(for: .character("a")) == .panel(PanelID.findings.rawValue))
        _ = state.apply(.panel(4))
        for _ in 0..<5 { _ = state.apply(.selectionDown, rowCounts: [.disk: 3]) }
        #expect(state.selection[.disk] == 2)
        _ = state.apply(.selectionPageUp, rowCounts: [.disk: 3])
        #expect(state.selection[.disk] == 0)
        #expect(state.apply(.quit) == .quit)
        #expect(state.apply(.saveSnapshot) == .saveSnapshot)
        #expect(state.apply(.nextTheme) == .nextTheme)
    }
}

@Suite struct SnapshotFileTests {
    @Test func savesPrettyJSONNamedAfterTheTimestamp() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-save-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let snapshot = try #require(KnownHost.model().snapshot)
        let path = try SnapshotFile.write(snapshot, directory: dir.path)
        // 1_700_000_000_000 ms = 2023-11-14T22:13:20.000Z.
        #expect(path == dir.appendingPathComponent("perfdash-20231114-221320.json").path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try SnapshotJSON.decode(text) == snapshot)
        #expect(text.contains("\n  \"schema_version\" : 1"))
    }

    @Test func theStatusLineShowsTheLatestMessageEvenAt80Columns() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.message = "saved /home/user/perfdash-20231114-221320.json"
        let canvas = KnownHost.render(.overview, width: 80, height: 24, state: state)
        // The whole file name, and the help hint beside it.
        #expect(canvas.lines[23].contains("window 1m  saved /home/user/perfdash-20231114-221320.json"))
        #expect(canvas.lines[23].hasSuffix("? help "))
    }
}
