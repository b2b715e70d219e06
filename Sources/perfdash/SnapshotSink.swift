#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where snapshots go: standard output, or a file opened for appending. Every `write` hands the kernel a whole
/// record before returning, so nothing sits in a user-space buffer when the run stops.
struct SnapshotSink: Sendable {
    private let descriptor: Int32
    private let name: String
    private let ownsDescriptor: Bool
    /// True when the file already held data (a CSV continued needs no second header).
    let hadContent: Bool

    /// Standard output for nil, else `path` opened with O_APPEND (created with mode 0644 when missing).
    init(path: String?) throws(CommandLineError) {
        guard let path else {
            descriptor = STDOUT_FILENO
            name = "standard output"
            ownsDescriptor = false
            hadContent = false
            return
        }
        let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw CommandLineError("--output \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        hadContent = fstat(opened, &info) == 0 && info.st_size > 0
        descriptor = opened
        name = path
        ownsDescriptor = true
    }

    /// Writes all of `text`, retrying short writes and interrupted calls.
    func write(_ text: String) throws(CommandLineError) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandLineError("writing to \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Closes a file (standard output stays open).
    func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }
}
