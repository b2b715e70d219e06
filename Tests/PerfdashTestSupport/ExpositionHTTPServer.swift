import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `Tests/Fixtures/https/serve_exposition.py` on 127.0.0.1: a fixed exposition over http, or https with a given
/// certificate. Its first body line echoes the request's `Accept` header.
public enum ExpositionHTTPServer {
    /// The exposition served after the `# accept: …` line.
    public static let exposition = "# TYPE up gauge\nup 1\n# TYPE requests_total counter\nrequests_total 7\n"

    /// Starts the server (TLS when `tls` is given) and returns it with its port; `stop()` it in a `defer`.
    public static func start(tls: SelfSignedCertificate? = nil) throws -> (ChildProcess, Int) {
        let script = TestPaths.fixture("https/serve_exposition.py").path
        let server = try ChildProcess(["python3", script] + (tls.map { [$0.certificate, $0.key] } ?? []),
                                      stdinPipe: true, output: .pipe)
        guard let line = server.readLine(), line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            server.stop()
            throw ChildProcess.SpawnError(code: ECHILD, command: "serve_exposition.py")
        }
        return (server, port)
    }
}

/// A self-signed certificate for 127.0.0.1, valid one day, made by `openssl req -x509`.
public struct SelfSignedCertificate: Sendable {
    /// PEM certificate path.
    public let certificate: String
    /// PEM private key path.
    public let key: String

    /// Writes `cert.pem` and `key.pem` into `scratch`.
    public static func make(in scratch: ScratchDirectory) throws -> SelfSignedCertificate {
        let certificate = scratch.file("cert.pem").path, key = scratch.file("key.pem").path
        let openssl = try ChildProcess(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                        "-days", "1", "-keyout", key, "-out", certificate])
        guard openssl.wait() == 0 else { throw ChildProcess.SpawnError(code: EIO, command: "openssl req -x509") }
        return SelfSignedCertificate(certificate: certificate, key: key)
    }
}
