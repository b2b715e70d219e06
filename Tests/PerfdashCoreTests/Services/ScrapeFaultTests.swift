import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// One scrape round over healthy and broken sources on loopback: every fault gives its error in time while the
/// healthy sources in the same round still succeed.
@Suite struct ScrapeFaultTests {
    static let exposition = "# TYPE up gauge\nup 1\nrequests_total 7\n"

    static func okResponse(_ body: String) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    /// Stands in for the exposition parser: counts non-comment lines as series.
    // Sources whose outcome does not depend on a deadline get an ample one, so a loaded CI machine cannot turn
    // their answer into a timeout; only the silent servers are cut off at 200 ms.
    static func http(_ port: Int, timeout: Duration = .seconds(5), limit: Int = HTTPFetcher.defaultBodyLimit)
        -> HTTPExpositionSource {
        let fetcher = HTTPFetcher(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port, target: "/metrics"),
                                  timeout: timeout, bodyLimit: limit)
        return HTTPExpositionSource(fetcher: fetcher) { result in
            let lines = String(decoding: result.body, as: UTF8.self).split(separator: "\n")
            return ServiceSample(seriesCount: lines.filter { !$0.hasPrefix("#") }.count)
        }
    }

    static func redis(_ port: Int, timeout: Duration = .seconds(5)) -> RedisSource {
        RedisSource(client: RedisClient(host: "127.0.0.1", port: port, timeout: timeout))
    }

    @Test func faultsFailInTimeWhileHealthySourcesSucceed() async throws {
        let healthy = try LoopbackServer(.reply(Self.okResponse(Self.exposition)))
        let silent = try LoopbackServer(.silent)
        let garbage = try LoopbackServer(.reply(Array("\u{01}\u{02}garbage\r\n\r\n".utf8)))
        let huge = try LoopbackServer(.endlessBody(total: 100 * 1024 * 1024))
        let redisGarbage = try LoopbackServer(.reply(Array("HTTP/1.1 200 OK\r\n\r\n".utf8)))
        let redisSilent = try LoopbackServer(.silent)
        let reset = try LoopbackServer(.reset)
        let redis = try RedisServer()
        defer { [healthy, silent, garbage, huge, redisGarbage, redisSilent, reset].forEach { $0.stop() }; redis.stop() }
        let closed = try Sockets.closedPort()

        let timeout = Duration.seconds(5)
        let scraper = ServiceScraper(targets: [
            ScrapeTarget(name: "healthy", source: Self.http(healthy.port), timeout: timeout),
            ScrapeTarget(name: "silent", source: Self.http(silent.port), timeout: .milliseconds(200)),
            ScrapeTarget(name: "garbage", source: Self.http(garbage.port), timeout: timeout),
            ScrapeTarget(name: "huge", source: Self.http(huge.port, timeout: .seconds(20)), timeout: .seconds(20)),
            ScrapeTarget(name: "closed", source: Self.http(closed), timeout: timeout),
            ScrapeTarget(name: "reset", source: Self.http(reset.port), timeout: timeout),
            ScrapeTarget(name: "redis", source: Self.redis(redis.port), timeout: timeout),
            ScrapeTarget(name: "redis-garbage", source: Self.redis(redisGarbage.port), timeout: timeout),
            ScrapeTarget(name: "redis-silent", source: Self.redis(redisSilent.port, timeout: .milliseconds(200)),
                         timeout: .seconds(5)),
        ])
        let outcomes = await scraper.scrapeAll()
        let byName = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.name, $0) })
        #expect(outcomes.map(\.name) == scraper.targets.map(\.name))

        #expect(try byName["healthy"]?.result.get().seriesCount == 2)
        #expect(try byName["redis"]?.result.get().caches["redis"] == CacheCounters(hits: 0, misses: 0, evictions: 0,
                                                                                   expirations: 0))
        // The scraper's deadline (200 ms) cuts the silent server off, well before the fetcher's own 5 s.
        #expect(byName["silent"]?.error == SourceError(.timeout, "timeout after 0.2 s"))
        #expect(byName["closed"]?.error == SourceError(.refused, "connection refused"))
        #expect(byName["reset"]?.error == SourceError(.closed, "connection reset by peer"))
        #expect(byName["garbage"]?.error == SourceError(.protocolViolation, "not an HTTP response (invalid constant string)"))
        #expect(byName["huge"]?.error == SourceError(.bodyLimit, "body over 32 MiB limit"))
        #expect(byName["redis-garbage"]?.error
                == SourceError(.protocolViolation, "not a Redis reply: unexpected byte 'H' where a reply should start"))
        // The Redis client's own deadline (200 ms) fires even with a lenient scraper deadline.
        #expect(byName["redis-silent"]?.error == SourceError(.timeout, "timeout after 0.2 s"))

        // Aborted early: far less than the 100 MB offered went out (32 MiB plus what socket buffers hold).
        #expect(huge.bytesSent < 60 * 1024 * 1024)
        // "In time": each deadline-bound failure returned within its timeout plus scheduling slack.
        for name in ["silent", "redis-silent"] {
            #expect(try #require(byName[name]).duration < .seconds(2), "\(name): \(byName[name]!.duration)")
        }
    }

    @Test func nonSuccessStatusIsAnError() async throws {
        let server = try LoopbackServer(.reply(Array(
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nboom".utf8)))
        defer { server.stop() }
        await #expect(throws: SourceError(.httpStatus, "HTTP 500 Internal Server Error")) {
            try await Self.http(server.port).fetcher.fetch()
        }
    }

    @Test func declaredLengthOverTheLimitFailsBeforeTheBody() async throws {
        let server = try LoopbackServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n".utf8)))
        defer { server.stop() }
        await #expect(throws: SourceError(.bodyLimit, "body over 1 KiB limit")) {
            try await Self.http(server.port, limit: 1024).fetcher.fetch()
        }
    }

    @Test func fetchReturnsBodyAndContentType() async throws {
        let server = try LoopbackServer(.reply(Self.okResponse(Self.exposition)))
        defer { server.stop() }
        let result = try await Self.http(server.port).fetcher.fetch()
        #expect(result.body == Array(Self.exposition.utf8))
        #expect(result.contentType == "text/plain; version=0.0.4")
        #expect(result.status == 200)
    }

    @Test func closedBeforeTheEndIsAnError() async throws {
        let server = try LoopbackServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort".utf8)))
        defer { server.stop() }
        // 5 of the 100 announced body bytes, then EOF.
        await #expect(throws: SourceError(.closed, "connection closed before the response was complete")) {
            try await Self.http(server.port).fetcher.fetch()
        }
    }
}

extension ScrapeOutcome {
    /// The failure, if the scrape failed.
    var error: SourceError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
