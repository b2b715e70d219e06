import PerfdashCore
import Testing
@testable import PerfdashTUI

/// The Autoscaler panel on the Canvas, from statuses made by the real `Autoscaler` (see `AutoscalerFixture`).
/// Times: base 22:13:20 UTC, so t = 170 s is 22:16:10 and t = 1030 s is 22:30:30.
@Suite struct AutoscalerPanelTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    @Test(arguments: sizes)
    func upShowsBadgeChangeReasonAndDecisions(width: Int, height: Int) throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.up()], width: width, height: height)
        #expect(canvas.lines[1].contains("╭ Autoscaler api ") && canvas.lines[1].contains("threshold policy"))
        // The summary breaks between its parts: at 80 columns after "cooldown 60 s".
        #expect(canvas.lines[2].contains("threshold · cpu avg 1m · up > 80%, down < 30% · step 1 · cooldown 60 s"))
        if width == 80 { #expect(canvas.lines[3].hasPrefix("│   replicas 1…10 (tracked)")) }
        let badge = try #require(canvas.find("↑ UP"))
        #expect(canvas.cell(x: badge.x, y: badge.y)?.style.attributes.contains(.reverse) == true)
        #expect(canvas.cell(x: badge.x, y: badge.y)?.style.fg == .gradient(.cpu, level: 50))
        #expect(canvas.line(containing: "3 → 4 replicas").contains("rule threshold_up"))
        #expect(canvas.line(containing: "↑ UP").contains("cpu avg 1m 83.2% > 80%: 3 → 4"))
        #expect(canvas.line(containing: "cooldown  ").contains("none running (60 s after each change)"))
        // One sample in the window: avg = p95 = 83.2 %.
        #expect(canvas.line(containing: "│ cpu ").contains("avg 83.2%  ◆ p95 83.2%"))
        // Newest first: the up at t = 170 (22:16:10), then the none at t = 100 (22:15:00).
        let upRow = try #require(canvas.find("22:16:10"))
        let noneRow = try #require(canvas.find("22:15:00"))
        #expect(upRow.y + 1 == noneRow.y)
        let up = canvas.lines[upRow.y], none = canvas.lines[noneRow.y]
        #expect(up.contains("UP     3 → 4    cpu avg 1m 83.2% > 80%"))
        #expect(none.contains("NONE   3        cpu avg 1m 50.0% between 30% and 80%"))
        #expect(canvas.cell(x: up.distance(to: "UP     3"), y: upRow.y)?.style.attributes.contains(.bold) == true)
        if width >= DecisionList.agoMinimumWidth {
            #expect(up.contains("22:16:10     now UP")) // made at this tick
            #expect(none.contains("22:15:00  1m ago NONE")) // 170 − 100 = 70 s → 1 whole minute
        }
    }

    @Test(arguments: sizes)
    func cooldownCountsDownAndMarksTheThresholds(width: Int, height: Int) throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.cooldown()], width: width, height: height)
        let badge = try #require(canvas.find("NONE"))
        #expect(canvas.cell(x: badge.x, y: badge.y)?.style.attributes.contains(.reverse) == false)
        #expect(canvas.line(containing: "stays 4 replicas").contains("rule cooldown"))
        #expect(canvas.line(containing: "NONE").contains("none (cooldown, 42 s left): cpu avg 1m 89.0% > 80%"))
        // 1080 − 1038 = 42 s of 60: a 30-cell bar with 0.7 × 30 = 21 cells still to run.
        let row = try #require(canvas.lines.firstIndex { $0.contains("42 s left of 60 s") })
        let countdown = (x: canvas.lines[row].distance(to: "cooldown"), y: row)
        #expect(countdown.x == 14)  // beside the badge: inner edge 2 + 10 columns + 2 spaces
        let bar = countdown.x + 14
        #expect(canvas.cell(x: bar + 20, y: countdown.y)?.style.fg == .gradient(.download, level: 70))
        #expect(canvas.cell(x: bar + 21, y: countdown.y)?.style.fg == .role(.meterBg))
        #expect(canvas.text(x: bar + 31, y: countdown.y, count: 17) == "42 s left of 60 s")

        // Window 1000…1038 holds 50, 95, 100, 100, 100: avg 445 / 5 = 89 %, p95 (rank 3.8) = 100 %.
        let scale = try #require(canvas.find("cpu      "))
        let values = "avg 89.0%  ◆ p95 100.0%"
        #expect(canvas.lines[scale.y].contains(values))
        // Label 8 columns + 1 from the inner edge (x 2): the bar starts at x 11 and leaves room for the values
        // and 2 spaces; at 80 columns 78 − 11 − 25 − 2 = 40 cells, at most 60.
        let barX = 11, barWidth = min(60, width - 2 - barX - values.count - 2)
        let down = barX + Int(0.3 * Double(barWidth)), upX = barX + Int(0.8 * Double(barWidth))
        #expect(canvas.cell(x: down, y: scale.y)?.character == "│")
        #expect(canvas.cell(x: upX, y: scale.y)?.character == "│")
        #expect(canvas.cell(x: barX + barWidth - 1, y: scale.y)?.character == "◆") // p95 100 % at the end
        #expect(canvas.text(x: down, y: scale.y + 1, count: 9) == "↑down 30%")
        #expect(canvas.text(x: upX, y: scale.y + 1, count: 7) == "↑up 80%")
        #expect(canvas.text(x: barX, y: scale.y + 1, count: 1) == "0")

        #expect(canvas.line(containing: "22:30:30").contains("NONE   4        none (cooldown, 50 s left)"))
        #expect(canvas.line(containing: "22:30:20").contains("UP     3 → 4    cpu avg 1m 81.7% > 80%"))
    }

    @Test func overviewSummaryIsOneLinePerAutoscaler() {
        #expect(AutoscalerPanel.summary([]) == "none configured (panel 8 tells how)")
        #expect(AutoscalerPanel.summary([AutoscalerFixture.up()]) == "api: UP 3 → 4 (cpu avg 1m 83.2% > 80%)")
        #expect(AutoscalerPanel.summary([AutoscalerFixture.cooldown(name: "api"), AutoscalerFixture.target()])
            == "api: NONE, stays 4 (cooldown 42 s left); web: UP 3 → 5 (cpu avg 1m 50.0% vs target 30% → 5)")
        #expect(AutoscalerPanel.summary([AutoscalerFixture.noData()])
            == "api: NONE, stays 3 (no data for cpu.busy_percent in the last 1m)")
        var model = KnownHost.model()
        model.autoscalers = [AutoscalerFixture.cooldown()]
        let overview = KnownHost.render(.overview, width: 80, height: 24, model: model)
        #expect(overview.lines[22].contains("Autoscaler: api: NONE, stays 4 (cooldown 42 s left)"))
        // Panel 8 of the whole screen draws the model's statuses between the tab bar and the status line.
        let panel = KnownHost.render(.autoscaler, width: 80, height: 24, model: model)
        #expect(panel.lines[0].contains("8 Auto") && panel.lines[1].contains("Autoscaler api"))
        #expect(panel.line(containing: "42 s left of 60 s").isEmpty == false)
        #expect(panel.lines[23].contains("interval 1s"))
    }

    @Test(arguments: sizes)
    func targetPolicyMarksTheTargetAndTheProposal(width: Int, height: Int) throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.target()], width: width, height: height)
        #expect(canvas.lines[1].contains("Autoscaler web") && canvas.lines[1].contains("target policy"))
        // ceil(3 × 50 / 30) = ceil(5.0) = 5.
        #expect(canvas.line(containing: "3 → 5 replicas").contains("rule DesiredWithinRange"))
        #expect(canvas.line(containing: "│ cpu ").contains("avg 50.0%  ◆ p95 50.0%  → 5"))
        let marker = try #require(canvas.find("↑target 30%"))
        #expect(canvas.cell(x: marker.x, y: marker.y - 1)?.character == "│")
        #expect(canvas.line(containing: "stabilization").contains("none running (down window 300 s, up 0 s)"))
    }

    @Test func averageValueTargetsAreDrawnPerReplica() throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.queue()], width: 80, height: 24)
        #expect(canvas.line(containing: "3 → 4 replicas").isEmpty == false)
        let values = "avg 20.0  ◆ p95 20.0 per replica  → 4"  // 60 / 3 replicas
        let row = try #require(canvas.lines.firstIndex { $0.contains("│ queue ") })
        #expect(canvas.lines[row].contains(values))
        // Scale 0…50 (the round number above 1.25 × 20 = 25); 78 − 11 − 37 − 2 = 28 cells: the target 15 sits at
        // 15 / 50 × 28 = 8.4 → cell 8, the p95 20 at 11.2 → cell 11.
        let barWidth = 78 - 11 - values.count - 2
        #expect(barWidth == 28)
        #expect(canvas.cell(x: 11 + 8, y: row)?.character == "│")
        #expect(canvas.cell(x: 11 + 11, y: row)?.character == "◆")
        #expect(canvas.text(x: 11 + 8, y: row + 1, count: 10) == "↑target 15")
    }

    @Test func stabilizationCountsDown() throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.stabilized()], width: 120, height: 40)
        #expect(canvas.line(containing: "stays 3 replicas").contains("rule ScaleDownStabilized"))
        let row = try #require(canvas.lines.firstIndex { $0.contains("240 s left of 300 s") })
        let bar = canvas.lines[row].distance(to: "stabilization") + 14
        // 240 / 300 = 0.8 of a 30-cell bar: 24 cells.
        #expect(canvas.cell(x: bar + 23, y: row)?.style.fg == .gradient(.download, level: 80))
        #expect(canvas.cell(x: bar + 24, y: row)?.style.fg == .role(.meterBg))
        #expect(AutoscalerPanel.summary([AutoscalerFixture.stabilized()])
            == "web: NONE, stays 3 (stabilization 240 s left)")
    }

    @Test func missingInputsAreNamed() {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.noData()], width: 80, height: 24)
        #expect(canvas.line(containing: "NONE").contains("no data for cpu.busy_percent in the last 1m: stays 3"))
        #expect(canvas.line(containing: "│ cpu ").contains("no samples in the last 1m"))
        #expect(canvas.line(containing: "at this tick").contains("no data for cpu.busy_percent at this tick"))
    }

    @Test(arguments: sizes)
    func withoutAutoscalerItSaysWhatItWillShowAndHow(width: Int, height: Int) {
        let canvas = AutoscalerFixture.render([], width: width, height: height)
        #expect(canvas.lines[1].contains("Autoscaler") && canvas.lines[1].contains("recommends only, never scales"))
        #expect(canvas.lines[2].contains("No autoscaler configured yet."))
        #expect(canvas.line(containing: "[[autoscaler]] table").isEmpty == false)
        #expect(canvas.line(containing: "--autoscale-metric cpu.busy_percent --policy threshold --up 80").isEmpty
            == false)
        #expect(canvas.line(containing: "last 20 decisions").isEmpty == false)
        // The last paragraph still fits at 80×24.
        #expect(canvas.line(containing: "perfdash autoscale simulate").isEmpty == false)
    }

    @Test(arguments: sizes)
    func twoAutoscalersAreStacked(width: Int, height: Int) {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.up(), AutoscalerFixture.target()], width: width,
                                              height: height)
        // The body (rows 1 … height − 2) split in two: the second block starts at 1 + (height − 2) / 2.
        #expect(canvas.lines[1].contains("Autoscaler api"))
        #expect(canvas.lines[1 + (height - 2) / 2].contains("Autoscaler web"))
        #expect(canvas.line(containing: "22:16:10").contains("3 → 4"))
        // web's only decision, at t = 100, like api's first.
        #expect(canvas.lines.contains { $0.contains("22:15:00") && $0.contains("UP     3 → 5") })
    }

    @Test func tooManyForBlocksBecomesAList() {
        let statuses = [AutoscalerFixture.up(), AutoscalerFixture.target(), AutoscalerFixture.cooldown(name: "w")]
        // 22 rows / 3 = 7 < 9 rows per block.
        let list = AutoscalerFixture.render(statuses, width: 80, height: 24)
        #expect(list.lines[1].contains("Autoscalers") && list.lines[1].contains("3 configured"))
        #expect(list.lines[2].contains("api  UP    3 → 4    cpu avg 1m 83.2% > 80%"))
        #expect(list.lines[3].contains("web  UP    3 → 5    cpu avg 1m 50.0% vs target 30% → 5"))
        #expect(list.lines[4].contains("w    NONE  stays 4  cooldown 42 s left"))
        // 58 / 3 = 19 rows each at 200×60: blocks from rows 1, 1 + 58 / 3 = 20 and 1 + 116 / 3 = 39.
        let blocks = AutoscalerFixture.render(statuses, width: 200, height: 60)
        #expect(blocks.lines[1].contains("Autoscaler api") && blocks.lines[39].contains("Autoscaler w"))
    }

    @Test(arguments: sizes)
    func decisionsAreTrimmedToTheSpaceNewestFirst(width: Int, height: Int) throws {
        let canvas = AutoscalerFixture.render([AutoscalerFixture.flapping()], width: width, height: height)
        let title = canvas.line(containing: "Last 20 decisions, newest first")
        let rows = canvas.lines.filter { $0.contains("│ 22:") }
        if rows.count < 20 {
            #expect(title.contains("(\(rows.count) of 20 shown)"))
        } else {
            #expect(!title.contains("shown"))
        }
        #expect(rows.count >= 8)
        // 25 steps at t = 0…24 s: the newest is t = 24 s (22:13:44), an even step: 90 % → up.
        #expect(rows.first?.contains("22:13:44") == true && rows.first?.contains("UP") == true)
        #expect(rows.dropFirst().first?.contains("22:13:43") == true)
    }

    @Test(arguments: sizes)
    func asciiModeWritesOnlyAscii(width: Int, height: Int) {
        let ascii = RenderContext(glyphs: .ascii, color: false)
        let sets = [[AutoscalerFixture.cooldown()], [AutoscalerFixture.up(), AutoscalerFixture.target()],
                    [AutoscalerFixture.noData(), AutoscalerFixture.target(), AutoscalerFixture.up(name: "x")], []]
        for statuses in sets {
            let canvas = AutoscalerFixture.render(statuses, width: width, height: height, context: ascii)
            let text = canvas.plainText
            let nonASCII = text.filter { !$0.isASCII }
            #expect(nonASCII.isEmpty, "\(text)")
            #expect(!text.contains("?"))  // no character fell back to the unknown stand-in
        }
        let canvas = AutoscalerFixture.render([AutoscalerFixture.cooldown()], width: width, height: height,
                                              context: ascii)
        #expect(canvas.find("replicas 1..10 (tracked)") != nil && canvas.find("threshold | cpu avg 1m | up > 80%") != nil)
        #expect(canvas.line(containing: "22:30:20").contains("3 -> 4"))
        #expect(canvas.find("^down 30%") != nil && canvas.find("^up 80%") != nil)
        #expect(canvas.line(containing: "42 s left of 60 s").contains("#####..."))
    }

    @Test(arguments: ThemedRenderTests.themes, [ColorMode.truecolor, .indexed256, .basic8])
    func textStaysVisibleInEveryTheme(name: String, mode: ColorMode) throws {
        let resolver = StyleResolver(theme: try ThemedRenderTests.theme(name), mode: mode)
        let canvas = AutoscalerFixture.render([AutoscalerFixture.up(), AutoscalerFixture.cooldown(name: "w")],
                                              width: 120, height: 40)
        for cell in canvas.cells where cell.character != " " && !cell.isContinuation {
            let resolved = resolver.resolve(cell.style)
            #expect(resolved.fg == nil || resolved.fg != resolved.bg, "\(name) \(mode): '\(cell.character)' invisible")
        }
    }

    @Test(arguments: ThemedRenderTests.themes)
    func withoutColourTheRecommendationStandsOut(name: String) throws {
        let resolver = StyleResolver(theme: try ThemedRenderTests.theme(name), mode: .none)
        let plain = RenderContext(color: false)
        let up = AutoscalerFixture.render([AutoscalerFixture.up()], width: 80, height: 24, context: plain)
        let badge = try #require(up.find("↑ UP"))
        let upStyle = resolver.resolve(try #require(up.cell(x: badge.x + 2, y: badge.y)).style)
        #expect(upStyle.fg == nil && upStyle.attributes.isSuperset(of: [.reverse, .bold]))
        let held = AutoscalerFixture.render([AutoscalerFixture.cooldown()], width: 80, height: 24, context: plain)
        let none = try #require(held.find("NONE"))
        #expect(resolver.resolve(try #require(held.cell(x: none.x, y: none.y)).style).attributes.contains(.bold))
        // 21 of 30 cells still to run, the rest dotted so the bar reads without colour.
        let countdown = held.line(containing: "42 s left of 60 s")
        #expect(countdown.contains(String(repeating: "■", count: 21) + String(repeating: "·", count: 9) + " 42 s"))
    }

    @Test(arguments: [(0, 0), (1, 1), (5, 3), (20, 4), (40, 8), (79, 12)])
    func tinyRectanglesNeverCrash(width: Int, height: Int) {
        for statuses in [[AutoscalerFixture.cooldown()], [AutoscalerFixture.up(), AutoscalerFixture.target()], []] {
            var canvas = Canvas(width: width, height: height)
            AutoscalerPanel.draw(&canvas, canvas.bounds, statuses, context: RenderContext())
            #expect(canvas.width == width && canvas.height == height)
        }
    }
}

extension String {
    /// The column where `needle` starts (for ASCII and single-width text), or -1.
    func distance(to needle: String) -> Int {
        guard let range = range(of: needle) else { return -1 }
        return distance(from: startIndex, to: range.lowerBound)
    }
}
