import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny TCP server on 127.0.0.1 for fault tests: each accepted connection gets one scripted behaviour.
///
/// Plain POSIX sockets on a thread, so the faults (silence, garbage, an endless body) are exactly what the bytes
/// say, independent of the NIO code under test. `stop()` closes everything; call it in a `defer`.
final class LoopbackServer: Sendable {
    /// What the server does with each connection.
    enum Behaviour: Sendable {
        /// Accepts, reads, never answers (until stopped).
        case silent
        /// Writes these bytes and closes.
        case reply([UInt8])
        /// Reads the request, then aborts the connection with a TCP reset.
        case reset
        /// Writes an HTTP 200 head without length, then body bytes until the peer goes away or `total` is sent.
        case endlessBody(total: Int)
    }

    let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let state = Mutex<(open: [Int32], stopped: Bool, sent: Int)>(([], false, 0))

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        (listener, port) = try Sockets.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Body bytes written so far by `.endlessBody` connections.
    var bytesSent: Int { state.withLock { $0.sent } }

    /// Closes the listener and every open connection.
    func stop() {
        let fds = state.withLock { state -> [Int32] in
            state.stopped = true
            return state.open
        }
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { return }
            let keep = state.withLock { state -> Bool in
                if state.stopped { return false }
                state.open.append(fd)
                return true
            }
            guard keep else { close(fd); return }
            Thread { [self] in serve(fd) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = recv(fd, &buffer, buffer.count, 0)
        switch behaviour {
        case .silent:
            while recv(fd, &buffer, buffer.count, 0) > 0 {}
        case .reply(let bytes):
            _ = Sockets.sendAll(fd, bytes)
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .endlessBody(let total):
            _ = Sockets.sendAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n".utf8))
            let chunk = [UInt8](repeating: UInt8(ascii: "#"), count: 64 * 1024)
            var sent = 0
            while sent < total, Sockets.sendAll(fd, chunk) {
                sent += chunk.count
                state.withLock { $0.sent += chunk.count }
            }
        }
        state.withLock { $0.open.removeAll { $0 == fd } }
        close(fd)
    }
}

/// Socket helpers shared by the test servers.
enum Sockets {
    /// A listening socket on 127.0.0.1 with a kernel-chosen port.
    static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port nothing listens on: bound, then closed.
    static func closedPort() throws -> Int {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    /// A free port for a child process to bind.
    static func freePort() throws -> Int { try closedPort() }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Sends everything; false when the peer has gone.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}
