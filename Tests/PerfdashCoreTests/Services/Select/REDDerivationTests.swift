import Foundation
import Testing
@testable import PerfdashCore

/// RED, pool and limiter derivation on hand-built scrapes: resets, missing parts and hostile values.
@Suite struct REDDerivationTests {
    static func window(_ samples: [ServiceSample], every seconds: Double = 5) -> ServiceMetrics? {
        var window = ServiceWindow(capacity: 20)
        for (index, sample) in samples.enumerated() { window.append(sample, at: Double(index) * seconds) }
        return window.metrics(over: 60)
    }

    static func sample(requests: Double, errors: Double?, pool: PoolGauges = PoolGauges(),
                       rejected: Double = 0) -> ServiceSample {
        ServiceSample(routes: ["/a": RouteCounters(requests: requests, errors: errors)], pools: ["db": pool],
                      limiters: ["api": rejected])
    }

    /// A counter that restarts counts its new value, as PromQL's rate(): 100 → 130 (+30), restart → 12 (+12).
    @Test func resetsCountTheNewValue() throws {
        let metrics = try #require(Self.window([Self.sample(requests: 100, errors: 1, rejected: 7),
                                                Self.sample(requests: 130, errors: 4, rejected: 9),
                                                Self.sample(requests: 12, errors: 0, rejected: 1)]))
        let route = try #require(metrics.red.routes.first)
        #expect(route.requests == 42 && route.errors == 3)
        #expect(route.requestsPerSecond == 4.2)  // 42 over the 10 s span
        #expect(route.errorPercent == 100.0 * 3 / 42)
        #expect(metrics.red.limiters.first?.rejections == 3 && metrics.red.limiters.first?.rejectionsPerSecond == 0.3)
    }

    /// Errors never read are unknown, not 0 %; no requests gives no error percent.
    @Test func unknownStaysUnknown() throws {
        let metrics = try #require(Self.window([Self.sample(requests: 5, errors: nil), Self.sample(requests: 5, errors: nil)]))
        let route = try #require(metrics.red.routes.first)
        #expect(route.errors == nil && route.errorPercent == nil && route.requestsPerSecond == 0)
        let idle = try #require(Self.window([Self.sample(requests: 5, errors: 0), Self.sample(requests: 5, errors: 0)]))
        #expect(idle.red.routes.first?.errorPercent == nil)
        #expect(idle.red.service?.errorPercent == nil)
    }

    @Test(arguments: [
        (PoolGauges(inUse: 5, max: 0), nil as Double?),
        (PoolGauges(inUse: -3, max: 10), 0),
        (PoolGauges(inUse: .infinity, max: 10), nil),
        (PoolGauges(inUse: 4, max: .nan), nil),
        (PoolGauges(idle: 3, max: 10), nil),
        (PoolGauges(inUse: 1e308, max: 1e-308), nil),
        (PoolGauges(inUse: 15, max: 10), 150),
    ])
    func hostilePoolValuesDoNotTrap(pool: PoolGauges, expected: Double?) throws {
        let metrics = try #require(Self.window([Self.sample(requests: 0, errors: 0, pool: pool)]))
        let utilization = metrics.red.pools.first?.utilizationPercent
        #expect(utilization == expected)
        // Only finite values reach the flat series.
        let report = ServiceWindowReport(metrics, window: .oneMinute)
        #expect(report.redFlatSeries(service: "s").allSatisfy { $0.value.isFinite })
    }

    /// NaN samples in an exposition are skipped; a huge label value and many series stay bounded by the body.
    @Test func nanSamplesAreSkipped() throws {
        let text = """
            # TYPE http_requests_total counter
            http_requests_total{route="/a",status="200"} NaN
            http_requests_total{route="/a",status="200"} 5
            http_requests_total{route="/\(String(repeating: "x", count: 10_000))",status="500"} 1e308
            """
        let sample = try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
        #expect(sample.routes["/a"]?.requests == 5)
        let metrics = ServiceMetrics(totals: sample)
        #expect(metrics.red.service?.requests == 5 + 1e308)
        #expect(metrics.red.routes.count == 2)
        // Totals that overflow stay encodable: saturated, rates dropped.
        let overflow = ServiceSample(routes: ["/a": RouteCounters(requests: 1e308, errors: 0),
                                              "/b": RouteCounters(requests: 1e308, errors: 0)])
        let report = ServiceWindowReport(ServiceMetrics(totals: overflow), window: .oneMinute)
        #expect(report.red?.requests == .greatestFiniteMagnitude)
        let encoder = JSONEncoder()
        #expect(throws: Never.self) { try encoder.encode(report) }
    }
}

/// The new parts of a snapshot's `services` entry: snake_case, units in the names, absent when empty.
@Suite struct REDSnapshotSectionTests {
    @Test func encodesWithUnitsInNames() throws {
        let first = REDDerivationTests.sample(requests: 10, errors: 1, pool: PoolGauges(inUse: 2, max: 8, pending: 1))
        let second = REDDerivationTests.sample(requests: 30, errors: 2, pool: PoolGauges(inUse: 6, max: 8, pending: 3),
                                               rejected: 5)
        let metrics = try #require(REDDerivationTests.window([first, second], every: 10))
        let report = ServiceWindowReport(metrics, window: .oneMinute)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        for key in ["\"requests_per_second\":2", "\"error_percent\":5", "\"utilization_percent\":75",
                    "\"avg_utilization_percent\":50", "\"max_pending\":3", "\"rejections_per_second\":0.5",
                    "\"routes\":[{", "\"pools\":[{", "\"limiters\":[{"] {
            #expect(json.contains(key), "\(key) in \(json)")
        }
        let empty = ServiceWindowReport(ServiceMetrics(totals: ServiceSample()), window: .oneMinute)
        let plain = String(decoding: try encoder.encode(empty), as: UTF8.self)
        for key in ["red", "routes", "pools", "limiters", "presets"] { #expect(!plain.contains("\"\(key)\"")) }
        // And back: a snapshot reader gets the same report.
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(ServiceWindowReport.self, from: Data(json.utf8)) == report)
    }
}
