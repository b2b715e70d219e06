import Foundation
public import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP GET of an exposition: the body bytes and content type, within a deadline and a body limit.
///
/// Plain http runs on NIO so the deadline, the streaming body limit and the error wording are exact on Linux.
/// `https://` endpoints go through URLSession (TLS by the system libcurl and OpenSSL, trusting the system CA store)
/// with the same header, limits and wording; see `URLSessionFetch`.
public struct HTTPFetcher: Sendable {
    /// The `Accept` header: OpenMetrics first, Prometheus text 0.0.4 second, anything else last.
    public static let acceptHeader =
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
    /// The default deadline for the whole exchange (connect, request, full body).
    public static let defaultTimeout: Duration = .seconds(1)
    /// The default body limit: 32 MiB.
    public static let defaultBodyLimit = 32 * 1024 * 1024

    /// Where to GET.
    public var endpoint: HTTPEndpoint
    /// Deadline for the whole exchange.
    public var timeout: Duration
    /// Largest body accepted, in bytes; the transfer is aborted as soon as it is exceeded.
    public var bodyLimit: Int
    /// The event loops to run on.
    public var group: any EventLoopGroup
    /// The `Accept` header sent (the exposition formats unless a caller wants something else, e.g. JSON).
    public var accept: String = HTTPFetcher.acceptHeader
    /// An `Authorization` header value (`Bearer …`, `Basic …`), never logged or shown; nil: none.
    public var authorization: String?

    /// Creates a fetcher; `group` defaults to NIO's shared event loops.
    public init(endpoint: HTTPEndpoint, timeout: Duration = HTTPFetcher.defaultTimeout,
                bodyLimit: Int = HTTPFetcher.defaultBodyLimit,
                group: (any EventLoopGroup)? = nil) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.bodyLimit = bodyLimit
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
    }

    /// Performs the GET; throws a `SourceError` for every failure (timeout, refused, non-2xx, over limit, garbage).
    public func fetch() async throws(SourceError) -> HTTPScrapeResult {
        if endpoint.secure {
            return try await fetchWithURLSession()
        }
        let clock = ContinuousClock()
        let start = clock.now
        var headers: HTTPHeaders = [
            "Host": endpoint.hostHeader,
            "Accept": accept,
            "User-Agent": "perfdash/\(PerfdashCore.version)",
            "Connection": "close",
        ]
        if let authorization { headers.add(name: "Authorization", value: authorization) }
        let request = HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.target, headers: headers)
        let limit = bodyLimit
        let response = try await NIOExchange.run(
            host: endpoint.host, port: endpoint.port, timeout: timeout, group: group
        ) { channel, promise in
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(
                HTTPResponseCollector(request: request, bodyLimit: limit, promise: promise))
        }
        return HTTPScrapeResult(body: response.body, contentType: response.contentType, status: response.status,
                                duration: clock.now - start)
    }

    /// The URLSession path, for https (and, in tests, for plain http to check its limits without TLS trust).
    func fetchWithURLSession() async throws(SourceError) -> HTTPScrapeResult {
        guard let url = URL(string: endpoint.description) else {
            throw SourceError(.other, "cannot form a URL from \(endpoint)")
        }
        return try await URLSessionFetch.run(url: url, timeout: timeout, bodyLimit: bodyLimit, accept: accept,
                                             authorization: authorization)
    }
}

/// What one successful GET returned.
public struct HTTPScrapeResult: Sendable, Equatable {
    /// The body, complete.
    public var body: [UInt8]
    /// The `Content-Type` header, if any (selects Prometheus text or OpenMetrics).
    public var contentType: String?
    /// The HTTP status (always 2xx here).
    public var status: Int
    /// Time from connect to the last body byte.
    public var duration: Duration

    /// Creates a result.
    public init(body: [UInt8], contentType: String?, status: Int, duration: Duration) {
        self.body = body
        self.contentType = contentType
        self.status = status
        self.duration = duration
    }
}
