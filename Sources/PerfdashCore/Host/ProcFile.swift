import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file kept open and read whole with `pread` into a buffer that is reused on every read.
///
/// On procfs every `pread` at offset 0 regenerates the file, so keeping the descriptor open saves the `open`/`close`
/// of each tick. A regular file replaced by rename keeps showing its old contents: rewrite such files in place.
public final class ProcFile: Sendable {
    /// The full path that was opened.
    public let path: String
    private let descriptor: Int32
    private let buffer: Mutex<[UInt8]>

    /// Opens `path` read-only; throws `.missing` when it does not exist.
    public init(path: String, initialCapacity: Int = 4096) throws(HostReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .missing(path: path) : .unreadable(path: path, errno: code)
        }
        self.path = path
        self.descriptor = descriptor
        self.buffer = Mutex([UInt8](repeating: 0, count: max(initialCapacity, 64)))
    }

    deinit {
        close(descriptor)
    }

    /// Whether poll(2) with a zero timeout reports POLLPRI or POLLERR: procfs raises them on an open
    /// /proc/PID/mounts once its mount namespace changed, and the poll itself acknowledges the change.
    public func pollReportsChange() -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLPRI), revents: 0)
        while true {
            let ready = poll(&entry, 1, 0)
            if ready < 0, errno == EINTR { continue }
            // A failed poll says nothing: read again rather than trust the old contents.
            if ready < 0 { return true }
            return entry.revents & Int16(POLLPRI | POLLERR) != 0
        }
    }

    /// Reads the whole file and hands its bytes to `body`; the bytes are valid only inside `body`.
    public func withContents<Result: Sendable>(
        _ body: (UnsafeRawBufferPointer) throws(HostReadError) -> Result
    ) throws(HostReadError) -> Result {
        try buffer.withLock { (storage: inout [UInt8]) throws(HostReadError) -> Result in
            let length = try readWhole(into: &storage)
            // withUnsafeBytes rethrows untyped errors: carry the typed error out in a Result.
            return try storage.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                Swift.Result { () throws(HostReadError) -> Result in
                    try body(UnsafeRawBufferPointer(rebasing: raw[0..<length]))
                }
            }.get()
        }
    }

    /// Fills `storage` from offset 0 and returns the length read, growing the buffer when the file does not fit.
    ///
    /// A read that leaves more than half the buffer empty has reached the end: procfs returns short reads only when
    /// the next record would not fit, and no record is that long. So a warmed-up buffer costs one `pread`.
    private func readWhole(into storage: inout [UInt8]) throws(HostReadError) -> Int {
        var length = 0
        while true {
            if storage.count - length < storage.count / 2 {
                storage.append(contentsOf: repeatElement(0, count: storage.count))
            }
            let count = storage.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + length, raw.count - length, off_t(length))
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(path: path, errno: code)
            }
            length += count
            if count == 0 || length <= storage.count / 2 { return length }
        }
    }
}
