import Foundation
import PerfdashCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The TOML config file (`--config FILE`). For now only its `[[autoscaler]]` tables are read; the full loader
/// (services too) replaces `autoscalers(path:)` and keeps its one-line errors.
enum ConfigFile {
    /// The autoscalers of the file at `path`, in file order; none when it has no `autoscaler` table.
    /// Errors are one line: `FILE:LINE:COLUMN: …` for TOML syntax, `FILE: autoscaler[0].step: …` for a bad value.
    static func autoscalers(path: String) throws(CommandLineError) -> [AutoscalerSpec] {
        let text = try readText(path)
        do {
            return try AutoscalerSpec.parseAll(toml: text)
        } catch {
            let place = error.line.map { "\(path):\($0):\(error.column ?? 1)" } ?? path
            let what = error.keyPath.isEmpty ? error.message : "\(error.dottedPath): \(error.message)"
            throw CommandLineError("\(place): \(oneLine(what))")
        }
    }

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

    /// TOML parser messages may span lines; the user gets one.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
