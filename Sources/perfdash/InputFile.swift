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
}
