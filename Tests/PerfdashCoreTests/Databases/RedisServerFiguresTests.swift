import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Redis as a service, done right: perfdash's own probes never count in the hit rate or the ops rate, and the
/// queue presets read what real RQ and Celery producers write.
@Suite(.serialized) struct RedisServerFiguresTests {
    private func client(_ server: RedisServer) -> RedisClient {
        RedisClient(host: "127.0.0.1", port: server.port, timeout: .seconds(5))
    }

    private let celery = RedisQueueOptions(prioritySteps: Array(0...9), separator: ":", keyPrefix: nil)

    private func queues() -> [RedisQueue] {
        [RedisQueue(name: "default", preset: .rq), RedisQueue(name: "low", preset: .rq),
         RedisQueue(name: "hi", preset: .celery, options: celery), RedisQueue(name: "celery", preset: .celery)]
    }

    private func window(_ samples: [ServiceSample]) throws -> ServiceWindowReport {
        var window = ServiceWindow(capacity: 10)
        for (index, sample) in samples.enumerated() { window.append(sample, at: Double(index) * 5) }
        return ServiceWindowReport(try #require(window.metrics(over: 60)), window: .oneMinute)
    }

    @Test func anIdleServerWithQueuesShowsNoTraffic() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        _ = try await client(server).pipeline([["RPUSH", "rq:queue:default", "a", "b"], ["RPUSH", "hi:3", "x"]])
        let source = RedisSource(client: client(server), queues: queues())
        var samples: [ServiceSample] = []
        for _ in 0..<4 { samples.append(try await source.sample()) }
        let report = try window(samples)
        // 2 of the 19 probed keys exist: without subtraction this idle server would read 2/19 hits per scrape.
        let cache = try #require(report.caches.first)
        #expect(cache.hits == 0 && cache.misses == 0)
        #expect(cache.hitRateText == "n/a")
        #expect(report.server?.redis?.opsPerSecond == 0)
        #expect(report.queues.first { $0.queue == "default" }?.now == 2)
    }

    @Test func aNinetyPercentWorkloadReadsNinetyPercent() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        _ = try await client(server).pipeline([["SET", "k", "v"], ["RPUSH", "rq:queue:default", "a"]])
        let source = RedisSource(client: client(server), password: nil, queues: queues())
        let first = try await source.sample()
        _ = try await client(server).pipeline(Array(repeating: ["GET", "k"], count: 9) + [["GET", "absent"]])
        let second = try await source.sample()
        _ = try await client(server).pipeline(Array(repeating: ["GET", "k"], count: 18) + [["GET", "x"], ["GET", "y"]])
        let third = try await source.sample()
        let report = try window([first, second, third])
        let cache = try #require(report.caches.first)
        #expect(cache.hits == 27 && cache.misses == 3)
        #expect(cache.hitRatePercent == 90)
        // 10 + 20 GETs over 10 s; INFO, the probes and the test client's own pipelines are the only other commands.
        #expect(report.server?.redis?.opsPerSecond == 3)
    }

    @Test func realRQAndCeleryProducersAreRead() async throws {
        let server = try RedisServer()
        defer { server.stop() }
        let script = TestPaths.fixture("queues/producers.py").path
        let produced = try runProcess(["python3", script, String(server.port)])
        try #require(produced.status == 0, "\(produced.stderr)")
        let source = RedisSource(client: client(server), queues: [
            RedisQueue(name: "default", preset: .rq), RedisQueue(name: "hi", preset: .celery, options: celery),
        ])
        let sample = try await source.sample()
        // RQ: 4 queued (the deferred one waits in its registry); Celery: 2 + 1 + 4 over its priority lists.
        #expect(sample.queues == ["default": 4, "hi": 7])
        guard case .redis(let redis)? = sample.server else { throw SourceError(.other, "no redis section") }
        let rq = try #require(redis.queues.first { $0.queue == "default" })
        #expect(rq.parts.map(\.part) == ["queued", "started", "scheduled", "deferred", "failed"])
        #expect(rq.parts.map(\.size) == [4, 0, 1, 1, 0])
        let hi = try #require(redis.queues.first { $0.queue == "hi" })
        #expect(hi.parts.filter { $0.size > 0 }.map { "\($0.part)=\(Int($0.size))" }
                == ["priority 0=2", "priority 3=1", "priority 9=4"])
        #expect(redis.shared == [RedisPartReading(part: "celery unacked", size: 0, inDepth: false)])
    }

    @Test func sidekiqAndBullMQKeys() {
        #expect(RedisQueuePreset.sidekiq.keys(for: "mail", options: RedisQueueOptions(
            prioritySteps: [0], separator: ":", keyPrefix: "app:")) == ["app:queue:mail"])
        #expect(RedisQueuePreset.sidekiq.sharedParts().map(\.key) == ["retry", "schedule", "dead"])
        let bull = RedisQueuePreset.bullmq.parts(for: "jobs")
        #expect(bull.map(\.key) == ["bull:jobs:wait", "bull:jobs:prioritized", "bull:jobs:paused", "bull:jobs:active",
                                    "bull:jobs:delayed", "bull:jobs:failed"])
        #expect(bull.filter(\.inDepth).map(\.key) == ["bull:jobs:wait", "bull:jobs:prioritized", "bull:jobs:paused"])
        #expect(RedisQueuePreset.celery.keys(for: "tasks") == ["tasks", "tasks\u{06}\u{16}3", "tasks\u{06}\u{16}6",
                                                               "tasks\u{06}\u{16}9"])
    }

    @Test func flagAndURLOptions() throws {
        let flag = try RedisAddressOptions.parse("127.0.0.1:6379,preset=celery,queues=hi,low,sep=:,priority_steps=0,5")
        #expect(flag.address == "127.0.0.1:6379")
        #expect(flag.queues.map(\.name) == ["hi", "low"])
        #expect(flag.queues[0].keys == ["hi", "hi:5"])
        let url = try RedisAddressOptions.parse("redis://h:1/2?preset=rq&queues=default&queue_keys=custom%3Alist")
        #expect(url.address == "redis://h:1/2")
        #expect(url.queues.map(\.keys) == [["rq:queue:default", "rq:wip:default", "rq:scheduled:default",
                                            "rq:deferred:default", "rq:failed:default"], ["custom:list"]])
        #expect(throws: EndpointError("unknown option \"queue\" (expected queues, queue_keys, preset, priority_steps, sep, key_prefix or db)")) {
            try RedisAddressOptions.parse("h:1,queue=x")
        }
        #expect(throws: EndpointError("priority_steps must be integers 0…255, e.g. priority_steps=0,3,6,9")) {
            try RedisAddressOptions.parse("h:1,priority_steps=a")
        }
        // One server's RQ and Celery queues in one service: each preset= applies to the queues= after it.
        let mixed = try RedisAddressOptions.parse("h:1,preset=rq,queues=default,low,preset=celery,queues=hi")
        #expect(mixed.queues.map { "\($0.preset.rawValue):\($0.name)" } == ["rq:default", "rq:low", "celery:hi"])
        let service = try QuickServiceFlag.redis("jobs=127.0.0.1:6390,preset=rq,queues=default", environment: [:])
        guard case .redis(let redis) = service.endpoint else { throw SourceError(.other, "not redis") }
        #expect(redis.port == 6390 && redis.queues.map(\.name) == ["default"])
    }
}
