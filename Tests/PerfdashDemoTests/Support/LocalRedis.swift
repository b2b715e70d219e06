import Foundation
import Testing

/// A throwaway redis-server on 127.0.0.1 and a free port, no persistence; stopped by `stop()`.
final class LocalRedis {
    let port: Int
    private let process = Process()

    /// Starts redis-server and returns once it says it accepts connections (read from its log, no polling sleep).
    init() throws {
        port = try FreePort.find()
        process.executableURL = URL(fileURLWithPath: try #require(Self.which("redis-server")))
        process.arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--daemonize", "no", "--loglevel", "notice"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var log = ""
        while !log.contains("Ready to accept connections") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw RedisStartError(log: log) }
            log += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// Kills the server and waits for it to exit.
    ///
    /// SIGKILL, not SIGTERM: a child spawned from a test thread inherits that thread's blocked signals
    /// (dispatch worker threads block them all), so redis would never see a SIGTERM.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    private static func which(_ name: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/usr/sbin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    struct RedisStartError: Error, CustomStringConvertible {
        var log: String
        var description: String { "redis-server exited before it was ready:\n\(log)" }
    }
}

/// Asks the kernel for a free TCP port on 127.0.0.1 (bind to port 0, read it back, release it).
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
