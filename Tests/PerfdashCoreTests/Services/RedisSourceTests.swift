import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Against a real redis-server started for each test on a free loopback port.
@Suite struct RedisSourceTests {
    private func client(_ server: RedisServer) -> RedisClient {
        RedisClient(host: "127.0.0.1", port: server.port, timeout: .seconds(2))
    }

    @Test func keyspaceHitsAndMissesGiveTheExactHitRate() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        let setup = try await client(server).pipeline([
            ["SET", "k", "v"], ["CONFIG", "RESETSTAT"],
            ["GET", "k"], ["GET", "k"], ["GET", "k"], ["GET", "absent"],
        ])
        #expect(setup[1] == .simpleString("OK"))
        let sample = try await RedisSource(client: client(server)).sample()
        let redis = try #require(sample.caches["redis"])
        // 3 GETs of an existing key, 1 of a missing one: hit rate 3 / (3 + 1) = 75 %.
        #expect(redis == CacheCounters(hits: 3, misses: 1, evictions: 0, expirations: 0))
        #expect(redis.hits / (redis.hits + redis.misses) == 0.75)
    }

    @Test func presetQueuesGiveExactDepths() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        _ = try await client(server).pipeline([
            ["RPUSH", "celery", "a", "b", "c"],
            ["RPUSH", "celery\u{06}\u{16}3", "x"],
            ["RPUSH", "celery\u{06}\u{16}9", "y", "z"],
            ["RPUSH", "rq:queue:default", "1", "2"],
            ["RPUSH", "queue:mail", "1", "2", "3", "4"],
            ["RPUSH", "bull:jobs:wait", "1", "2", "3", "4", "5"],
            ["RPUSH", "custom:list", "1"],
        ])
        let source = RedisSource(client: client(server), queues: [
            RedisQueue(name: "celery", preset: .celery), RedisQueue(name: "default", preset: .rq),
            RedisQueue(name: "mail", preset: .sidekiq), RedisQueue(name: "jobs", preset: .bullmq),
            RedisQueue(name: "custom:list", preset: .raw), RedisQueue(name: "idle", preset: .rq),
        ])
        let sample = try await source.sample()
        // Celery: 3 in the plain list + 1 at priority 3 + 0 at 6 + 2 at 9 = 6.
        #expect(sample.queues == ["celery": 6, "default": 2, "mail": 4, "jobs": 5, "custom:list": 1, "idle": 0])
        // 8 INFO fields + 22 queue keys (Celery 4, RQ 5 twice, Sidekiq 1, BullMQ 6, raw 1) + 4 shared keys
        // (Celery's unacked hash, Sidekiq's retry, schedule and dead sets).
        #expect(sample.seriesCount == 34)
    }

    @Test func selectsTheConfiguredDatabase() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        _ = try await client(server).pipeline([["SELECT", "3"], ["RPUSH", "queue:db3", "a", "b"]])
        let sample = try await RedisSource(client: client(server), database: 3,
                                           queues: [RedisQueue(name: "db3", preset: .sidekiq)]).sample()
        #expect(sample.queues["db3"] == 2)
    }

    @Test func passwordAuthenticates() async throws {
        let server = try RedisServer(password: "s3cret")
        defer { server.stop() }
        let ok = try await RedisSource(client: client(server), password: "s3cret").sample()
        #expect(ok.caches["redis"]?.hits == 0)

        await #expect(throws: SourceError(.authentication, "Redis requires a password (set password or password_env)")) {
            try await RedisSource(client: client(server)).sample()
        }
        let wrong = await #expect(throws: SourceError.self) {
            try await RedisSource(client: client(server), password: "nope").sample()
        }
        #expect(wrong?.kind == .authentication)
        #expect(wrong?.message.hasPrefix("authentication failed: WRONGPASS") == true)
    }

    @Test func errorRepliesBecomeClearErrors() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        _ = try await client(server).pipeline([["SET", "plain", "v"]])
        let error = await #expect(throws: SourceError.self) {
            try await RedisSource(client: client(server), queues: [RedisQueue(name: "plain", preset: .raw)]).sample()
        }
        #expect(error?.kind == .serverError)
        #expect(error?.message == "LLEN plain: WRONGTYPE Operation against a key holding the wrong kind of value")
        let badDB = await #expect(throws: SourceError.self) {
            try await RedisSource(client: client(server), database: 99).sample()
        }
        #expect(badDB?.message == "SELECT 99: ERR DB index is out of range")
    }
}
