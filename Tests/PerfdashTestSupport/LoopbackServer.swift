import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny TCP server on 127.0.0.1 for fault tests: each accepted connection gets one scripted behaviour.
///
/// Plain POSIX sockets on a thread, so the faults (silence, garbage, an endless body) are exactly what the bytes
/// say, independent of the NIO code under test. `stop()` closes everything; call it in a `defer`.
public final class LoopbackServer: Sendable {
    /// What the server does with each connection.
    public enum Behaviour: Sendable {
        /// Accepts, reads, never answers (until stopped).
        case silent
        /// Writes these bytes and closes.
        case reply([UInt8])
        /// Reads the request, then aborts the connection with a TCP reset.
        case reset
        /// Writes an HTTP 200 head without length, then body bytes until the peer goes away or `total` is sent.
        case endlessBody(total: Int)
    }

    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let state = Mutex<(open: [Int32], stopped: Bool, sent: Int)>(([], false, 0))

    /// Starts listening on a kernel-chosen port; every connection gets `behaviour`.
    public init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        (listener, port) = try Sockets.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Body bytes written so far by `.endlessBody` connections.
    public var bytesSent: Int { state.withLock { $0.sent } }

    /// Closes the listener and every open connection.
    public func stop() {
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
