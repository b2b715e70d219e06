import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway Prometheus server on 127.0.0.1 (Debian's `prometheus`), with its own config and storage in a
/// scratch directory and a 1 s scrape and evaluation interval; `stop()` it in a `defer`.
public final class PrometheusProcess: Sendable {
    /// The port of its web UI and API.
    public let port: Int
    private let child: ChildProcess

    /// Writes `prometheus.yml` with one job per entry of `jobs` (name → `host:port` targets), plus a job
    /// `prometheus` scraping the server itself when `scrapeSelf`, and starts the server; returns once `/-/ready`
    /// answers 200 (within `deadline`).
    public init(jobs: [(name: String, targets: [String])], scrapeSelf: Bool = false, in scratch: ScratchDirectory,
                deadline: Duration = .seconds(30)) throws {
        port = try Sockets.freePort()
        let jobs = jobs + (scrapeSelf ? [("prometheus", ["127.0.0.1:\(port)"])] : [])
        var config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n  scrape_timeout: 900ms\n"
        config += "scrape_configs:\n"
        for job in jobs {
            config += "  - job_name: \"\(job.name)\"\n    static_configs:\n      - targets: ["
                + job.targets.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        }
        let configPath = scratch.file("prometheus.yml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        child = try ChildProcess([
            "prometheus", "--config.file=\(configPath)", "--storage.tsdb.path=\(scratch.file("data").path)",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
            "--web.console.templates=\(scratch.url.path)", "--web.console.libraries=\(scratch.url.path)",
        ], errorFile: scratch.file("prometheus.log").path)
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        while clock.now < end {
            if SimpleHTTP.get(port: port, path: "/-/ready")?.status == 200 { return }
            usleep(50_000)
        }
        child.stop()
        throw ChildProcess.SpawnError(code: ETIMEDOUT, command: "prometheus (not ready within \(deadline))")
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Terminates the server and reaps it.
    public func stop() { child.stop() }
}

/// A real node_exporter (Debian's `prometheus-node-exporter`) on 127.0.0.1 with the collectors the Fleet reads.
public final class NodeExporterProcess: Sendable {
    /// Its port.
    public let port: Int
    private let child: ChildProcess

    /// Starts it and returns once it accepts connections (within 10 s).
    public init() throws {
        port = try Sockets.freePort()
        child = try ChildProcess([
            "prometheus-node-exporter", "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults",
            "--collector.cpu", "--collector.meminfo", "--collector.loadavg", "--collector.diskstats",
            "--collector.netdev", "--collector.filesystem", "--collector.pressure",
        ])
        try child.waitUntilListening(port: port)
    }

    /// `127.0.0.1:<port>`.
    public var target: String { "127.0.0.1:\(port)" }

    /// Terminates it.
    public func stop() { child.stop() }
}

/// Plain HTTP/1.1 GETs over a socket, for test plumbing (readiness, fetching an exposition for promtool).
public enum SimpleHTTP {
    /// GETs `path` from 127.0.0.1:`port`; nil when nothing answers.
    public static func get(port: Int, path: String, accept: String? = nil) -> (status: Int, body: String)? {
        request("GET", port: port, path: path, accept: accept).map { ($0.status, $0.body) }
    }

    /// Sends `method path` to 127.0.0.1:`port`; the status, the `Content-Type` and the body, nil when nothing answers.
    public static func request(_ method: String, port: Int, path: String,
                               accept: String? = nil) -> (status: Int, contentType: String, body: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let accept { request += "Accept: \(accept)\r\n" }
        guard Sockets.sendAll(fd, Array((request + "\r\n").utf8)) else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let headLines = text[..<split.lowerBound].split(separator: "\r\n")
        let status = headLines.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let contentType = headLines.first { $0.lowercased().hasPrefix("content-type:") }
            .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        return (status, contentType, String(text[split.upperBound...]))
    }
}
