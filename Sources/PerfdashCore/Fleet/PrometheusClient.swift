import Foundation

/// Reads a Prometheus server's HTTP API: instant queries (`/api/v1/query`) and range queries
/// (`/api/v1/query_range`), over the same HTTP and TLS paths as service scrapes.
///
/// Every failure is a `FleetQueryError` that names the query: the server down, slow, answering non-2xx, or
/// with something that is not the API's JSON, or `status: "error"` with its own message.
public struct PrometheusClient: Sendable {
    /// The server.
    public var server: PrometheusServer

    /// Creates a client.
    public init(server: PrometheusServer) {
        self.server = server
    }

    /// Evaluates `query` at `time` (Unix seconds; nil: the server's now) and returns its samples.
    public func query(_ query: String, at time: Double?) async throws(FleetQueryError) -> [PromSample] {
        var parameters = [("query", query)]
        if let time { parameters.append(("time", Self.timeText(time))) }
        let data = try await get("/api/v1/query", parameters, query: query)
        return try PromResponse.instant(data, query: query)
    }

    /// Evaluates `query` from `start` to `end` every `step` seconds and returns each series' points.
    public func queryRange(_ query: String, start: Double, end: Double,
                           step: Double) async throws(FleetQueryError) -> [PromSeries] {
        let parameters = [("query", query), ("start", Self.timeText(start)), ("end", Self.timeText(end)),
                          ("step", Self.timeText(max(step, 0.001)))]
        let data = try await get("/api/v1/query_range", parameters, query: query)
        return try PromResponse.range(data, query: query)
    }

    /// The request target for `path` with `parameters`, percent-encoded as a query string.
    func target(_ path: String, _ parameters: [(String, String)]) -> String {
        let pairs = parameters.map { Self.encode($0.0) + "=" + Self.encode($0.1) }
        return server.basePath + path + "?" + pairs.joined(separator: "&")
    }

    private func get(_ path: String, _ parameters: [(String, String)],
                     query: String) async throws(FleetQueryError) -> [UInt8] {
        var endpoint = server.endpoint
        endpoint.target = target(path, parameters)
        var fetcher = HTTPFetcher(endpoint: endpoint, timeout: server.timeout, bodyLimit: server.bodyLimit)
        fetcher.accept = "application/json"
        fetcher.authorization = server.auth.header
        do {
            return try await fetcher.fetch().body
        } catch {
            throw FleetQueryError(query: query, kind: error.kind, reason: error.message)
        }
    }

    /// Seconds with millisecond precision, as the API takes them.
    static func timeText(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "0" }
        let milliseconds = (seconds * 1000).rounded()
        guard let whole = Int64(exactly: milliseconds) else { return "0" }
        let fraction = abs(whole % 1000)
        let head = whole / 1000
        guard fraction != 0 else { return String(head) }
        var digits = String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole < 0 && head == 0 ? "-" : "")\(head).\(digits)"
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

/// One sample of an instant vector (or a scalar, with no labels).
public struct PromSample: Sendable, Equatable {
    /// The series' labels (`__name__` included when the query keeps it).
    public var labels: [String: String]
    /// The value (NaN and ±Inf as the API writes them).
    public var value: Double
    /// The evaluation time, Unix seconds.
    public var time: Double

    /// Creates a sample.
    public init(labels: [String: String], value: Double, time: Double) {
        self.labels = labels
        self.value = value
        self.time = time
    }
}

/// One series of a range query.
public struct PromSeries: Sendable, Equatable {
    /// The series' labels.
    public var labels: [String: String]
    /// Its points, oldest first: Unix seconds and value.
    public var points: [PromPoint]

    /// Creates a series.
    public init(labels: [String: String], points: [PromPoint]) {
        self.labels = labels
        self.points = points
    }
}

/// One point of a range series.
public struct PromPoint: Sendable, Equatable {
    /// Unix seconds.
    public var time: Double
    /// The value.
    public var value: Double

    /// Creates a point.
    public init(time: Double, value: Double) {
        self.time = time
        self.value = value
    }
}

/// A query that failed: which one, and why, in one line.
public struct FleetQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The PromQL that failed.
    public var query: String
    /// The class of failure (`timeout`, `refused`, `httpStatus`, `invalidData`…).
    public var kind: SourceError.Kind
    /// The explanation.
    public var reason: String

    /// Creates an error.
    public init(query: String, kind: SourceError.Kind, reason: String) {
        self.query = query
        self.kind = kind
        self.reason = reason
    }

    /// `<reason> · query: <PromQL>` (the query shortened to 200 characters).
    public var description: String {
        let shown = query.count > 200 ? String(query.prefix(199)) + "…" : query
        return "\(reason) · query: \(shown)"
    }
}
