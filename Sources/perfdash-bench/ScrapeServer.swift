import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP server that answers every request with one fixed exposition: the service under test in the
/// scrape benchmark, cheap enough not to compete with perfdash for the CPU.
final class ScrapeServer: Sendable {
    let port: Int
    private let listener: Int32

    /// Listens on 127.0.0.1 on a free port and serves `body` from a background thread until the process exits.
    init(body: [UInt8]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0
                && listen(listener, 16) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let response = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { continue }
                Self.serve(connection, response: response)
            }
        }
    }

    private static func serve(_ connection: Int32, response: [UInt8]) {
        defer { close(connection) }
        // Read the request head (a scrape's GET fits in one read), then write the whole response.
        var head = [UInt8](repeating: 0, count: 8192)
        guard read(connection, &head, head.count) > 0 else { return }
        var offset = 0
        response.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(connection, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
