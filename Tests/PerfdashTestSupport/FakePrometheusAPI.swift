import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for a Prometheus server's HTTP API on 127.0.0.1: each request's path and decoded parameters go to
/// `answer`, whose reply is written back as is (status, body, and an optional delay before answering).
///
/// POSIX sockets on threads, one per connection, `Connection: close`: what a request costs and what a fault looks
/// like are exactly what the handler says. `stop()` it in a `defer`.
public final class FakePrometheusAPI: Sendable {
    /// One request as the server saw it.
    public struct Request: Sendable {
        /// `/api/v1/query` or `/api/v1/query_range`.
        public var path: String
        /// Decoded query parameters.
        public var parameters: [String: String]
        /// The `Authorization` header, if any.
        public var authorization: String?

        /// A request.
        public init(path: String, parameters: [String: String], authorization: String? = nil) {
            self.path = path
            self.parameters = parameters
            self.authorization = authorization
        }
    }

    /// One reply.
    public struct Reply: Sendable {
        /// HTTP status.
        public var status: Int
        /// Body bytes.
        public var body: [UInt8]
        /// Seconds to wait before answering (a slow server).
        public var delay: Double

        /// A reply.
        public init(status: Int = 200, body: String, delay: Double = 0) {
            self.status = status
            self.body = Array(body.utf8)
            self.delay = delay
        }

        /// A successful instant vector: one sample per label set.
        public static func vector(_ samples: [([String: String], Double)], time: Double = 0) -> Reply {
            var body = #"{"status":"success","data":{"resultType":"vector","result":["#
            for (index, (labels, value)) in samples.enumerated() {
                if index > 0 { body += "," }
                body += #"{"metric":{"#
                body += labels.sorted { $0.key < $1.key }.map { "\(json($0.key)):\(json($0.value))" }
                    .joined(separator: ",")
                body += #"},"value":["# + "\(time),\"\(format(value))\"]}"
            }
            return Reply(body: body + "]}}")
        }

        /// A JSON string literal.
        private static func json(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }

        private static func format(_ value: Double) -> String {
            value.isNaN ? "NaN" : value.isInfinite ? (value > 0 ? "+Inf" : "-Inf") : "\(value)"
        }
    }

    /// The port.
    public let port: Int
    private let listener: Int32
    private let answer: @Sendable (Request) -> Reply
    private let state = Mutex<(open: [Int32], stopped: Bool, requests: [Request])>(([], false, []))

    /// Starts serving; every request gets `answer(request)`.
    public init(_ answer: @escaping @Sendable (Request) -> Reply) throws {
        self.answer = answer
        (listener, port) = try Sockets.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Every request so far.
    public var requests: [Request] { state.withLock { $0.requests } }

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
        defer {
            state.withLock { $0.open.removeAll { $0 == fd } }
            close(fd)
        }
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while !head.contains(subsequence: [13, 10, 13, 10]) {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            head += buffer[0..<count]
        }
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let target = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var authorization: String?
        for line in lines.dropFirst() where line.lowercased().hasPrefix("authorization:") {
            authorization = String(line.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces)
        }
        let parts = target.split(separator: "?", maxSplits: 1)
        var parameters: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                parameters[kv[0]] = kv.count > 1 ? kv[1] : ""
            }
        }
        let request = Request(path: String(parts.first ?? "/"), parameters: parameters, authorization: authorization)
        state.withLock { $0.requests.append(request) }
        let reply = answer(request)
        if reply.delay > 0 { usleep(useconds_t(min(reply.delay, 30) * 1_000_000)) }
        let headText = "HTTP/1.1 \(reply.status) \(reply.status == 200 ? "OK" : "Error")\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(reply.body.count)\r\nConnection: close\r\n\r\n"
        _ = Sockets.sendAll(fd, Array(headText.utf8) + reply.body)
    }
}

private extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard count >= subsequence.count else { return false }
        for start in 0...(count - subsequence.count) where self[start..<start + subsequence.count].elementsEqual(subsequence) {
            return true
        }
        return false
    }
}
