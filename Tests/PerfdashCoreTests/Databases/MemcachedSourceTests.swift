import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Against a real memcached started for each test on a free loopback port.
@Suite(.serialized) struct MemcachedSourceTests {
    @Test func knownGetsGiveTheExactHitRate() async throws {
        let server = try MemcachedServer()
        defer { server.stop() }
        let source = MemcachedSource(host: "127.0.0.1", port: server.port, timeout: .seconds(5))
        let first = try await source.sample()
        // 2 items; 10 keys asked for: a ×5 and b ×3 hit, c and d miss (a multi-key get counts each key).
        let answer = try server.send("set a 0 0 5\r\nhello\r\nset b 0 0 3\r\nbye\r\nget a\r\nget a b\r\nget c\r\n"
                                     + "get a b d\r\nget a\r\nget a b\r\nversion\r\n", until: "VERSION ")
        #expect(answer.components(separatedBy: "VALUE a").count - 1 == 5)
        // memcached closes the test's own connection on its own thread: take the second reading once it has
        // (stats counts no get, so re-reading changes none of the figures checked below).
        var second = try await source.sample()
        for _ in 0..<200 {
            guard case .memcached(let server)? = second.server, server.connections > 0 else { break }
            second = try await source.sample()
        }
        var window = ServiceWindow(capacity: 4)
        window.append(first, at: 0)
        window.append(second, at: 5)
        let report = ServiceWindowReport(try #require(window.metrics(over: 60)), window: .oneMinute)
        let cache = try #require(report.caches.first)
        #expect(cache.level == "memcached")
        #expect(cache.hits == 8 && cache.misses == 2)
        #expect(cache.hitRatePercent == 80)
        #expect(cache.evictions == 0)
        let memcached = try #require(report.server?.memcached)
        #expect(memcached.items == 2)
        #expect(memcached.limitBytes == Double(server.limitBytes))
        #expect(memcached.bytes > 0)
        #expect(memcached.memoryUsedPercent == 100 * memcached.bytes / Double(server.limitBytes))
        #expect(memcached.getsPerSecond == 2)
        #expect(memcached.setsPerSecond == 0.4)
        // Only perfdash's own connection was open, and it is left out.
        #expect(memcached.connections == 0)
    }

    @Test func anUnreachableOrWrongServerIsOneLine() async throws {
        let closed = MemcachedSource(host: "127.0.0.1", port: try Sockets.closedPort(), timeout: .seconds(2))
        await #expect(throws: SourceError(.refused, "connection refused")) { _ = try await closed.sample() }
        // A Redis server answers "stats" with an error reply.
        let redis = try RedisServer()
        defer { redis.stop() }
        let wrong = MemcachedSource(host: "127.0.0.1", port: redis.port, timeout: .seconds(2))
        let error = await #expect(throws: SourceError.self) { _ = try await wrong.sample() }
        #expect(error?.kind == .protocolViolation)
        #expect(throws: SourceError(.invalidData, "stats has no get_hits")) {
            _ = try MemcachedSource.sample(stats: "STAT curr_items 1\r\nSTAT bytes 2\r\nSTAT limit_maxbytes 3\r\n"
                                           + "STAT curr_connections 1\r\nSTAT cmd_get 9\r\nEND\r\n")
        }
        #expect(throws: SourceError(.invalidData, "stats has no curr_items")) {
            _ = try MemcachedSource.sample(stats: "STAT curr_items -5\r\nEND\r\n")
        }
    }
}
