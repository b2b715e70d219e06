import Foundation
import Synchronization

/// A throwaway redis-server on 127.0.0.1 and a free port, no persistence; `stop()` it in a `defer`.
public final class RedisServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    private let child: ChildProcess
    private let stopped = Mutex(false)

    /// Starts the server and returns once its log says it accepts connections (read from its output, no polling).
    public init(password: String? = nil) throws {
        port = try Sockets.freePort()
        var arguments = ["redis-server", "--port", String(port), "--bind", "127.0.0.1", "--save", "",
                         "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice"]
        if let password { arguments += ["--requirepass", password] }
        child = try ChildProcess(arguments, output: .pipe)
        var log = ""
        while let line = child.readLine() {
            if line.contains("Ready to accept connections") { return }
            log += line + "\n"
        }
        stop()
        throw StartError(log: log)
    }

    /// Terminates the server and reaps it; later calls do nothing (the pid may belong to another process by then).
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { child.stop() }
    }

    deinit { stop() }

    /// redis-server ended before it was ready.
    public struct StartError: Error, CustomStringConvertible {
        /// What it printed.
        public var log: String
        /// The log, introduced.
        public var description: String { "redis-server exited before it was ready:\n\(log)" }
    }
}
