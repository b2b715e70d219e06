/// Where a Prometheus server's HTTP API is, and how to authenticate to it.
public struct PrometheusServer: Sendable, Equatable {
    /// How requests authenticate.
    public enum Auth: Sendable, Equatable {
        /// No `Authorization` header.
        case none
        /// `Authorization: Bearer <token>`.
        case bearer(String)
        /// `Authorization: Basic base64(user:password)`.
        case basic(user: String, password: String)

        /// The header value, nil for none.
        var header: String? {
            switch self {
            case .none: nil
            case .bearer(let token): "Bearer " + token
            case .basic(let user, let password): "Basic " + Base64.encode(Array("\(user):\(password)".utf8))
            }
        }

        /// How the panel names it (never the secret).
        public var kind: String {
            switch self {
            case .none: "none"
            case .bearer: "bearer token"
            case .basic: "basic"
            }
        }
    }

    /// The server's base URL (`https://prom.example:9090`, or with a path prefix such as `/prometheus`).
    public var endpoint: HTTPEndpoint
    /// The credentials.
    public var auth: Auth
    /// Deadline of one API request.
    public var timeout: Duration
    /// Largest answer accepted.
    public var bodyLimit: Int

    /// Default deadline of one request.
    public static let defaultTimeout: Duration = .seconds(2)

    /// Creates a server description.
    public init(endpoint: HTTPEndpoint, auth: Auth = .none, timeout: Duration = PrometheusServer.defaultTimeout,
                bodyLimit: Int = 64 * 1024 * 1024) {
        self.endpoint = endpoint
        self.auth = auth
        self.timeout = timeout
        self.bodyLimit = bodyLimit
    }

    /// The base URL as shown (no credentials are ever part of it).
    public var url: String {
        var copy = endpoint
        copy.target = basePath.isEmpty ? "" : basePath
        return copy.description.hasSuffix("/") ? String(copy.description.dropLast()) : copy.description
    }

    /// The path prefix before `/api/v1/…`, without a trailing slash.
    var basePath: String {
        var path = endpoint.target
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// Standard base64 (RFC 4648 with padding), for basic auth.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
