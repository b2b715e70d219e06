import Foundation
import Testing

/// The built dashboard driven through a real terminal (tmux): every panel key, resize, too-small notice, and a
/// terminal restored after `q`, SIGTERM and SIGHUP.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct TmuxDashboardTests {
    let binary = TestPaths.perfdashBinary.path

    /// What each panel key must show: the panel's frame title and a pattern of a live value.
    static let panels: [(key: String, title: String, live: String)] = [
        ("2", "╭ CPU ", #"tasks \d+ running of \d+"#),
        ("3", "╭ Memory ", #"used +[■·]+ +\d+(\.\d+)? (B|KiB|MiB|GiB) \d+\.\d%"#),
        ("4", "╭ Disks ", #"total +\d+(\.\d+)? (B|KiB|MiB|GiB)/s"#),
        ("5", "╭ Network ", #"lo +\d+(\.\d+)? (B|KiB|MiB|GiB)/s"#),
        ("6", "╭ Services ", "No services configured yet."),
        ("7", "╭ Autoscaler ", "No autoscaler configured yet."),
        ("8", "╭ Help: keys and formulas ", #"Memory used = MemTotal − MemAvailable"#),
        ("1", "╭ CPU ", #"busy +[■·]+ +\d+\.\d%"#),
    ]

    static func matches(_ screen: String, _ pattern: String) -> Bool {
        screen.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func everyPanelKeyShowsItsPanelWithLiveValues() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-tmux-\(getpid())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        try tmux.start("\(binary) --interval 250ms", width: 120, height: 40, directory: workDirectory.path)
        let first = try tmux.waitFor { Self.matches($0, #"busy +[■·]+ +\d+\.\d%"#) }
        #expect(first.contains("1 Overview") && first.contains("Memory") && first.contains("Network"), "\(first)")
        for panel in Self.panels {
            try tmux.send(panel.key)
            let screen = try tmux.waitFor { $0.contains(panel.title) && Self.matches($0, panel.live) }
            #expect(screen.contains(panel.title), "key \(panel.key): \(screen)")
            #expect(Self.matches(screen, panel.live), "key \(panel.key) lacks /\(panel.live)/: \(screen)")
        }
        // Tab and Shift-Tab walk the panels; ? opens help; p pauses; w and + answer in the status line.
        // From Overview: Tab → CPU, Tab → Memory, Shift-Tab → CPU (each screen differs from the one before).
        try tmux.send("Tab")
        #expect(try tmux.waitFor { $0.contains("cores · busy % history") }.contains("cores · busy % history"))
        try tmux.send("Tab")
        #expect(try tmux.waitFor { $0.contains("used = MemTotal") }.contains("used = MemTotal"))
        try tmux.send("BTab")
        #expect(try tmux.waitFor { $0.contains("cores · busy % history") }.contains("cores · busy % history"))
        try tmux.send("?")
        #expect(try tmux.waitFor { $0.contains("Help: keys") }.contains("Help: keys"))
        try tmux.send("p")
        #expect(try tmux.waitFor { $0.contains("PAUSED") }.contains("PAUSED"))
        try tmux.send("w")
        #expect(try tmux.waitFor { $0.contains("window 5m") }.contains("stats window 5m"))
        try tmux.send("+")
        #expect(try tmux.waitFor { $0.contains("interval 500ms") }.contains("interval 500ms"))
        // s writes the snapshot into the working directory and says where.
        try tmux.send("s")
        let saved = try tmux.waitFor { $0.contains("saved ") }
        let files = try FileManager.default.contentsOfDirectory(atPath: workDirectory.path)
        #expect(files.count == 1 && files[0].hasPrefix("perfdash-") && files[0].hasSuffix(".json"), "\(files)")
        #expect(saved.contains("saved " + workDirectory.appendingPathComponent(files.first ?? "?").path), "\(saved)")
    }

    @Test func resizeRedrawsAtOnceAndTinyShowsTheNotice() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(binary, width: 120, height: 40)
        try tmux.waitFor { $0.contains("q quit  ? help") }
        try tmux.resize(width: 90, height: 30)
        let resized = try tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines[29].hasSuffix("q quit  ? help ") == false && lines[29].contains("q quit")
                && lines[1].hasSuffix("╮") && lines[1].count == 90
        }
        let lines = resized.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 30 && lines[1].count == 90 && lines[1].hasSuffix("╮"), "\(resized)")
        try tmux.resize(width: 40, height: 10)
        let tiny = try tmux.waitFor { $0.contains("terminal too small") }
        #expect(tiny.contains("terminal too small") && tiny.contains("40×10, need 80×24"), "\(tiny)")
        try tmux.resize(width: 2, height: 1)
        try tmux.resize(width: 100, height: 30)
        let back = try tmux.waitFor { $0.contains("q quit  ? help") }
        #expect(back.contains("1 Overview"), "\(back)")
        #expect(try tmux.pane("pane_dead") == "0")
    }

    /// Starts the dashboard from a shell in tmux, ends it with `end`, and checks the shell got its terminal back.
    func endsCleanly(_ end: (Tmux) throws -> Void) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("bash --norc --noprofile", width: 100, height: 30, environment: ["PS1": "$ "])
        try tmux.type(binary)
        try tmux.waitFor { $0.contains("q quit  ? help") }
        #expect(try tmux.pane("alternate_on") == "1")
        try end(tmux)
        try tmux.type("stty -a | tr ';' '\\n' | grep -ow -- '-\\?echo'; echo STATUS-$?")
        let screen = try tmux.waitFor { $0.contains("STATUS-0") || $0.contains("STATUS-1") }
        #expect(screen.contains("\necho\n"), "\(screen)")
        #expect(!screen.contains("-echo"), "\(screen)")
        #expect(try tmux.pane("alternate_on") == "0")   // back on the main screen
        #expect(try tmux.pane("cursor_flag") == "1")    // cursor visible
    }

    @Test func quitRestoresTheTerminal() throws {
        try endsCleanly { try $0.send("q") }
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalRestoresTheTerminal(signal: Int32) throws {
        try endsCleanly { tmux in
            let pid = try #require(try tmux.childOfShell())
            #expect(kill(pid, signal) == 0)
            try tmux.waitFor { $0.contains("$ ") && !$0.contains("q quit  ? help") }
        }
    }

    @Test func withoutATerminalItPointsToSnapshotAndExitsTwo() throws {
        let process = Process()
        process.executableURL = TestPaths.perfdashBinary
        let err = Pipe()
        process.standardOutput = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("perfdash snapshot"))
    }
}
