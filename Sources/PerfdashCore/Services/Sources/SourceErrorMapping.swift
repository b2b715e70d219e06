#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// Turns the errors NIO and the OS raise into the one-line `SourceError`s perfdash shows.
enum SourceErrorMapping {
    /// Maps any error met while scraping; `SourceError`s pass through unchanged.
    static func map(_ error: any Error, timeout: Duration) -> SourceError {
        switch error {
        case let error as SourceError:
            return error
        case let error as NIOConnectionError:
            // Several addresses may have been tried: report the first real failure.
            if let first = error.connectionErrors.first {
                return map(first.error, timeout: timeout)
            }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return SourceError(.other, "cannot resolve host \(error.host)")
            }
            return SourceError(.refused, "cannot connect to \(error.host):\(error.port)")
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .timeout(after: timeout)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return SourceError(.closed, "connection closed before a complete answer")
            default: return SourceError(.other, "connection error: \(error)")
            }
        case let error as IOError:
            return map(errno: error.errnoCode)
        case is CancellationError:
            return SourceError(.cancelled, "scrape cancelled")
        default:
            return SourceError(.other, String(describing: error))
        }
    }

    /// The wording of the OS errors a scrape meets in practice.
    static func map(errno code: Int32) -> SourceError {
        switch code {
        case ECONNREFUSED: return SourceError(.refused, "connection refused")
        case ECONNRESET: return SourceError(.closed, "connection reset by peer")
        case EPIPE: return SourceError(.closed, "connection closed by peer")
        case EHOSTUNREACH, ENETUNREACH: return SourceError(.refused, "host unreachable")
        case ETIMEDOUT: return SourceError(.timeout, "connection timed out")
        default: return SourceError(.other, String(cString: strerror(code)).lowercased())
        }
    }
}
