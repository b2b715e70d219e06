@testable import PerfdashDemo
import Prometheus
import Testing

/// Against a real redis-server started on a free loopback port.
@Suite(.serialized) struct RedisTierTests {
    @Test func redisAsL2CountsTheSameAsTheHandTrace() async throws {
        let redis = try LocalRedis()
        defer { redis.stop() }
        var tier = try await RedisTier.connect(host: "127.0.0.1", port: redis.port, timeToLive: .seconds(120))
        var workload = Workload(configuration: ScriptedWorkloadTests.configuration,
                                registry: PrometheusCollectorRegistry(), secondTier: tier,
                                traffic: ScriptedTraffic(ScriptedWorkloadTests.script))
        await workload.step(count: 9)
        // Same trace as ScriptedWorkloadTests.traceByHand: Redis has no capacity limit, but the one L2 eviction
        // there came after the last L2 read, so the reads see the same hits and misses.
        #expect(workload.stats.hits == [.l1: 1, .l2: 3, .l3: 4])
        #expect(workload.stats.misses == [.l1: 8, .l2: 5, .l3: 1])
        #expect(workload.stats.l2Errors == 0)
        #expect(workload.secondTierKind == "redis")

        // Redis saw exactly those GETs: 3 keyspace hits, 5 misses; the 4 rows were written with SETEX 120.
        let client = RedisConnection(host: "127.0.0.1", port: redis.port)
        let info = try await client.send(.command("INFO", "stats"))
        guard case .bulkString(let bytes?) = info else { Issue.record("INFO reply \(info)"); return }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("keyspace_hits:3\r\n"))
        #expect(text.contains("keyspace_misses:5\r\n"))
        #expect(try await client.send(.command("DBSIZE")) == .integer(4))
        let ttl = try await client.send(.command("TTL", RedisTier.redisKey(5)))
        guard case .integer(let seconds) = ttl else { Issue.record("TTL reply \(ttl)"); return }
        #expect((110...120).contains(seconds))
        let value = try await tier.read(5, now: .zero)
        #expect(value.value == "row-5")
        await client.close()
        await tier.close()
    }

    @Test func redisGoingAwayDegradesToMissesNotFailures() async throws {
        let redis = try LocalRedis()
        let tier = try await RedisTier.connect(host: "127.0.0.1", port: redis.port, timeToLive: .seconds(60))
        var workload = Workload(configuration: ScriptedWorkloadTests.configuration,
                                registry: PrometheusCollectorRegistry(), secondTier: tier,
                                traffic: ScriptedTraffic(ScriptedWorkloadTests.script))
        await workload.step(count: 2)
        redis.stop()
        await workload.step(count: 7)
        // Requests 3–9 still get answers from L1 or L3; every L2 read and write after the stop failed.
        #expect(workload.stats.requests == 9)
        #expect(workload.stats.responses[200, default: 0] + workload.stats.responses[404, default: 0] == 9)
        #expect(workload.stats.l2Errors > 0)
        #expect(workload.stats.hits[.l2, default: 0] == 0)
        await tier.close()
    }

    @Test func aClosedPortIsAOneLineError() async throws {
        let port = try FreePort.find()
        let error = await #expect(throws: DemoError.self) {
            _ = try await DemoService.start(port: 0, redis: "127.0.0.1:\(port)")
        }
        #expect(error?.description.hasPrefix("redis: cannot connect to 127.0.0.1:\(port)") == true)
    }
}
