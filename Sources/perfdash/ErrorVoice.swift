#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PerfdashCore

/// The one way perfdash reports a failure on standard error: `perfdash: <what>: <why>`, written with one `write(2)`
/// (ArgumentParser's own path writes stderr one byte per call), every line cut so that an echoed multi-megabyte value
/// cannot flood the terminal.
enum ErrorVoice {
    /// The longest line written; messages already cut the values they echo to 80 characters.
    static let lineLimit = 1_000

    /// `message` as the user sees it: ArgumentParser's `Error: ` prefix replaced by `perfdash: `, lines cut to
    /// `lineLimit`, one trailing newline.
    static func format(_ message: String) -> String {
        var text = Substring(message)
        if text.hasPrefix("Error: ") { text = text.dropFirst("Error: ".count) }
        if text.hasPrefix("perfdash: ") { text = text.dropFirst("perfdash: ".count) }
        while text.last == "\n" { text = text.dropLast() }
        let lines = ("perfdash: " + text).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { Echo.cut($0, limit: lineLimit) }.joined(separator: "\n") + "\n"
    }

    /// Writes `message` in the perfdash voice to standard error.
    static func report(_ message: String) {
        RawOutput.writeAll(format(message), to: 2)
    }
}

/// Unbuffered output straight to a file descriptor: no stdio buffer to lose on a signal, no byte-per-call writes.
enum RawOutput {
    /// Writes every byte of `text` to `descriptor` in as few `write(2)` calls as the kernel allows; false on error.
    @discardableResult
    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
