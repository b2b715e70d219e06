#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why reading the host failed: a missing or unreadable file, or a line that does not parse.
public enum HostReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist under the root.
    case missing(path: String)
    /// The file exists but `open` or `pread` failed with `errno`.
    case unreadable(path: String, errno: Int32)
    /// A line did not have the expected shape; `line` counts from 1.
    case malformed(path: String, line: Int, message: String)

    /// One line naming the file (and line) and what is wrong.
    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such file"
        case .unreadable(let path, let code):
            return "\(path): cannot read: \(String(cString: strerror(code)))"
        case .malformed(let path, let line, let message):
            return "\(path):\(line): \(message)"
        }
    }

    /// The same error reported against `path`: parsers name their file relative to the root, readers know the full path.
    func relocated(to path: String) -> HostReadError {
        switch self {
        case .missing: return .missing(path: path)
        case .unreadable(_, let code): return .unreadable(path: path, errno: code)
        case .malformed(_, let line, let message): return .malformed(path: path, line: line, message: message)
        }
    }
}
