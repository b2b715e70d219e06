#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why one file of a process directory gave nothing: normal events on a live /proc, never errors.
public enum ProcessFileFailure: Error, Sendable, Equatable {
    /// The process exited (ENOENT, ESRCH) between listing and reading.
    case gone
    /// Not permitted (another user's /proc/PID/io when not root), or not a readable file.
    case unreadable
    /// The bytes did not parse.
    case malformed
}

/// The proc directory under a root: lists the process ids and reads one file of a process with one `pread` into
/// a buffer reused for every file of every process.
///
/// Files are opened with `openat` on the directory's descriptor and closed after the read: a process table would
/// otherwise hold hundreds of descriptors, and a descriptor kept across ticks can outlive its process's pid.
public struct ProcessDirectory: Sendable {
    /// The directory, e.g. `/proc` or `<fixture>/proc`.
    public let path: String
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// A directory at `root`/proc (it is opened on every listing, so a missing one only gives an empty list).
    public init(root: String) {
        path = HostPath.join(root, "proc")
    }

    /// The numeric entries of the directory (processes; threads are not listed there), in directory order.
    public func pids() -> [Int32] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var pids: [Int32] = []
        pids.reserveCapacity(512)
        while let entry = readdir(dir) {
            let pid = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> Int32? in
                var value: Int32 = 0
                for byte in raw {
                    if byte == 0 { break }
                    let digit = byte &- ASCII.zero
                    guard digit < 10 else { return nil }
                    let (times, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int32(digit))
                    guard !o1, !o2 else { return nil }
                    value = sum
                }
                return value > 0 ? value : nil
            }
            if let pid { pids.append(pid) }
        }
        return pids
    }

    /// Reads `pid`'s `file` and parses it with `Parser`.
    public mutating func read<Parser: ProcParser>(_ parser: Parser.Type, pid: Int32, file: String)
        -> Result<Parser.Reading, ProcessFileFailure> {
        let length: Int
        switch readWhole("\(path)/\(pid)/\(file)") {
        case .success(let count): length = count
        case .failure(let failure): return .failure(failure)
        }
        return buffer.withUnsafeBytes { raw in
            do {
                return .success(try Parser.parse(UnsafeRawBufferPointer(rebasing: raw[0..<length])))
            } catch {
                return .failure(.malformed)
            }
        }
    }

    /// Fills the buffer from the file and returns the length; grows the buffer when the file does not fit.
    private mutating func readWhole(_ filePath: String) -> Result<Int, ProcessFileFailure> {
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Self.failure(errno)) }
        defer { close(descriptor) }
        var length = 0
        while true {
            if buffer.count - length < buffer.count / 2 {
                // A hostile or huge file (a megabyte command line) is read up to 1 MiB and cut there.
                guard buffer.count < 1 << 20 else { return .success(length) }
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + length, raw.count - length, off_t(length))
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return .failure(Self.failure(code))
            }
            length += count
            // procfs returns a short read only at the end (see ProcFile): one pread for a warmed-up buffer.
            if count == 0 || length <= buffer.count / 2 { return .success(length) }
        }
    }

    private static func failure(_ code: Int32) -> ProcessFileFailure {
        code == ENOENT || code == ESRCH || code == ENOTDIR ? .gone : .unreadable
    }
}
