import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `perfdash demo` as a user runs it: the built binary on a free port, scraped over HTTP, stopped by time or signal.
@Suite struct DemoCommandTests {
    /// A running `perfdash demo` whose banner has been read.
    final class RunningDemo {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        private(set) var printed = ""

        init(_ arguments: [String]) throws {
            process.executableURL = TestPaths.perfdashBinary
            process.arguments = ["demo"] + arguments
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// Reads stdout until the banner names the metrics URL; nil if the process ended first.
        func metricsURL() -> URL? {
            while true {
                if let range = printed.range(of: #"http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression) {
                    return URL(string: String(printed[range]))
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                printed += String(decoding: chunk, as: UTF8.self)
            }
        }

        /// Waits for exit and returns the status with everything printed on stdout and stderr.
        func finish() -> (status: Int32, stdout: String, stderr: String) {
            printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, printed, stderr)
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    static func scrape(_ url: URL) async throws -> String {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func runsForItsDurationServingMetrics() async throws {
        let demo = try RunningDemo(["--port", "0", "--duration", "2s"])
        let url = try #require(demo.metricsURL())
        #expect(url.port != 9464 && url.port != 0)
        #expect(demo.printed.hasPrefix("perfdash demo: synthetic workload (not a real service), metrics at \(url)"))

        let body = try await Self.scrape(url)
        #expect(body.contains("# TYPE demo_cache_hits_total counter\n"))
        #expect(body.contains("# TYPE demo_queue_depth gauge\n"))
        #expect(body.contains("# TYPE demo_request_duration_seconds histogram\n"))
        #expect(body.contains(#"demo_workload_info{kind="synthetic",l2="in-process",seed="42"} 1.0"#))

        let (status, stdout, stderr) = demo.finish()
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("perfdash demo: stopped (--duration 2s): "))
        #expect(stderr.isEmpty)
    }

    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
    func stopsCleanlyOnASignal(signal: Int32, name: String) throws {
        // --duration only as a safety net: the signal arrives long before.
        let demo = try RunningDemo(["--port", "0", "--duration", "60s", "--quiet"])
        let url = try #require(demo.metricsURL())
        kill(demo.process.processIdentifier, signal)
        let (status, stdout, _) = demo.finish()
        #expect(status == 0)
        #expect(stdout.contains("perfdash demo: stopped (\(name)): "))
        // The port is released: connecting now is refused.
        let port = try #require(url.port)
        #expect(!Self.accepts(port: port))
    }

    @Test(arguments: [
        (["--redis", "nohost"], "--redis expects HOST:PORT, got 'nohost'"),
        (["--duration", "soon"], "--duration: expected a time like 10s, 2m, 500ms or 1h, got 'soon'"),
        (["--port", "70000"], "--port must be 0…65535, got 70000"),
    ])
    func badArgumentsGiveOneLine(arguments: [String], message: String) throws {
        let demo = try RunningDemo(arguments)
        let (status, stdout, stderr) = demo.finish()
        #expect(status != 0)
        #expect(stderr.contains(message), "\(stderr)")
        #expect(!stdout.contains("metrics at"))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
