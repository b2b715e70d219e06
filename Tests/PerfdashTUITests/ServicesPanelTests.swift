import PerfdashCore
@testable import PerfdashTUI
import Testing

/// The Services panel on the Canvas from hand-built reports (`KnownServices`): the table, colours by the 85 %
/// target, a service that is down, the drill-down and its keys, and the Overview line.
@Suite struct ServicesPanelTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    static func state(detail: Bool = false, selected: Int = 0) -> DashboardState {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.serviceDetail = detail
        state.selection[.services] = selected
        return state
    }

    static func render(_ state: DashboardState = state(), width: Int, height: Int,
                       model: DashboardModel = KnownServices.model()) -> Canvas {
        KnownHost.render(.services, width: width, height: height, model: model, state: state)
    }

    @Test(arguments: sizes)
    func tableRowPerService(width: Int, height: Int) {
        let canvas = Self.render(width: width, height: height)
        #expect(canvas.lines[1].contains("╭ Services "))
        #expect(canvas.lines[1].contains("3 configured"))
        let header = canvas.line(containing: "Service ")
        for title in ["Kind", "State", "Scrape", "Req/s", "Err %", "Worst hit", "Queued", "p95 lat"] {
            #expect(header.contains(title), "\(title): \(header)")
        }
        // The series count makes room for requests and errors below 100 columns.
        #expect(header.contains("Series") == (width >= 100))
        // api: worst cache is l2 at 125 / 200 = 62.5 %; queues 4 + 10 = 14; the request family's p95 0.0123 s.
        let api = canvas.line(containing: "│ api ")
        #expect(api.contains(" up "))
        #expect(api.contains("4.21 ms"))      // scrape 0.00421 s
        #expect(api.contains("1.23k") == (width >= 100))  // 1234 series
        #expect(api.contains("l2 62.5%"))
        #expect(api.contains(" 14 "))
        #expect(api.contains("12.3 ms"))      // http_request_duration_seconds, not db_query's 20.0 ms
        #expect(!api.contains("20.0 ms"))
        #expect(canvas.line(containing: "│ idle ").contains("l1 n/a"))
        let worker = canvas.line(containing: "│ worker ")
        #expect(worker.contains("redis"))
        #expect(worker.contains("DOWN"))
        #expect(worker.contains("connection refused · down 12 s"))  // 12.4 s, whole seconds
    }

    @Test func hitRatesAreColouredByTheTarget() throws {
        // A selected row has the selection's colours: select idle to see the others, then api to see idle.
        let canvas = Self.render(Self.state(selected: 1), width: 120, height: 40)
        let warn = try #require(canvas.find("62.5%"))
        #expect(canvas.cell(x: warn.x, y: warn.y)?.style.fg == ServiceFacts.warn)
        let other = Self.render(Self.state(selected: 0), width: 120, height: 40)
        let none = try #require(other.find("l1 n/a"))
        #expect(other.cell(x: none.x + 3, y: none.y)?.style.fg == .role(.graphText))
        let down = try #require(canvas.find("DOWN"))
        #expect(canvas.cell(x: down.x, y: down.y)?.style.fg == ServiceFacts.bad)
        let up = try #require(canvas.find(" up "))
        #expect(canvas.cell(x: up.x + 1, y: up.y)?.style.fg == ServiceFacts.good)
    }

    @Test(arguments: sizes)
    func drillDownShowsCachesQueuesAndLatencies(width: Int, height: Int) {
        let canvas = Self.render(Self.state(detail: true), width: width, height: height)
        #expect(canvas.lines[1].contains("Services › api"))
        #expect(canvas.lines[1].contains("1/3"))
        #expect(canvas.line(containing: "http://127.0.0.1:9100/metrics").contains("up"))
        #expect(canvas.line(containing: "scrape 4.21 ms").contains("60 scrapes over 59s (1m window)"))
        // Caches: hit rate, hits, misses, evictions (— when not exposed).
        let l1 = canvas.line(containing: "│ l1 ")
        #expect(l1.contains(" 92.5%     370      30      12 "), "\(l1)")
        #expect(canvas.line(containing: "│ l2 ").contains("62.5%"))
        #expect(canvas.line(containing: "│ l3 ").contains("n/a"))
        // Queues: now / avg / p95 / max; 7.25 shows with one decimal, rounded half away from zero.
        #expect(canvas.line(containing: "│ batch ").contains("     10     7.3      20      25 "))
        #expect(canvas.line(containing: "│ high ").contains("      4     2.5       6       8 "))
        // Latencies in µs, ms and s.
        let request = canvas.line(containing: "http_request_duration_seconds")
        #expect(request.contains("850 µs") && request.contains("12.3 ms") && request.contains("1.25 s"), "\(request)")
        #expect(canvas.line(containing: "db_query_duration_seconds").contains("3.00 ms  20.0 ms  45.0 ms"))
    }

    @Test func drillDownMeterIsColouredByTheTarget() throws {
        let canvas = Self.render(Self.state(detail: true), width: 120, height: 40)
        let l1 = try #require(canvas.find("│ l1 "))
        let l2 = try #require(canvas.find("│ l2 "))
        // The meter starts in the second column, after "Cache" (8 cells) and a space: x = 2 + 9.
        #expect(canvas.cell(x: l1.x + 11, y: l1.y)?.style.fg == ServiceFacts.good)
        #expect(canvas.cell(x: l2.x + 11, y: l2.y)?.style.fg == ServiceFacts.warn)
    }

    @Test(arguments: sizes)
    func drillDownOfADownService(width: Int, height: Int) {
        let canvas = Self.render(Self.state(detail: true, selected: 2), width: width, height: height)
        #expect(canvas.lines[1].contains("Services › worker"))
        #expect(canvas.line(containing: "127.0.0.1:6390").contains("DOWN"))
        #expect(canvas.line(containing: "connection refused").contains("down 12 s"))
    }

    @Test func aRedisDetailSaysWhatRedisLacks() {
        // keyspace 45 hits / 5 misses = 90 %.
        let redis = ServiceReport(
            name: "cache", kind: "redis", address: "127.0.0.1:6379", state: .up, lastError: nil, errorKind: nil,
            downForSeconds: nil, scrapeDurationSeconds: 0.0015, seriesCount: 4,
            metrics: ServiceWindowReport(ServiceMetrics(
                seriesCount: 4, scrapes: 3, span: 2,
                caches: [CacheMetrics(name: "keyspace", hits: 45, misses: 5, hitRate: 0.9, evictions: 0,
                                      expirations: 1)],
                queues: [], latencies: []), window: .oneMinute))
        let canvas = Self.render(Self.state(detail: true), width: 80, height: 24, model: KnownServices.model([redis]))
        #expect(canvas.line(containing: "│ keyspace ").contains("90.0%"))
        #expect(canvas.line(containing: "Queue").contains("no queue keys configured"))
        #expect(canvas.line(containing: "Latency").contains("Redis exposes no latency distributions"))
    }

    @Test func enterOpensEscAndBackspaceCloseArrowsChangeService() {
        #expect(KeyMap.action(for: .enter) == .open)
        #expect(KeyMap.action(for: .escape) == .back)
        #expect(KeyMap.action(for: .backspace) == .back)
        var state = Self.state()
        state.panel = .services
        let counts = DashboardScreen.rowCounts(KnownServices.model(), width: 120)
        #expect(counts[.services] == 3)
        _ = state.apply(.selectionDown, rowCounts: counts)
        _ = state.apply(.open, rowCounts: counts)
        #expect(state.serviceDetail && state.selection[.services] == 1)
        var canvas = KnownHost.render(.services, width: 80, height: 24, model: KnownServices.model(), state: state)
        #expect(canvas.lines[1].contains("Services › idle"))
        _ = state.apply(.selectionDown, rowCounts: counts)
        canvas = KnownHost.render(.services, width: 80, height: 24, model: KnownServices.model(), state: state)
        #expect(canvas.lines[1].contains("Services › worker"))
        _ = state.apply(.back, rowCounts: counts)
        #expect(!state.serviceDetail)
        canvas = KnownHost.render(.services, width: 80, height: 24, model: KnownServices.model(), state: state)
        #expect(canvas.line(containing: "Worst hit").isEmpty == false)
        // Enter does nothing on another panel, or without services.
        state.panel = .disk
        _ = state.apply(.open, rowCounts: counts)
        #expect(!state.serviceDetail)
        state.panel = .services
        _ = state.apply(.open, rowCounts: [:])
        #expect(!state.serviceDetail)
    }

    @Test func overviewSummarisesTheServices() {
        let canvas = KnownHost.render(.overview, width: 100, height: 30, model: KnownServices.model())
        #expect(canvas.line(containing: "Services:").contains("3 services, 1 down · api l1 92.5% · queues 14"))
        // From 120×40 the band's services box lists them one per row, with their first figure.
        let wide = KnownHost.render(.overview, width: 120, height: 40, model: KnownServices.model())
        #expect(wide.line(containing: "│ api ").contains("api up"), "\(wide.plainText)")
        #expect(ServicesPanel.summary([]) == "none configured (panel 7 tells how)")
        #expect(ServicesPanel.summary([KnownServices.idle]) == "1 service, all up · idle l1 n/a")
    }

    @Test func theNoteSaysTheDemoIsSynthetic() {
        var model = KnownServices.model([KnownServices.idle])
        model.servicesNote = "demo: a synthetic workload started by --demo (not a real service)"
        let canvas = Self.render(width: 80, height: 24, model: model)
        #expect(canvas.line(containing: "synthetic workload").isEmpty == false)
    }

    @Test(arguments: [(0.000_000_5, "0.50 µs"), (0.000_850, "850 µs"), (0.0123, "12.3 ms"), (0.9996, "1.00 s"), (0.009_996, "10.0 ms"),
                      (1.25, "1.25 s"), (0, "0 s")])
    func latencyIsHumanised(seconds: Double, text: String) {
        #expect(Humanize.latency(seconds: seconds) == text)
    }

    @Test func elapsedIsCoarse() {
        #expect(Humanize.elapsed(seconds: 12.9) == "12 s")
        #expect(Humanize.elapsed(seconds: 245) == "4 min 5 s")   // 4·60 + 5
        #expect(Humanize.elapsed(seconds: 7500) == "2 h 5 min")  // 2·3600 + 5·60
    }
}
