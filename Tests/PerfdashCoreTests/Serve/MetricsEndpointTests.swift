import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The `/metrics` listener: 503 before the first snapshot, the format the Accept header asks for, the same bytes
/// for every scrape between two ticks (a scrape renders nothing), 404 / 405 / HEAD as HTTP says.
@Suite struct MetricsEndpointTests {
    @Test func scrapesCopyTheLastRendering() async throws {
        let store = ExpositionStore()
        let endpoint = try await MetricsEndpoint.start(store: store, host: "127.0.0.1", port: 0)
        let port = endpoint.port
        let before = try #require(SimpleHTTP.request("GET", port: port, path: "/metrics"))
        #expect(before.status == 503)
        #expect(before.body.hasPrefix("no snapshot yet"))

        let host = try HostFixture.reading("ordinary", elapsed: .seconds(2))
        let snapshot = Snapshot(timestampUnixMs: 1_795_312_940_989, intervalSeconds: 2, elapsedSeconds: 2,
                                window: .oneMinute, host: host, stats: [:], notes: [])
        store.publish(snapshot, ticks: 1)
        let text = try #require(SimpleHTTP.request("GET", port: port, path: "/metrics"))
        #expect(text.status == 200)
        #expect(text.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(text.body == String(decoding: ServeExposition.render(snapshot, ticks: 1, format: .prometheusText),
                                    as: UTF8.self))
        let again = try #require(SimpleHTTP.request("GET", port: port, path: "/metrics?x=1"))
        #expect(again.body == text.body)
        let open = try #require(SimpleHTTP.request("GET", port: port, path: "/metrics",
                                                   accept: "application/openmetrics-text;version=1.0.0"))
        #expect(open.contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        #expect(open.body.hasSuffix("# EOF\n"))
        #expect(SimpleHTTP.request("GET", port: port, path: "/")?.status == 200)
        #expect(SimpleHTTP.request("GET", port: port, path: "/nope")?.status == 404)
        #expect(SimpleHTTP.request("POST", port: port, path: "/metrics")?.status == 405)
        let head = try #require(SimpleHTTP.request("HEAD", port: port, path: "/metrics"))
        #expect(head.status == 200 && head.body.isEmpty)
        await endpoint.close()
        #expect(SimpleHTTP.request("GET", port: port, path: "/metrics") == nil)
    }

    @Test func anAddressInUseIsOneLine() async throws {
        let first = try await MetricsEndpoint.start(store: ExpositionStore(), host: "127.0.0.1", port: 0)
        await #expect(throws: EndpointError("cannot listen on 127.0.0.1:\(first.port): Address already in use")) {
            _ = try await MetricsEndpoint.start(store: ExpositionStore(), host: "127.0.0.1", port: first.port)
        }
        await first.close()
    }
}
