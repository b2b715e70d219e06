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
    /// True for a regular file, which `replace` can rewrite in place.
    let isRegularFile: Bool

    /// Standard output for nil, else `path` opened with O_APPEND (created with mode 0644 when missing).
    init(path: String?) throws(CommandLineError) {
        guard let path else {
            descriptor = STDOUT_FILENO
            name = "standard output"
            ownsDescriptor = false
            hadContent = false
            isRegularFile = false
            return
        }
        // No O_APPEND: `replace` writes at an offset (pwrite ignores it under O_APPEND on Linux); `write` seeks.
        let opened = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw CommandLineError("--output \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        hadContent = fstat(opened, &info) == 0 && info.st_size > 0
        isRegularFile = info.st_mode & S_IFMT == S_IFREG
        descriptor = opened
        name = path
        ownsDescriptor = true
    }

    /// Appends all of `text`, retrying short writes and interrupted calls.
    func write(_ text: String) throws(CommandLineError) {
        if isRegularFile { lseek(descriptor, 0, SEEK_END) }
        try write(Array(text.utf8), at: nil)
    }

    /// Appends all of `bytes`, retrying short writes and interrupted calls.
    func write(_ bytes: [UInt8]) throws(CommandLineError) {
        if isRegularFile { lseek(descriptor, 0, SEEK_END) }
        try write(bytes, at: nil)
    }

    /// Replaces the last `count` bytes of a regular file with `bytes` in one pwrite, so the file holds the old
    /// document or the new one, never neither.
    func replace(last count: Int, with bytes: [UInt8]) throws(CommandLineError) {
        var info = stat()
        guard isRegularFile, fstat(descriptor, &info) == 0, Int(info.st_size) >= count else {
            return try write(bytes)
        }
        let start = Int(info.st_size) - count
        try write(bytes, at: start)
        if bytes.count < count { _ = ftruncate(descriptor, off_t(start + bytes.count)) }
    }

    private func write(_ bytes: [UInt8], at position: Int?) throws(CommandLineError) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                if let position {
                    return pwrite(descriptor, raw.baseAddress! + offset, raw.count - offset, off_t(position + offset))
                }
                return Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandLineError("writing to \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The first line of the file at `path` (at most 1 MiB of it), or nil when it cannot be read.
    static func firstLine(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { _ = Glibc.close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { return nil }
        let line = bytes[..<count].split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false)
        return line.first.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Closes a file (standard output stays open).
    func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }
}
