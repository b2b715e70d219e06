import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// An exporter that answers while what it watches is down (`redis_up 0`): the service shows as down with that line.
@Suite("An exporter's *_up gauge at 0")
struct BackendDownTests {
    static func sample(_ text: String) throws -> ServiceSample {
        try Exposition.sample(from: Array(text.utf8), contentType: nil, names: .defaults)
    }

    /// Debian's prometheus-redis-exporter pointed at a port where no Redis listens, captured.
    @Test func redisExporterWithoutItsRedis() throws {
        let body = Array(try Data(contentsOf: TestPaths.fixture("presets/redis_exporter_down.prom")))
        let sample = try Exposition.sample(from: body, contentType: nil, names: .defaults)
        #expect(sample.backendDown == ["redis_up"])
        #expect(ServiceMetrics(totals: sample).backendDown == ["redis_up"])
        let error = try #require(ServiceSample.backendDownError(sample.backendDown))
        #expect(error.kind == .backendDown)
        #expect(error.message == "the exporter is up but reports redis_up 0: what it watches is down")
    }

    /// Only label-less `<something>_up` series at exactly 0 count: a labelled one is one target of many (a network
    /// device, a Celery worker), `up` is Prometheus' own, and 1 or NaN says nothing is down.
    @Test(arguments: [
        ("mysql_up 0\n", ["mysql_up"]),
        ("mysql_up 1\n", []),
        ("mysql_up NaN\n", []),
        ("up 0\n", []),
        ("_up 0\n", []),
        ("node_network_up{device=\"eth0\"} 0\n", []),
        ("celery_worker_up{hostname=\"w1\"} 0\n", []),
        ("pg_up 0\nredis_up 0\npg_up 0\n", ["pg_up", "redis_up"]),
        ("backup_upload_seconds_total 0\n", []),
    ])
    func whichSeriesCount(text: String, expected: [String]) throws {
        #expect(try Self.sample(text).backendDown == expected)
    }

    /// A thousand such gauges keep at most eight names: an exposition cannot grow the error line without bound.
    @Test func theNamesAreBounded() throws {
        let text = (0..<1000).map { "x\($0)_up 0\n" }.joined()
        let names = try Self.sample(text).backendDown
        #expect(names == (0..<ServiceSample.backendDownLimit).map { "x\($0)_up" })
    }

    /// The status goes down on such a scrape (since its time), and up again when the gauge returns to 1.
    @Test func theStatusFollowsTheGauge() throws {
        var status = ServiceStatus(name: "cache")
        let t0 = Date(timeIntervalSince1970: 2_000)
        status.record(ScrapeOutcome(name: "cache", result: .success(try Self.sample("redis_up 1\n")),
                                    duration: .milliseconds(3)), at: t0)
        #expect(status.isUp)
        status.record(ScrapeOutcome(name: "cache", result: .success(try Self.sample("redis_up 0\n")),
                                    duration: .milliseconds(3)), at: t0.addingTimeInterval(1))
        status.record(ScrapeOutcome(name: "cache", result: .success(try Self.sample("redis_up 0\n")),
                                    duration: .milliseconds(3)), at: t0.addingTimeInterval(2))
        #expect(status.state == .down && status.errorKind == .backendDown)
        #expect(status.lastError == "the exporter is up but reports redis_up 0: what it watches is down")
        #expect(status.downSince == t0.addingTimeInterval(1) && status.lastSuccess == t0.addingTimeInterval(2))
        status.record(ScrapeOutcome(name: "cache", result: .success(try Self.sample("redis_up 1\n")),
                                    duration: .milliseconds(3)), at: t0.addingTimeInterval(3))
        #expect(status.isUp && status.lastError == nil && status.downSince == nil)
    }
}
