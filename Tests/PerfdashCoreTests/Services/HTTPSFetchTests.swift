import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The URLSession path used for `https://` endpoints, against real servers on 127.0.0.1.
///
/// The TLS tests run python's `http.server` wrapped in `ssl` with a self-signed certificate made by `openssl` in a
/// scratch directory. Linux URLSession trusts only the system CA store, so that certificate is always untrusted; the
/// body, status and limit handling of the same code path are checked over plain http (`fetchWithURLSession`).
@Suite("HTTPS fetch", .serialized)
struct HTTPSFetchTests {
    static func fetcher(_ port: Int, secure: Bool, timeout: Duration = .seconds(2),
                        limit: Int = HTTPFetcher.defaultBodyLimit) -> HTTPFetcher {
        HTTPFetcher(endpoint: HTTPEndpoint(host: "127.0.0.1", port: port, target: "/metrics", secure: secure),
                    timeout: timeout, bodyLimit: limit)
    }

    static func error(of fetcher: HTTPFetcher, viaURLSession: Bool = false) async -> SourceError? {
        do {
            _ = viaURLSession ? try await fetcher.fetchWithURLSession() : try await fetcher.fetch()
            return nil
        } catch {
            return error
        }
    }

    @Test func selfSignedCertificateIsNotTrusted() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let (server, port) = try ExpositionHTTPServer.start(tls: try SelfSignedCertificate.make(in: scratch))
        defer { server.stop() }
        let error = await Self.error(of: Self.fetcher(port, secure: true))
        #expect(error == SourceError(.tls, "TLS: certificate not trusted"))
    }

    @Test func httpsToAPlainHTTPServerFailsTheHandshake() async throws {
        let (server, port) = try ExpositionHTTPServer.start()
        defer { server.stop() }
        let error = await Self.error(of: Self.fetcher(port, secure: true))
        // OpenSSL reads the plain "HTTP/1.0 400" answer to its ClientHello as a bad record version.
        #expect(error == SourceError(.tls, "TLS: handshake failed (wrong version number)"))
    }

    @Test func httpsServerThatNeverAnswersTimesOut() async throws {
        // Accepts the TCP connection and never sends a ServerHello: only the deadline ends the fetch.
        let silent = try LoopbackServer(.silent)
        defer { silent.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let error = await Self.error(of: Self.fetcher(silent.port, secure: true, timeout: .milliseconds(300)))
        #expect(error == SourceError(.timeout, "timeout after 0.3 s"))
        // Under 1 s: libcurl's own timer, rounded up to whole seconds, would fire at 1 s at the earliest.
        #expect(clock.now - start < .seconds(1))
    }

    @Test func httpsToClosedPortIsRefused() async throws {
        let error = await Self.error(of: Self.fetcher(try Sockets.closedPort(), secure: true))
        #expect(error == SourceError(.refused, "connection refused"))
    }

    @Test func urlSessionPathSendsTheAcceptHeaderAndReturnsTheBody() async throws {
        let (server, port) = try ExpositionHTTPServer.start()
        defer { server.stop() }
        let result = try await Self.fetcher(port, secure: false).fetchWithURLSession()
        #expect(String(decoding: result.body, as: UTF8.self) ==
                "# accept: \(HTTPFetcher.acceptHeader)\n" + ExpositionHTTPServer.exposition)
        #expect(result.contentType == "text/plain; version=0.0.4")
        #expect(result.status == 200)
        let sample = try Exposition.sample(from: result.body, contentType: result.contentType, names: .defaults)
        #expect(sample.seriesCount == 2)
    }

    @Test func urlSessionPathStopsAtTheBodyLimit() async throws {
        // 1 TiB offered, 1 MiB allowed. The fetch fails as soon as the limit is passed, long before the offer is
        // consumed (libcurl may read on until the cancel reaches its queue; those bytes are dropped, not kept).
        // A GiB was not enough: a fast machine moves it over loopback before the cancel lands.
        let offered = 1 << 40
        let huge = try LoopbackServer(.endlessBody(total: offered))
        defer { huge.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        // The deadline is generous (a loaded machine delivers the first MiB slowly): the error being the body
        // limit and not the timeout is what shows the transfer was cut short.
        let error = await Self.error(of: Self.fetcher(huge.port, secure: false, timeout: .seconds(30),
                                                      limit: 1024 * 1024), viaURLSession: true)
        #expect(error == SourceError(.bodyLimit, "body over 1 MiB limit"))
        #expect(clock.now - start < .seconds(30))
        #expect(huge.bytesSent < offered)  // returned without waiting for the transfer's end
    }

    @Test(arguments: [
        ("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops", "HTTP 500 Internal Server Error"),
        // Redirects are not followed: the 3xx itself is the answer.
        ("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n", "HTTP 302 Found"),
    ])
    func urlSessionPathReportsTheStatus(reply: String, expected: String) async throws {
        let server = try LoopbackServer(.reply(Array(reply.utf8)))
        defer { server.stop() }
        let error = await Self.error(of: Self.fetcher(server.port, secure: false), viaURLSession: true)
        #expect(error == SourceError(.httpStatus, expected))
    }

    @Test func urlSessionPathRefusesAContentLengthOverTheLimit() async throws {
        // 2048 announced, 1024 allowed: refused on the head, before any body byte.
        let server = try LoopbackServer(.reply(Array("HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n".utf8)))
        defer { server.stop() }
        let error = await Self.error(of: Self.fetcher(server.port, secure: false, limit: 1024), viaURLSession: true)
        #expect(error == SourceError(.bodyLimit, "body over 1 KiB limit"))
    }

    @Test func httpsURLsParse() throws {
        let endpoint = try HTTPEndpoint(parsing: "https://127.0.0.1/metrics")
        #expect(endpoint == HTTPEndpoint(host: "127.0.0.1", port: 443, target: "/metrics", secure: true))
        #expect(endpoint.description == "https://127.0.0.1/metrics")
        #expect(try HTTPEndpoint(parsing: "HTTPS://h:8443").description == "https://h:8443/")
        #expect(try HTTPEndpoint(parsing: "http://h:443/").hostHeader == "h:443")
    }

    @Test func httpsServicesFromTheConfigAndTheScrapeFlag() throws {
        let config = try ConfigLoader.parse("[[service]]\nname = \"api\"\nurl = \"https://10.0.0.5:8443/metrics\"\n",
                                            file: "c.toml", environment: [:])
        let expected = HTTPEndpoint(host: "10.0.0.5", port: 8443, target: "/metrics", secure: true)
        #expect(config.services.map(\.endpoint) == [.http(expected, bodyLimit: HTTPFetcher.defaultBodyLimit,
                                                          metrics: .defaults)])
        #expect(try QuickServiceFlag.scrape("api=https://10.0.0.5:8443/metrics").endpoint == config.services[0].endpoint)
    }
}
