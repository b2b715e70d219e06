/// The PostgreSQL half of a service entry.
public struct PostgresServiceConfig: Sendable, Equatable {
    /// Host name or address; a path (starting with `/`) is the directory of the server's Unix domain socket, as in
    /// libpq.
    public var host: String
    /// The port (5432 by default): TCP, or the number in the socket's name (`.s.PGSQL.<port>`).
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The database whose statistics are read.
    public var database: String
    /// The password, from the config file or an environment variable; never printed.
    public var password: String?
    /// The environment variable the password came from, if any.
    public var passwordEnv: String?

    /// Where libpq looks for the socket when a URL names no host (Debian's and most distributions' build).
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// Creates a config.
    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil,
                passwordEnv: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.passwordEnv = passwordEnv
    }

    /// The Unix domain socket to connect to when `host` is a directory: `<host>/.s.PGSQL.<port>`.
    public var unixSocketPath: String? {
        guard host.hasPrefix("/") else { return nil }
        return (host.hasSuffix("/") ? String(host.dropLast()) : host) + "/.s.PGSQL.\(port)"
    }

    /// Parses a libpq connection URI: `postgres://user@host:port/db` (or `postgresql://`); user defaults to
    /// `postgres`, the database to the user. A Unix domain socket is named as libpq names it: a percent-encoded
    /// directory as the host (`postgresql://user@%2Ftmp/db`), `?host=/dir` (and `&port=`), or no host at all
    /// (`postgres:///db`: `defaultSocketDirectory`). A password in the URL is refused: it would show in `ps` and in
    /// shell history; `sslmode` asking for TLS is refused too (perfdash does not speak TLS to PostgreSQL).
    public static func parse(_ text: String) throws(EndpointError) -> PostgresServiceConfig {
        var rest = Substring(text)
        let lower = rest.lowercased()
        if lower.hasPrefix("postgres://") { rest = rest.dropFirst(11) } else if lower.hasPrefix("postgresql://") {
            rest = rest.dropFirst(13)
        } else {
            throw EndpointError("expected postgres://user@host:port/database")
        }
        var parameters: [String: String] = [:]
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                parameters[String(parts[0]).percentDecoded] = parts.count > 1 ? String(parts[1]).percentDecoded : ""
            }
            rest = rest[..<query]
        }
        if let mode = parameters["sslmode"], !["disable", "allow", "prefer"].contains(mode) {
            throw EndpointError("sslmode=\(mode): perfdash does not speak TLS to PostgreSQL (use sslmode=disable, "
                                + "a trusted network, loopback or a Unix socket)")
        }
        var user = "postgres"
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            guard !userInfo.contains(":") else {
                throw EndpointError("a password in the URL is not accepted; use password_env or PGPASSWORD")
            }
            if !userInfo.isEmpty { user = String(userInfo).percentDecoded }
            rest = rest[rest.index(after: at)...]
        }
        var database = user
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty { database = String(name).percentDecoded }
            rest = rest[..<slash]
        }
        var (host, port) = try hostAndPort(rest)
        if let named = parameters["host"], !named.isEmpty { host = named }
        if let named = parameters["port"] {
            guard let number = Int(named), (1...65_535).contains(number) else {
                throw EndpointError("port \"\(named)\" is not a number in 1…65535")
            }
            port = number
        }
        if host.contains("/"), !host.hasPrefix("/") {
            throw EndpointError("a Unix socket directory must be an absolute path, not \"\(host)\"")
        }
        return PostgresServiceConfig(host: host, port: port, user: user, database: database)
    }

    /// The authority's host and port: empty for the default socket directory, a percent-encoded path for another.
    private static func hostAndPort(_ text: Substring) throws(EndpointError) -> (String, Int) {
        if text.isEmpty { return (defaultSocketDirectory, 5432) }
        guard text.hasPrefix("%") else { return try HostPort.split(text, defaultPort: 5432) }
        // An encoded path holds no raw colon: one, if any, starts the port.
        var hostText = text, port = 5432
        if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            let portText = text[text.index(after: colon)...]
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw EndpointError("port \"\(portText)\" is not a number in 1…65535")
            }
            port = number
        }
        return (String(hostText).percentDecoded, port)
    }

    /// `postgres://user@host:port/db`, or `postgres://user@/db?host=<dir>&port=<port>` for a Unix socket; without
    /// the password. `parse` reads it back to the same config.
    public var address: String {
        if unixSocketPath != nil {
            return "postgres://\(user)@/\(database)?host=\(host.percentEncodedForQuery)&port=\(port)"
        }
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(hostText):\(port)/\(database)"
    }
}

extension String {
    /// `%XX` escapes decoded (user and database names may hold `@` or `/`); the text itself when malformed.
    fileprivate var percentDecoded: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return self }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every byte but letters, digits, `/ - . _ ~` as `%XX`: a path that reads back unchanged from a query string.
    fileprivate var percentEncodedForQuery: String {
        var out = ""
        for byte in utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 128, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
                || "/-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }
}
