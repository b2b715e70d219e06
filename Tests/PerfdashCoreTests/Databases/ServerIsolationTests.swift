import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// A database that cannot be read is one line on its own row; the other servers keep updating.
@Suite(.serialized) struct ServerIsolationTests {
    @Test func aBrokenServerDoesNotStopTheOthers() async throws {
        let memcached = try MemcachedServer()
        defer { memcached.stop() }
        let redis = try RedisServer()
        defer { redis.stop() }
        let closed = try Sockets.closedPort()
        let services = [
            try QuickServiceFlag.postgres("db=postgres://monitor@127.0.0.1:\(closed)/app", environment: [:]),
            try QuickServiceFlag.memcached("sessions=127.0.0.1:\(memcached.port)"),
            try QuickServiceFlag.redis("jobs=127.0.0.1:\(redis.port),preset=rq,queues=default", environment: [:]),
            // Something that is not memcached at all: Redis answers "stats" with an error.
            try QuickServiceFlag.memcached("impostor=127.0.0.1:\(redis.port)"),
        ]
        var state = ServiceCollectorState(services: services, interval: .seconds(1))
        let scraper = ServiceScraper(targets: services.map { $0.scrapeTarget() })
        for tick in 0..<2 {
            let outcomes = await scraper.scrapeAll()
            state.record(outcomes, at: SampleTime(monotonic: .seconds(tick), unixMilliseconds: 1_000 * Int64(tick)))
        }
        let reports = state.reports(window: .oneMinute, now: 2_000)
        #expect(reports.map(\.state) == [.down, .up, .up, .down])
        #expect(reports[0].lastError == "connection refused")
        #expect(reports[0].address == "postgres://monitor@127.0.0.1:\(closed)/app")
        #expect(reports[1].metrics?.server?.memcached?.limitBytes == Double(memcached.limitBytes))
        #expect(reports[2].metrics?.server?.redis?.queues.first?.parts.count == 5)
        #expect(reports[3].lastError == "not a memcached stats answer")
        // The series of the live servers are there; the broken ones say only that they are down.
        let names = reports.flatMap { $0.flatSeries() }.map(\.name)
        #expect(names.contains("service.sessions.memcached.memory_used_percent"))
        #expect(names.contains("service.jobs.redis.ops_per_second"))
        #expect(names.contains("service.jobs.queue.default.failed"))
        #expect(names.contains("service.db.up"))
        #expect(!names.contains { $0.hasPrefix("service.db.db.") })
    }
}
