import ArgumentParser
import Foundation
import PerfdashCore

/// How perfdash ends on an error: the whole message in one write(2) — ArgumentParser's own path writes stderr one
/// byte per call — with every line cut so an echoed multi-megabyte value cannot flood the terminal.
enum ErrorOutput {
    /// The longest line written: our own messages cut echoed values to 80 characters already (a list of known keys
    /// runs to about 300); this catches ArgumentParser's, which repeat a bad flag value whole.
    static let lineLimit = 1000

    /// Prints `error` the way ArgumentParser would (help and --version to stdout) and exits with its code.
    static func exit<Command: ParsableCommand>(_ error: any Error, as command: Command.Type) -> Never {
        let code = Command.exitCode(for: error)
        let text = Command.fullMessage(for: error)
        if !text.isEmpty {
            if code.isSuccess {
                write(text + "\n", to: STDOUT_FILENO)
            } else {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                write(lines.map { Echo.cut($0, limit: lineLimit) }.joined(separator: "\n") + "\n", to: STDERR_FILENO)
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// Writes all of `text` with as few write(2) calls as the kernel allows (one, for anything a terminal takes).
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
