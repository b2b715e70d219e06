import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Input files named on the command line (the config file has its own loader, `ConfigLoader`).
enum InputFile {
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

    /// The whole file's bytes, read with one `read(2)` per chunk straight into the array (no `Data` copy: a probe of a
    /// 9 MB exposition would otherwise copy it twice); `nil` and `errno` set when it cannot be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            errno = EISDIR
            return nil
        }
        // The size is a hint (procfs and pipes say 0); the loop reads until end of file whatever it says.
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(clamping: Swift.max(status.st_size, 0)) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
