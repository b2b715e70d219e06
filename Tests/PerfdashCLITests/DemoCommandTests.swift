import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import PerfdashTestSupport

/// `perfdash demo` as a user runs it: the built binary on a free port, scraped over HTTP, stopped by time or signal.
@Suite struct DemoCommandTests {
    /// A running `perfdash demo` whose banner has been read.
    final class RunningDemo {
        let child: ChildProcess
        private let scratch: ScratchDirectory
        private(set) var printed = ""
        private var finished = false

        init(_ arguments: [String]) throws {
            scratch = try ScratchDirectory()
            child = try ChildProcess([TestPaths.perfdashBinary.path, "demo"] + arguments, output: .pipe,
                                     errorFile: scratch.file("stderr").path)
        }

        /// Reads stdout until the banner names the metrics URL; nil if the process ended first.
        func metricsURL() -> URL? {
            while true {
                if let range = printed.range(of: #"http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression) {
                    return URL(string: String(printed[range]))
                }
                guard let line = child.readLine() else { return nil }
                printed += line + "\n"
            }
        }

        /// Waits for exit and returns the status with everything printed on stdout and stderr.
        func finish() -> (status: Int32, stdout: String, stderr: String) {
            while let line = child.readLine() { printed += line + "\n" }
            let status = child.finish()
            finished = true
            let stderr = (try? String(contentsOf: scratch.file("stderr"), encoding: .utf8)) ?? ""
            return (status, printed, stderr)
        }

        deinit {
            if !finished { kill(child.pid, SIGKILL); _ = child.finish() }
            scratch.remove()
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
        kill(demo.child.pid, signal)
        let (status, stdout, _) = demo.finish()
        #expect(status == 0)
        #expect(stdout.contains("perfdash demo: stopped (\(name)): "))
        // The port is released: connecting now is refused.
        let port = try #require(url.port)
        #expect(!Sockets.accepts(port: port))
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
}
