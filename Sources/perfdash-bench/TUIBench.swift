import PerfdashCore
import PerfdashTUI

/// Dashboard costs per tick at 200×50: building the view model from the sampler's history, rendering each panel
/// into a Canvas, and how many cells differ between two consecutive frames (what curses has to send).
func runTUIBench() throws {
    var sampler = Sampler(reader: try HostReader(root: "/"))
    var seconds = 0.0
    func tick() throws {
        seconds += 1
        _ = try sampler.tick(at: SampleTime(monotonic: .seconds(seconds), unixMilliseconds: Int64(seconds * 1000)))
    }
    for _ in 0..<300 { try tick() } // five minutes of history
    let clock = ContinuousClock()
    let rounds = 200
    var model = DashboardModel.make(snapshot: sampler.latest, history: sampler.history, sequence: 299,
                                    window: .oneMinute, graphLength: 400)
    let modelTime = clock.measure {
        for _ in 0..<rounds {
            model = DashboardModel.make(snapshot: sampler.latest, history: sampler.history, sequence: 299,
                                        window: .oneMinute, graphLength: 400)
        }
    }
    print("tui model build:   \(microseconds(modelTime / rounds)) µs per tick")
    let state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
    for panel in PanelID.allCases {
        var s = state
        s.panel = panel
        let input = PanelInput(model: model, state: s, context: RenderContext())
        let time = clock.measure {
            for _ in 0..<rounds { _ = DashboardScreen.render(input, width: 200, height: 50) }
        }
        print("tui render \(panel.name.padding(12)) \(microseconds(time / rounds)) µs per frame (200×50)")
    }
    let before = DashboardScreen.render(PanelInput(model: model, state: state, context: RenderContext()),
                                        width: 200, height: 50)
    try tick()
    let next = DashboardModel.make(snapshot: sampler.latest, history: sampler.history, sequence: 300,
                                   window: .oneMinute, graphLength: 400)
    let after = DashboardScreen.render(PanelInput(model: next, state: state, context: RenderContext()),
                                       width: 200, height: 50)
    let changed = zip(before.cells, after.cells).filter { $0 != $1 }.count
    print("tui cells changed between two Overview frames: \(changed) of \(after.cells.count)")
}

private func microseconds(_ d: Duration) -> String {
    let (s, atto) = d.components
    let us = Double(s) * 1e6 + Double(atto) / 1e12
    return String(Int(us.rounded()))
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
