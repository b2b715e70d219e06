import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A throwaway memcached on 127.0.0.1 and a free port (TCP only, 64 MiB); `stop()` it in a `defer`.
public final class MemcachedServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The memory limit it was started with, in bytes.
    public let limitBytes: Int
    private let child: ChildProcess
    private let stopped = Mutex(false)

    /// Starts the server and returns once it accepts connections (bounded to about 5 s).
    public init(megabytes: Int = 64) throws {
        port = try Sockets.freePort()
        limitBytes = megabytes << 20
        // memcached refuses to run as root unless told which user to become.
        let user = getuid() == 0 ? ["-u", "nobody"] : []
        child = try ChildProcess(["memcached", "-l", "127.0.0.1", "-p", String(port), "-U", "0",
                                  "-m", String(megabytes)] + user)
        do {
            try child.waitUntilListening(port: port)
        } catch {
            stop()
            throw error
        }
    }

    /// Sends `commands` (each ending in CRLF) on one connection and returns everything read until `marker`
    /// appears in the answer.
    public func send(_ commands: String, until marker: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0, Sockets.sendAll(fd, Array(commands.utf8)) else {
            throw ChildProcess.SpawnError(code: errno, command: "memcached client")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Terminates the server and reaps it; later calls do nothing.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { child.stop() }
    }

    deinit { stop() }
}
