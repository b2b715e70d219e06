import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash probe https://…` as a real binary against python's `http.server` over TLS on 127.0.0.1.
@Suite("perfdash probe https", .serialized)
struct ProbeHTTPSTests {
    @Test func selfSignedEndpointPrintsTheTLSLine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let (server, port) = try ExpositionHTTPServer.start(tls: try SelfSignedCertificate.make(in: scratch))
        defer { server.stop() }
        let url = "https://127.0.0.1:\(port)/metrics"
        let run = try runPerfdash(["probe", url])
        #expect(run.status == 1)
        #expect(run.stderr == "perfdash: \(url): TLS: certificate not trusted\n")
    }

    @Test func httpsToAPlainServerPrintsTheHandshakeLine() throws {
        let (server, port) = try ExpositionHTTPServer.start()
        defer { server.stop() }
        let url = "https://127.0.0.1:\(port)/metrics"
        let run = try runPerfdash(["probe", url])
        #expect(run.status == 1)
        #expect(run.stderr == "perfdash: \(url): TLS: handshake failed (wrong version number)\n")
    }
}
