import PerfdashCore
@testable import PerfdashTUI
import Testing

/// RED, routes, pools and limiters in the Services panel, from a hand-built report.
@Suite struct ServiceREDPanelTests {
    /// `shop`: 65 requests in 10 s (6.5/s), 15 errors (23.1 %); /api/items 4/s 25 %, /api/search 2.5/s 20 %;
    /// pool db 8 of 10 (80 %), 4 waiting; limiter api 1.2/s.
    static let shop: ServiceReport = {
        let items = LatencyMetrics(name: "/api/items", source: .histogram, observations: 40, mean: 0.07, p50: 0.0417,
                                   p95: 0.22, p99: 0.244)
        let search = LatencyMetrics(name: "/api/search", source: .histogram, observations: 25, mean: 0.18, p50: 0.08,
                                    p95: 0.9, p99: 0.98)
        let service = LatencyMetrics(name: "service", source: .histogram, observations: 65, mean: 0.11, p50: 0.05,
                                     p95: 0.675, p99: 0.935)
        let red = REDMetrics(
            service: RouteMetrics(name: "service", requests: 65, errors: 15, requestsPerSecond: 6.5,
                                  errorPercent: 1500.0 / 65, latency: service),
            routes: [RouteMetrics(name: "/api/items", requests: 40, errors: 10, requestsPerSecond: 4, errorPercent: 25,
                                  latency: items),
                     RouteMetrics(name: "/api/search", requests: 25, errors: 5, requestsPerSecond: 2.5,
                                  errorPercent: 20, latency: search)],
            pools: [PoolMetrics(name: "db", inUse: 8, idle: 2, max: 10, pending: 4, utilizationPercent: 80,
                                averageUtilizationPercent: 55, maxPending: 4,
                                acquire: LatencyMetrics(name: "db", source: .histogram, observations: 2, mean: 0.05,
                                                        p50: 0.055, p95: 0.0955, p99: 0.0991))],
            limiters: [LimiterMetrics(name: "api", rejections: 12, rejectionsPerSecond: 1.2)],
            presets: ["prometheus_client"])
        return ServiceReport(
            name: "shop", kind: "prometheus", address: "http://127.0.0.1:8000/metrics", state: .up, lastError: nil,
            errorKind: nil, downForSeconds: nil, scrapeDurationSeconds: 0.003, seriesCount: 120,
            metrics: ServiceWindowReport(ServiceMetrics(seriesCount: 120, scrapes: 2, span: 10, caches: [], queues: [],
                                                        latencies: [], red: red), window: .oneMinute))
    }()

    static func render(detail: Bool, width: Int, height: Int) -> Canvas {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.serviceDetail = detail
        state.selection[.services] = 0
        return KnownHost.render(.services, width: width, height: height,
                                model: KnownServices.model([shop, KnownServices.api]), state: state)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func tableShowsRequestsErrorsAndREDLatency(width: Int, height: Int) throws {
        let canvas = Self.render(detail: false, width: width, height: height)
        let row = canvas.line(containing: "│ shop ")
        #expect(row.contains("6.50/s"), "\(row)")
        #expect(row.contains("23.1%"))
        #expect(row.contains("675 ms"))  // the service's RED p95, not a family's
        let errors = try #require(canvas.find("23.1%"))
        #expect(canvas.cell(x: errors.x, y: errors.y)?.style.fg != ServiceFacts.bad)  // selected row: its own colours
        let api = canvas.line(containing: "│ api ")
        #expect(!api.contains("/s"))  // no RED series: blank, not 0
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func detailShowsREDRoutesPoolsAndLimiters(width: Int, height: Int) {
        let canvas = Self.render(detail: true, width: width, height: height)
        let text = canvas.lines.joined(separator: "\n")
        #expect(canvas.line(containing: "RED ").contains("requests 6.50/s · errors 23.1%"), "\(text)")
        #expect(canvas.line(containing: "RED ").contains("p95 675 ms"))
        let items = canvas.line(containing: "/api/items")
        #expect(items.contains("4/s") && items.contains("25.0%") && items.contains("220 ms"), "\(items)")
        #expect(canvas.line(containing: "/api/search").contains("2.50/s"))
        if height >= 40 {
            let pool = canvas.line(containing: "│ db ")
            #expect(pool.contains("80.0%") && pool.contains(" 8 ") && pool.contains(" 10 "), "\(pool)")
            #expect(pool.contains("95.5 ms"))
            #expect(canvas.line(containing: "│ api ").contains("1.20/s"))
        }
    }
}
