import PerfdashCore
import Testing
@testable import PerfdashTUI

@Suite struct PanelTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    @Test(arguments: sizes)
    func overviewShowsEveryResource(width: Int, height: Int) {
        let canvas = KnownHost.render(.overview, width: width, height: height)
        // 80 columns cannot hold every full tab name: the short ones (`1 Over`) keep every key visible.
        #expect(canvas.lines[0].contains(width >= 200 ? "1 Overview" : "1 Over"))
        #expect(canvas.lines[0].contains(width >= 200 ? "? Help" : " ? "))
        #expect(canvas.lines[0].contains(width >= 200 ? "9 Alerts" : "9 Alert")
                && canvas.lines[0].contains(width >= 200 ? "a Findings" : "a Find"))
        #expect(canvas.lines[1].contains("CPU") && canvas.lines[1].contains("Memory"))
        #expect(canvas.line(containing: "busy").contains("50.0%"))
        #expect(canvas.line(containing: "usr").contains("usr 35.0% sys 12.5% iow 2.5% st 0.0%"))
        #expect(canvas.line(containing: "load").contains("load 1.25 0.75 0.50"))
        #expect(canvas.line(containing: "1m avg").contains("1m avg 32.0%  p95 48.0%  p99 49.6%"))
        // 6 GiB of 16 GiB = 37.5 %; available 10 GiB.
        #expect(canvas.line(containing: "avail").contains("used 6.00 GiB avail 10.0 GiB"))
        // Disk total: 2 MiB/s read, 512 KiB/s write; network total 2 MiB/s in, 256 KiB/s out.
        #expect(canvas.line(containing: "read 2.00").contains("read 2.00 MiB/s write 512 KiB/s"))
        #expect(canvas.line(containing: "rx 2.00").contains("rx 2.00 MiB/s tx 256 KiB/s"))
        #expect(canvas.line(containing: "excl. ").contains("excl. lo veth* docker* br-* virbr*"))
        // From 120×40 the services have a box of their own in the band instead of the footer line.
        #expect(width >= 120 ? canvas.plainText.contains("│ none configured (panel 7 tells")
                             : canvas.lines[height - 3].contains("Services: none configured"))
        #expect(canvas.lines[height - 2].contains("Autoscaler: none configured"))
        // "live" only from 100 columns on; the theme when no message takes its place; the hints always.
        let status = canvas.lines[height - 1]
        #expect(status.contains(width >= 100 ? "interval 1s  window 1m  live  theme default"
                                             : "interval 1s  window 1m  theme default"))
        #expect(status.hasSuffix(width >= 100 ? "q quit  ? help " : "? help "))
    }

    @Test func overviewValuesSitInTheirCells() {
        let canvas = KnownHost.render(.overview, width: 80, height: 24)
        // CPU box: columns 0…39, rows 1…10; the busy meter's value ends at the inner edge, column 38 (exclusive).
        #expect(canvas.text(x: 2, y: 2, count: 4) == "busy")
        #expect(canvas.text(x: 33, y: 2, count: 5) == "50.0%")
        #expect(canvas.text(x: 0, y: 1, count: 6) == "╭ CPU ")
        // Memory box: columns 40…79; its meter value "37.5%" ends at column 78.
        #expect(canvas.text(x: 73, y: 2, count: 5) == "37.5%")
        // The meter fills 50 % of its 36 − 5 − 6 − 2 = 23 cells: 11.5 → 12 coloured cells from column 8.
        #expect(canvas.cell(x: 8, y: 2)?.style.fg == .gradient(.cpu, level: 4))
        #expect(canvas.cell(x: 19, y: 2)?.style.fg == .gradient(.cpu, level: 52))
        #expect(canvas.cell(x: 20, y: 2)?.style.fg == .role(.meterBg))
    }

    @Test(arguments: sizes)
    func cpuPanelShowsSharesLoadStatsAndCores(width: Int, height: Int) {
        let canvas = KnownHost.render(.cpu, width: width, height: height)
        #expect(canvas.lines[1].contains("CPU") && canvas.lines[1].contains("4 cores"))
        for (label, value) in [("user", "35.0%"), ("system", "12.5%"), ("iowait", "2.5%"), ("steal", "0.0%")] {
            #expect(canvas.lines.contains { $0.contains(label) && $0.contains("■") && $0.contains(value) })
        }
        #expect(canvas.line(containing: "load 1m 5m 15m").contains("1.25  0.75  0.50"))
        #expect(canvas.line(containing: "tasks").contains("3 running of 412"))
        // Window table: busy over 15, 20, 35, 40, 50 → avg 32, p95 48, p99 49.6, max 50.
        let busyRow = canvas.lines.first { $0.contains("│ busy") && !$0.contains("■") } ?? ""
        // The name column takes what "system" needs; the figures share the rest of the width.
        #expect(busyRow.range(of: #"32\.0% +48\.0% +49\.6% +50\.0%"#, options: .regularExpression) != nil, "\(busyRow)")
        #expect(canvas.line(containing: "cpu2").contains("80%"))
        #expect(canvas.line(containing: "cpu3").contains("60%"))
        #expect(canvas.line(containing: "│ steal ").contains("0.0%"))  // the whole table fits, even at 80×24
        #expect(canvas.line(containing: "│ system ").isEmpty == false)
    }

    @Test(arguments: sizes)
    func memoryPanelStatesTheDefinitionAndTheCgroupLimit(width: Int, height: Int) {
        let canvas = KnownHost.render(.memory, width: width, height: height)
        #expect(canvas.lines[1].contains("Memory") && canvas.lines[1].contains("total 16.0 GiB"))
        #expect(canvas.line(containing: "used ").contains("6.00 GiB 37.5%"))
        #expect(canvas.line(containing: "available").contains("10.0 GiB 62.5%"))  // 10 / 16
        #expect(canvas.line(containing: "cached").contains("5.00 GiB 31.3%"))     // 5 / 16 = 31.25 → 31.3
        #expect(canvas.line(containing: "buffers").contains("512 MiB 3.1%"))      // 0.5 / 16 = 3.125 → 3.1
        #expect(canvas.line(containing: "swap  ").contains("512 MiB 25.0%"))
        #expect(canvas.line(containing: "used = MemTotal − MemAvailable").isEmpty == false)
        #expect(canvas.line(containing: "available)").isEmpty == false) // wrapped, not cut, at 80
        #expect(canvas.line(containing: "cgroup limit").contains("cgroup limit 8.00 GiB · used 6.00 GiB (75.0%)"))
    }

    @Test(arguments: sizes)
    func diskPanelListsWholeDisksWithRatesAndUtil(width: Int, height: Int) {
        let canvas = KnownHost.render(.disk, width: width, height: height)
        #expect(canvas.lines[1].contains("Disks") && canvas.lines[1].contains("2 whole disks"))
        let header = canvas.line(containing: "Device")
        #expect(header.contains("Read/s") && header.contains("Util") && header.contains("p99"))
        let sda = canvas.line(containing: "sda ")
        #expect(sda.contains("1.50 MiB/s") && sda.contains("512 KiB/s") && sda.contains("120")
            && sda.contains("45.5") && sda.contains("12.5%"))
        // Right alignment: "Read/s" and the sda read rate end in the same column.
        #expect(header.range(of: "Read/s")?.upperBound.utf16Offset(in: header)
            == sda.range(of: "1.50 MiB/s")?.upperBound.utf16Offset(in: sda))
        #expect(canvas.line(containing: "nvme0n1").contains("512 KiB/s"))
        #expect(canvas.line(containing: "sda read 1m").contains("avg 1.50 MiB/s  p95 1.50 MiB/s  p99 1.50 MiB/s"))
    }

    @Test(arguments: sizes)
    func networkPanelSaysWhatTheTotalLeavesOut(width: Int, height: Int) {
        let canvas = KnownHost.render(.network, width: width, height: height)
        #expect(canvas.lines[1].contains("Network") && canvas.lines[1].contains("2 interfaces"))
        #expect(canvas.line(containing: "eth0 ").contains("2.00 MiB/s") && canvas.line(containing: "eth0 ").hasSuffix("yes │"))
        #expect(canvas.line(containing: "│ lo ").hasSuffix("no │"))
        #expect(canvas.line(containing: "total leaves out").contains("lo veth* docker* br-* virbr* (here: lo)"))
        #expect(canvas.line(containing: "1.50k").isEmpty == false)  // 1500 packets/s
    }

    @Test(arguments: sizes)
    func servicesAutoscalerAndHelpExplainThemselves(width: Int, height: Int) {
        let services = KnownHost.render(.services, width: width, height: height)
        #expect(services.lines[1].contains("Services"))
        #expect(services.line(containing: "No services configured yet.").isEmpty == false)
        #expect(services.line(containing: "cache hit rate").isEmpty == false)
        let autoscaler = KnownHost.render(.autoscaler, width: width, height: height)
        #expect(autoscaler.lines[1].contains("Autoscaler"))
        #expect(autoscaler.line(containing: "No autoscaler configured yet.").isEmpty == false)
        let help = KnownHost.render(.help, width: width, height: height)
        #expect(help.lines[1].contains("Help: keys and formulas"))
        #expect(help.line(containing: "pause the display").contains("p space"))
    }

    @Test func helpScrollsToTheFormulasOnASmallScreen() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.selection[.help] = 100
        let canvas = KnownHost.render(.help, width: 80, height: 24, state: state)
        #expect(canvas.line(containing: "avg / p95 / p99").isEmpty == false)
        #expect(canvas.line(containing: "Memory used = MemTotal").isEmpty == false)
    }

    @Test func autoscalerStatusIsSummarisedOnTheOverview() {
        var model = KnownHost.model()
        model.autoscalers = [AutoscalerFixture.up()]
        let overview = KnownHost.render(.overview, width: 80, height: 24, model: model)
        #expect(overview.line(containing: "Autoscaler:").contains("api: UP 3 → 4 (cpu avg 1m 83.2% > 80%)"))
    }

    @Test(arguments: [(79, 24), (40, 10), (1, 1), (0, 0), (5, 2)])
    func belowTheMinimumANoticeAndNoCrash(width: Int, height: Int) {
        let canvas = KnownHost.render(.cpu, width: width, height: height)
        #expect(canvas.width == width && canvas.height == height)
        if width >= 20, height >= 3 {
            #expect(canvas.line(containing: "terminal too small").isEmpty == false)
            #expect(canvas.line(containing: "need 80×24").contains("\(width)×\(height)"))
        }
    }

    @Test func beforeTheFirstSnapshotPanelsSayTheyAreWaiting() {
        let empty = DashboardModel(snapshot: nil, sequence: 0, window: .oneMinute)
        for panel in [PanelID.overview, .cpu, .memory, .disk, .network] {
            let canvas = KnownHost.render(panel, width: 80, height: 24, model: empty)
            #expect(canvas.line(containing: "waiting for the second reading").isEmpty == false, "\(panel)")
        }
    }

    @Test func asciiModeUsesOnlyAscii() {
        let context = RenderContext(glyphs: .ascii, graphStyle: .braille, color: false)
        for panel in PanelID.allCases {
            let canvas = KnownHost.render(panel, width: 120, height: 40, context: context)
            let nonASCII = canvas.cells.filter { !$0.character.isASCII }
            #expect(nonASCII.isEmpty, "\(panel): \(nonASCII.prefix(3).map(\.character))")
        }
    }

    @Test func clickingATabSelectsItsPanel() throws {
        let canvas = KnownHost.render(.overview, width: 120, height: 40)
        let hit = try #require(canvas.find("5 Network"))
        #expect(TabBar.panel(atX: hit.x + 3, y: 0, width: 120) == .network)
        #expect(TabBar.panel(atX: hit.x + 3, y: 1, width: 120) == nil)
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        _ = state.apply(.click(x: hit.x, y: 0)) { TabBar.panel(atX: $0, y: $1, width: 120) }
        #expect(state.panel == .network)
    }
}
