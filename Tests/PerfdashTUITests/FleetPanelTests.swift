import PerfdashCore
@testable import PerfdashTUI
import Testing

/// The Fleet panel on the Canvas from a hand-built report: hosts and services worst first, a host that is down,
/// failed queries with their PromQL, the drill-down's graphs, the keys that move the focus, and the panel without a
/// server.
@Suite struct FleetPanelTests {
    static func report(failures: [FleetFailure] = [], detail: FleetDetail? = nil) -> FleetReport {
        var busy = FleetHostRow(instance: "web-1:9100", job: "node", source: .node)
        busy.cpuBusyPercent = 93.4
        busy.memoryUsedPercent = 41
        busy.load1 = 7.5
        busy.diskBytesPerSecond = 2_500_000
        busy.diskUtilPercent = 12
        busy.networkBytesPerSecond = 1_200_000
        busy.filesystemFullestPercent = 64.2
        busy.filesystemFullestMount = "/var"
        busy.pressureIOPercent = 3.5
        var calm = FleetHostRow(instance: "db-1:9464", job: "perfdash", source: .perfdash)
        calm.cpuBusyPercent = 4
        calm.memoryUsedPercent = 37.5
        let down = FleetHostRow(instance: "web-2:9100", job: "node", source: .node, up: false)
        var api = FleetServiceRow(name: "api", source: .node)
        api.instances = 3
        api.instancesUp = 2
        api.requestsPerSecond = 1520
        api.errorPercent = 2.5
        api.p95Seconds = 0.0123
        api.cacheHitPercent = 81
        api.queueDepth = 14
        return FleetReport(server: "http://prom:9090", source: .auto, windowSeconds: 60,
                           evaluatedAtUnixMs: 1_795_312_940_000, roundSeconds: 0.038, queriesPerRound: 29,
                           state: failures.isEmpty ? .up : .degraded, hosts: [down, busy, calm], services: [api],
                           failures: failures, detail: detail)
    }

    static func render(_ report: FleetReport?, width: Int = 80, height: Int = 24, detail: Bool = false,
                       selected: Int = 0) -> Canvas {
        var model = DashboardModel(snapshot: nil, sequence: 1, window: .oneMinute)
        model.fleet = report
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.fleetDetail = detail
        state.selection[.fleet] = selected
        return KnownHost.render(.fleet, width: width, height: height, model: model, state: state)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func rowsWorstFirst(width: Int, height: Int) {
        let canvas = Self.render(Self.report(), width: width, height: height)
        #expect(canvas.lines[1].contains("╭ Fleet "))
        #expect(canvas.lines[1].contains("3 hosts · 1 services"))
        #expect(canvas.line(containing: "http://prom:9090 · up · 29 queries in 38.0 ms · rate over 1m") != "")
        let header = canvas.line(containing: "Host ")
        for title in ["CPU%", "Mem%", "Load", "Disk/s", "Util%", "Net/s", "FS%", "PSI"] {
            #expect(header.contains(title), "\(title): \(header)")
        }
        let rows = canvas.lines.filter { $0.contains(":9100") || $0.contains(":9464") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("web-2:9100") && rows[0].contains("down"))
        for part in ["web-1:9100", "93.4", "7.50", "2.38 MiB", "1.14 MiB", "64.2", "i 3.5"] {
            #expect(rows[1].contains(part), "\(part): \(rows[1])")
        }
        #expect(rows[2].contains("db-1:9464") && rows[2].contains("37.5"))
        let service = canvas.line(containing: "│ api ")
        for part in ["2/3", "1.52k", "2.5", "12.3 ms", "81.0", "14"] {
            #expect(service.contains(part), "\(part): \(service)")
        }
        if width >= 110 { #expect(rows[1].contains("/var")) }
    }

    @Test func failedQueriesAreListedWithTheirPromQL() {
        let error = FleetQueryError(query: "sum by (instance) (node_load1)", kind: .timeout, reason: "timeout after 2 s")
        let canvas = Self.render(Self.report(failures: [FleetFailure(error, id: "node.load1")]))
        #expect(canvas.line(containing: "1 queries failing, columns kept") != "")
        #expect(canvas.line(containing: "✗ timeout after 2 s · query: sum by (instance) (node_load1)") != "")
        // The rows are still there.
        #expect(canvas.line(containing: "web-1:9100").contains("93.4"))
    }

    @Test func drillDownShowsHistoryGraphs() {
        let graphs = FleetField.hostGraphs.map { field in
            FleetGraph(field: field, values: (0..<121).map { $0 % 7 == 0 ? nil : Double($0 % 50) })
        }
        let detail = FleetDetail(focus: .host(instance: "web-1:9100", source: .node), startSeconds: 0,
                                 endSeconds: 900, stepSeconds: 7.5, graphs: graphs)
        let canvas = Self.render(Self.report(detail: detail), width: 120, height: 40, detail: true, selected: 1)
        #expect(canvas.lines[1].contains("Fleet › web-1:9100"))
        #expect(canvas.line(containing: "node_exporter · job node · fullest fs /var 64.2% · busiest disk 12.0% · PSI some % io 3.5") != "")
        for title in ["CPU busy % · last 15m", "memory used % · last 15m", "load 1m · last 15m",
                      "disk read+write · last 15m", "network rx+tx · last 15m"] {
            #expect(canvas.line(containing: title) != "", "\(title)")
        }
        // Another row than the fetched one: the history is being fetched, not shown for the wrong host.
        let other = Self.render(Self.report(detail: detail), width: 120, height: 40, detail: true, selected: 2)
        #expect(other.line(containing: "fetching history from http://prom:9090") != "")
    }

    @Test func withoutAServerThePanelSaysHow() {
        let canvas = Self.render(nil)
        #expect(canvas.lines[1].contains("no Prometheus server"))
        #expect(canvas.line(containing: "--prometheus URL") != "")
    }

    @Test func keysOpenTheFleetAndMoveTheFocus() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        #expect(KeyMap.action(for: .character("0")) == .panel(0))
        _ = state.apply(.panel(0))
        #expect(state.panel == .fleet)
        let counts: [PanelID: Int] = [.fleet: 4]
        #expect(state.apply(.open, rowCounts: counts) == .fleetFocusChanged)
        #expect(state.fleetDetail)
        #expect(state.apply(.selectionDown, rowCounts: counts) == .fleetFocusChanged)
        #expect(state.selection[.fleet] == 1)
        #expect(state.apply(.back, rowCounts: counts) == .fleetFocusChanged)
        #expect(!state.fleetDetail)
        #expect(state.apply(.selectionDown, rowCounts: counts) == nil)
        // Tab visits every panel once, the Fleet included.
        var seen: [PanelID] = []
        for _ in PanelID.allCases {
            _ = state.apply(.nextPanel)
            seen.append(state.panel)
        }
        #expect(Set(seen) == Set(PanelID.allCases))
        let model = { () -> DashboardModel in
            var model = DashboardModel(snapshot: nil, sequence: 1, window: .oneMinute)
            model.fleet = Self.report()
            return model
        }()
        state.selection[.fleet] = 3
        #expect(FleetPanel.focus(model, state: state) == .service(name: "api", source: .node))
        state.selection[.fleet] = 2
        #expect(FleetPanel.focus(model, state: state) == .host(instance: "db-1:9464", source: .perfdash))
        #expect(FleetPanel.index(of: .service(name: "api", source: .node), in: model) == 3)
        #expect(FleetPanel.index(of: .host(instance: "web-1:9100", source: .node), in: model) == 1)
        #expect(FleetPanel.index(of: .host(instance: "gone:9100", source: .node), in: model) == nil)
    }

    /// The drill-down follows its host when a round re-sorts the rows.
    @Test func theDrillDownFollowsItsRowAcrossResorts() {
        var model = DashboardModel(snapshot: nil, sequence: 1, window: .oneMinute)
        var report = Self.report()
        report.hosts.swapAt(1, 2)   // db-1 now second, web-1 third
        model.fleet = report
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.panel = .fleet
        state.fleetDetail = true
        state.selection[.fleet] = 1
        state.fleetFocus = .host(instance: "web-1:9100", source: .node)
        let canvas = KnownHost.render(.fleet, width: 120, height: 40, model: model, state: state)
        #expect(canvas.lines[1].contains("Fleet › web-1:9100"))
    }
}

/// The drill-down's resampling: each slot the highest point it covers, gaps stay gaps.
@Suite struct FleetResampleTests {
    @Test func squeezingKeepsSpikesAndGaps() {
        let values: [Double?] = [1, 9, nil, nil, 3, 2, 8, 4]
        #expect(FleetDetailView.resample(values, to: 4) == [9, nil, 3, 8])
        #expect(FleetDetailView.resample(values, to: 3) == [9, 3, 8])
        #expect(FleetDetailView.resample([1, nil], to: 4) == [1, 1, nil, nil])
        #expect(FleetDetailView.resample(values, to: 0).isEmpty)
        #expect(FleetDetailView.resample([], to: 5).isEmpty)
    }
}
