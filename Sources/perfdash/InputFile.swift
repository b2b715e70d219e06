import Foundation
import PerfdashCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Input files named on the command line (the config file has its own loader, `ConfigLoader`).
enum InputFile {
    /// The largest file `readBytes` takes: the largest `body_limit` a service may have.
    static let maximumBytes = 1 << 30

    /// The whole file as UTF-8 text; an unreadable file is a one-line error naming it.
    static func readText(_ path: String) throws(CommandLineError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            // Foundation's messages vary by platform and run long; the C library says it in a few words.
            let reason = access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "not UTF-8 text"
            throw CommandLineError("\(path): cannot read: \(reason)")
        }
    }

    /// The whole file's bytes, read with `read(2)` straight into the array's storage (no `Data`, no chunk copied
    /// after it: a probe of a 9 MB exposition would otherwise move it twice); `nil` and `errno` set when it cannot
    /// be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        guard let (descriptor, size) = LocalFile.openForReading(path) else { return nil }
        defer { close(descriptor) }
        // The size is a hint (procfs and pipes say 0): one byte more than it lets the first read(2) of 0 end the
        // loop without growing; a file that turns out longer doubles the storage and reads on.
        // Past the largest body a service may send (1 GiB), a file is refused rather than allocated.
        let hint = size
        guard hint <= Self.maximumBytes else {
            errno = EFBIG
            return nil
        }
        var capacity = Swift.max(hint + 1, 4096)
        var bytes: [UInt8] = []
        while true {
            var atEnd = false
            var failed = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { count = 0; failed = true; return }
                adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                var filled = previous.count
                previous.withUnsafeBufferPointer { old in
                    if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
                }
                while filled < buffer.count {
                    let read = read(descriptor, base + filled, buffer.count - filled)
                    if read < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        break
                    }
                    if read == 0 {
                        atEnd = true
                        break
                    }
                    filled += read
                }
                count = filled
            }
            if failed { return nil }
            if atEnd { return bytes }
            guard bytes.count <= Self.maximumBytes else {
                errno = EFBIG
                return nil
            }
            capacity = Swift.min(capacity * 2, Self.maximumBytes + 1)
        }
    }

    /// Asks for transparent huge pages over the 2 MiB-aligned part of a large, still untouched buffer: read(2) then
    /// faults it in a few 2 MiB pages instead of one fault per 4 KiB (a tenth of `probe`'s time on a 9 MB file).
    /// Only a hint: where THP is off, or the range too small, nothing changes.
    private static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        let huge = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let stop = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard stop > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, stop - start, MADV_HUGEPAGE)
    }
}
