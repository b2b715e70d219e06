import Foundation
import PerfdashTestSupport

/// What `perfdash … --help` says: the subcommands and flags of every command, read from the built binary.
enum HelpText {
    /// Every command path (`[]` for the root, `["snapshot"]`, `["config", "check"]`…), found by walking the
    /// SUBCOMMANDS sections of `--help`.
    static func commandPaths() throws -> [[String]] {
        var found: [[String]] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            found.append(path)
            for sub in try subcommands(of: path) where sub != "help" { pending.append(path + [sub]) }
        }
        return found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    /// The `--help` text of the command at `path`.
    static func help(_ path: [String]) throws -> String {
        let run = try runPerfdash(path + ["--help"], environment: ["COLUMNS": "200", "PATH": "/usr/bin:/bin"])
        // The root's help ends with the dashboard's flags: they are the `dashboard` subcommand's, checked there.
        guard path.isEmpty, let dashboard = run.stdout.range(of: "\nDASHBOARD (") else { return run.stdout }
        return String(run.stdout[..<dashboard.lowerBound])
    }

    /// The long flags the command at `path` lists (`--interval`…), without `--help` and `--version`.
    static func flags(of path: [String]) throws -> Set<String> {
        let text = try help(path)
        var flags = Set<String>()
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            // Option lines start with the flag itself ("  -o, --output <file>" or "  --interval <duration>").
            guard trimmed.hasPrefix("-") else { continue }
            for token in trimmed.split(whereSeparator: { " ,<>=".contains($0) }) where token.hasPrefix("--") {
                let name = String(token.prefix { $0 == "-" || $0.isLetter || $0.isNumber })
                if name.count > 2 && name != "--help" && name != "--version" { flags.insert(name) }
            }
        }
        return flags
    }

    private static func subcommands(of path: [String]) throws -> [String] {
        let lines = try help(path).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  ") else { break }
            let trimmed = line.drop { $0 == " " }
            guard let name = trimmed.split(separator: " ").first, line.prefix(while: { $0 == " " }).count <= 4
            else { continue }
            names.append(String(name))
        }
        return names
    }
}
