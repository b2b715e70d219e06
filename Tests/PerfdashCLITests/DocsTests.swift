import Foundation
import Testing
import PerfdashTestSupport

/// The documentation stays true to the binary: every flag is documented, every documented command runs, the committed
/// man pages list every flag, and the README stays short.
@Suite(.serialized) struct DocsTests {
    /// README.md and every page under docs/, as one text.
    static func documentation() throws -> String {
        let root = TestPaths.packageRoot
        var text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let docs = root.appendingPathComponent("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path).sorted() where name.hasSuffix(".md") {
            text += try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
        }
        return text
    }

    @Test func everyFlagInHelpIsDocumented() throws {
        let docs = try Self.documentation()
        var missing: [String] = []
        for path in try HelpText.commandPaths() {
            for flag in try HelpText.flags(of: path).sorted() where !docs.contains("`\(flag)") {
                missing.append("perfdash \(path.joined(separator: " ")) \(flag)")
            }
        }
        #expect(missing.isEmpty, "flags in --help that no page documents (as `\("--flag")…`): \(missing)")
    }

    /// The committed man pages (docs/man, what `scripts/install.sh --binary` installs) list every flag of every command.
    @Test func manPagesAreCurrent() throws {
        let man = TestPaths.packageRoot.appendingPathComponent("docs/man")
        var stale: [String] = []
        for path in try HelpText.commandPaths() {
            let page = man.appendingPathComponent((["perfdash"] + path).joined(separator: ".") + ".1")
            guard let text = try? String(contentsOf: page, encoding: .utf8) else {
                stale.append("\(page.lastPathComponent) is missing")
                continue
            }
            for flag in try HelpText.flags(of: path).sorted() where !text.contains("Fl -\(flag.dropFirst(2))") {
                stale.append("\(page.lastPathComponent) lacks \(flag)")
            }
        }
        #expect(stale.isEmpty, "regenerate with scripts/gen-manual.sh: \(stale)")
    }

    /// Every `perfdash …` line of a fenced block in the docs parses and starts: it may fail at run time (a file the
    /// example names does not exist here, nothing listens on the example's port), but never with a usage error
    /// (status 64) or a crash (a signal other than the timeout's SIGTERM).
    @Test func everyDocumentedCommandRuns() throws {
        let commands = try DocumentedCommands.all(in: Self.documentation())
        #expect(commands.count >= 20, "found only \(commands.count) commands")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var failures: [String] = []
        for command in commands {
            let binary = TestPaths.perfdashBinary.path
            let script = "cd '\(scratch.url.path)' && PERFDASH=\(binary); perfdash() { timeout -s TERM 3 \"$PERFDASH\" \"$@\"; }; "
                + command
            let run = try runProcess(["bash", "-c", script], environment: [
                "PATH": "/usr/bin:/bin", "HOME": scratch.url.path, "XDG_CONFIG_HOME": scratch.url.path + "/config",
                "TERM": "dumb", "REDISCLI_AUTH": "",
            ])
            // 124: the timeout stopped a command that runs until interrupted (a dashboard, `--count 0`, `demo`).
            let crashed = run.status > 128 && run.status != 128 + SIGTERM
            if run.status == 64 || crashed || run.stderr.contains("Unknown option") || run.stderr.contains("syntax error") {
                failures.append("\(command) → status \(run.status): \(run.stderr.prefix(200))")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func readmeIsShort() throws {
        let readme = TestPaths.packageRoot.appendingPathComponent("README.md")
        let size = try FileManager.default.attributesOfItem(atPath: readme.path)[.size] as? Int ?? .max
        #expect(size <= 15_000, "README.md is \(size) bytes; the rest belongs in docs/")
    }
}

/// The `perfdash …` command lines of the fenced code blocks of a Markdown text.
enum DocumentedCommands {
    /// Each command once, continuation lines joined, comments and a leading `$ ` removed, from untagged and shell
    /// blocks (not toml, swift…). Left out: output lines (`perfdash demo: …`), commands that write outside the
    /// working directory, and commands naming a host that is not loopback (tests send no traffic elsewhere).
    static func all(in markdown: String) -> [String] {
        var commands: [String] = []
        var inBlock = false
        var shellBlock = false
        var pending = ""
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") {
                if !inBlock {
                    let tag = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    shellBlock = ["", "sh", "bash", "shell", "console"].contains(tag)
                }
                inBlock.toggle()
                pending = ""
                continue
            }
            guard inBlock, shellBlock else { continue }
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("$ ") { text.removeFirst(2) }
            if !pending.isEmpty {
                text = pending + " " + text
                pending = ""
            }
            if text.hasSuffix("\\") {
                pending = String(text.dropLast())
                continue
            }
            guard text.hasPrefix("perfdash ") || text == "perfdash" || text.range(of: #"^[A-Z_]+=\S* perfdash"#,
                                                                                 options: .regularExpression) != nil
            else { continue }
            if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
            let words = text.split(separator: " ")
            text = words.joined(separator: " ")
            if let subcommand = words.dropFirst().first, subcommand.hasSuffix(":") { continue }
            if text.contains("--output /") || text.contains("> /") || !namesOnlyLoopback(text) { continue }
            if !commands.contains(text) { commands.append(text) }
        }
        return commands
    }

    /// True when every host the command names (in a URL, `NAME=HOST:PORT` or `--listen HOST:PORT`) is loopback.
    static func namesOnlyLoopback(_ command: String) -> Bool {
        let patterns = [#"[a-z]+://(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/\s?]+)"#, #"=(\[[^\]]+\]|[A-Za-z0-9.\-]+):[0-9]+"#,
                        #"--listen[ =](\[[^\]]+\]|[A-Za-z0-9.\-]+):[0-9]+"#]
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(command.startIndex..., in: command)
            for match in regex.matches(in: command, range: range) {
                guard let hostRange = Range(match.range(at: 1), in: command) else { continue }
                let host = command[hostRange]
                let loopback = host.hasPrefix("127.") || host == "localhost" || host == "[::1]" || host == "0.0.0.0"
                if !loopback { return false }
            }
        }
        return true
    }
}

/// The extraction itself: what counts as a documented command, and which hosts keep a command from running here.
@Suite struct DocumentedCommandsTests {
    @Test func extractsShellBlocksOnly() {
        let markdown = """
            ```sh
            perfdash snapshot --count 2 \\
                --format csv   # two rows
            $ perfdash probe metrics.prom
            perfdash demo: synthetic workload, metrics at http://127.0.0.1:9464/metrics
            ```
            ```toml
            perfdash = "not a command"
            ```
            `perfdash --inline` is prose.
            """
        #expect(DocumentedCommands.all(in: markdown) == ["perfdash snapshot --count 2 --format csv",
                                                         "perfdash probe metrics.prom"])
    }

    @Test(arguments: [
        ("perfdash probe http://127.0.0.1:8000/metrics", true), ("perfdash --redis a=127.0.0.1:6379", true),
        ("perfdash probe redis://localhost:6379/2", true), ("perfdash serve --listen 0.0.0.0:9464", true),
        ("perfdash probe http://10.0.0.5/metrics", false), ("perfdash --redis jobs=db.internal:6380", false),
        ("perfdash --prometheus https://user@prom.example:9090", false), ("perfdash snapshot --count 1", true),
    ])
    func loopbackOnly(command: String, expected: Bool) {
        #expect(DocumentedCommands.namesOnlyLoopback(command) == expected)
    }
}
