import Foundation

/// Where an HTTP exposition lives: scheme, host, port and request target, parsed from an `http://` or `https://` URL.
public struct HTTPEndpoint: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// True for `https://`: the fetch goes through URLSession (TLS by libcurl) instead of the NIO client.
    public var secure: Bool
    /// Host name or address.
    public var host: String
    /// TCP port (80, or 443 for https, when the URL has none).
    public var port: Int
    /// Path and query sent in the request line, starting with `/`.
    public var target: String

    /// Creates an endpoint from its parts.
    public init(host: String, port: Int, target: String, secure: Bool = false) {
        self.secure = secure
        self.host = host
        self.port = port
        self.target = target
    }

    /// Parses `http[s]://host[:port][/path][?query]`; a bare `host:port/path` is read as http.
    public init(parsing text: String) throws(EndpointError) {
        var rest = Substring(text)
        var secure = false
        if let range = rest.range(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw EndpointError("unsupported URL scheme \"\(scheme)\" (expected http or https)")
            }
            secure = scheme == "https"
            rest = rest[range.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.first == "?" { target = "/" + target }
        guard !authority.contains("@") else {
            throw EndpointError("credentials in the URL are not supported")
        }
        let (host, port) = try HostPort.split(authority, defaultPort: secure ? 443 : 80)
        self.init(host: host, port: port, target: target, secure: secure)
    }

    /// The `Host` header value: IPv6 addresses in brackets, the port only when not the scheme's default.
    public var hostHeader: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? hostText : "\(hostText):\(port)"
    }

    public var description: String { "\(secure ? "https" : "http")://\(hostHeader)\(target)" }
}

/// A URL or address that cannot be used, with the reason.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, e.g. `port 70000 is out of range`.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Splits `host:port`, `[v6]:port` or a bare host.
enum HostPort {
    static func split(_ text: Substring, defaultPort: Int?) throws(EndpointError) -> (String, Int) {
        var host = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw EndpointError("unclosed [ in \"\(text)\"") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw EndpointError("unexpected \"\(after)\" after ]")
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else { throw EndpointError("missing host in \"\(text)\"") }
        guard let portText else {
            guard let defaultPort else { throw EndpointError("missing port in \"\(text)\" (expected HOST:PORT)") }
            return (String(host), defaultPort)
        }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw EndpointError("port \"\(portText)\" is not a number in 1…65535")
        }
        return (String(host), port)
    }
}
