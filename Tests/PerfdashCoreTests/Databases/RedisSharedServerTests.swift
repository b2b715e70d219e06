import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Two services on one real redis-server, scraped concurrently as the collector does: each takes out every perfdash
/// probe the server counted, its own and the other's.
@Suite(.serialized) struct RedisSharedServerTests {
    static let interval = 5

    static func services(_ port: Int) throws -> [ServiceConfig] {
        [try QuickServiceFlag.redis("rq=127.0.0.1:\(port),preset=rq,queues=default,low", environment: [:]),
         try QuickServiceFlag.redis("celery=127.0.0.1:\(port),preset=celery,queues=celery,hi,sep=:,priority_steps=0,3",
                                    environment: [:])]
    }

    /// `rounds` concurrent scrapes of both services, `between` run by a separate client before every round after
    /// the first; the reports over the last minute.
    static func reports(_ server: RedisServer, rounds: Int, shared: Bool,
                        between: [[String]] = []) async throws -> [ServiceReport] {
        let services = try Self.services(server.port)
        let registry = RedisServerLedgers()
        let scraper = ServiceScraper(targets: services.map {
            $0.scrapeTarget(redisServers: shared ? registry : RedisServerLedgers())
        })
        let client = RedisClient(host: "127.0.0.1", port: server.port, timeout: .seconds(5))
        var state = ServiceCollectorState(services: services, interval: .seconds(Self.interval))
        for round in 0..<rounds {
            if round > 0, !between.isEmpty { _ = try await client.pipeline(between) }
            let outcomes = await scraper.scrapeAll()
            for outcome in outcomes { _ = try outcome.result.get() }
            state.record(outcomes, at: SampleTime(monotonic: .seconds(round * Self.interval),
                                                  unixMilliseconds: Int64(round) * 1_000))
        }
        return state.reports(window: .oneMinute, now: Int64(rounds) * 1_000)
    }

    static func seed(_ server: RedisServer) async throws {
        let client = RedisClient(host: "127.0.0.1", port: server.port, timeout: .seconds(5))
        _ = try await client.pipeline([["RPUSH", "rq:queue:default", "a", "b"], ["RPUSH", "hi:3", "x"],
                                       ["SET", "k", "v"]])
    }

    @Test func anIdleServerShowsNotAvailableInBothServices() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        try await Self.seed(server)
        let reports = try await Self.reports(server, rounds: 5, shared: true)
        #expect(reports.map(\.name) == ["rq", "celery"])
        for report in reports {
            let cache = try #require(report.metrics?.caches.first)
            #expect(cache.hits == 0 && cache.misses == 0, "\(report.name)")
            #expect(cache.hitRateText == "n/a", "\(report.name)")
            #expect(report.metrics?.server?.redis?.opsPerSecond == 0, "\(report.name)")
        }
        #expect(reports[0].metrics?.queues.first { $0.queue == "default" }?.now == 2)
        #expect(reports[1].metrics?.queues.first { $0.queue == "hi" }?.now == 1)
    }

    /// The test fails the way the issue saw it when each service keeps its own account: the other's probes count.
    @Test func separateAccountsCountEachOther() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        try await Self.seed(server)
        let reports = try await Self.reports(server, rounds: 5, shared: false)
        let traffic = reports.compactMap { $0.metrics?.caches.first }.map { $0.hits + $0.misses }
        #expect(traffic.contains { $0 > 0 })
    }

    @Test func aNinetyPercentWorkloadReadsNinetyPercentInBoth() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        try await Self.seed(server)
        // 9 hits and 1 miss between every two rounds: 4 intervals, 36 hits, 4 misses in both services' windows.
        let workload = Array(repeating: ["GET", "k"], count: 9) + [["GET", "absent"]]
        let reports = try await Self.reports(server, rounds: 5, shared: true, between: workload)
        for report in reports {
            let cache = try #require(report.metrics?.caches.first)
            #expect(cache.hits == 36 && cache.misses == 4, "\(report.name)")
            #expect(cache.hitRatePercent == 90, "\(report.name)")
            // The 10 GETs of each interval are the only other commands: 40 over 20 s.
            #expect(report.metrics?.server?.redis?.opsPerSecond == 2, "\(report.name)")
        }
    }
}
