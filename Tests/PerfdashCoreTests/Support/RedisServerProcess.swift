@testable import PerfdashCore

/// A throwaway redis-server on 127.0.0.1 and a free port, no persistence; `stop()` it in a `defer`.
final class RedisServerProcess: Sendable {
    let port: Int
    private let child: ChildProcess

    /// Starts the server and waits until it answers PING (bounded: 5 s).
    init(password: String? = nil) async throws {
        port = try Sockets.freePort()
        var arguments = ["redis-server", "--port", String(port), "--bind", "127.0.0.1", "--save", "",
                         "--appendonly", "no"]
        if let password { arguments += ["--requirepass", password] }
        child = try ChildProcess(arguments)
        let client = RedisClient(host: "127.0.0.1", port: port, timeout: .milliseconds(200))
        for _ in 0..<100 {
            // Readiness poll: the first PING that gets any reply (even NOAUTH) means the server is listening.
            if (try? await client.pipeline([["PING"]])) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw SourceError(.timeout, "redis-server on port \(port) did not start")
    }

    /// Terminates the server and reaps it.
    func stop() {
        child.stop()
    }
}
