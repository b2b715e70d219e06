/// Why one scrape of one service failed, as one line a person understands.
///
/// The `kind` lets callers and tests tell failures apart without matching on text; `description` is the line
/// shown in the Services panel and by `perfdash probe`.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The source did not answer within its deadline.
        case timeout
        /// Nothing listens on the address (or the host is unreachable).
        case refused
        /// The connection closed or reset before a complete answer.
        case closed
        /// The body grew past the configured limit; the transfer was aborted.
        case bodyLimit
        /// The TLS handshake failed (untrusted or expired certificate, no common protocol).
        case tls
        /// The HTTP status was not 2xx.
        case httpStatus
        /// The peer answered with bytes that are not valid HTTP or RESP.
        case protocolViolation
        /// Redis answered a command with an error reply (`-ERR …`, `-WRONGTYPE …`).
        case serverError
        /// Authentication was refused or required.
        case authentication
        /// The answer arrived but could not be understood (e.g. a bad exposition).
        case invalidData
        /// The scrape was cancelled by its caller.
        case cancelled
        /// The exporter answered, but a label-less `*_up` gauge of its says 0: what it watches is down.
        case backendDown
        /// Anything else (DNS failure, an unexpected OS error).
        case other
    }

    /// The class of failure.
    public var kind: Kind
    /// The one-line explanation, without the service name.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The deadline error, worded the same way for every source: "timeout after 1.0 s".
    public static func timeout(after duration: Duration) -> SourceError {
        SourceError(.timeout, "timeout after \(DurationFormat.seconds(duration)) s")
    }
}
