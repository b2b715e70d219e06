import Foundation
import Testing
import PerfdashTestSupport

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
        ("6", "╭ Processes ", #"\d+ processes · \d+ running"#),
        ("7", "╭ Services ", "No services configured yet."),
        ("8", "╭ Autoscaler ", "No autoscaler configured yet."),
        ("9", "╭ Alerts ", #"\d+ firing · \d+ pending · \d+ rules"#),
        ("a", "╭ Findings ", #"\d+ findings? over the last 1m"#),
        ("?", "╭ Help: keys and formulas ", #"Memory used = MemTotal − MemAvailable"#),
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
        // From Overview: Tab shows CPU (its graph's note), Shift-Tab comes back (CPU and Memory boxes side by side).
        try tmux.send("Tab")
        #expect(try tmux.waitFor { $0.contains("cores · busy % history") }.contains("cores · busy % history"))
        try tmux.send("BTab")
        let back = try tmux.waitFor { $0.contains("╭ Memory ") && !$0.contains("cores · busy % history") }
        #expect(back.contains("╭ Memory ") && !back.contains("cores · busy % history"), "\(back)")
        try tmux.send("?")
        #expect(try tmux.waitFor { $0.contains("Help: keys") }.contains("Help: keys"))
        try tmux.send("p")
        #expect(try tmux.waitFor { $0.contains("PAUSED") }.contains("PAUSED"))
        try tmux.send("w")
        #expect(try tmux.waitFor { $0.contains("window 5m") }.contains("window 5m"))
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
        #expect(back.contains("1 Over"), "\(back)")
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

    /// Ctrl-\ sends SIGQUIT, which Swift's runtime would hand to its interactive backtracer over the dashboard.
    @Test func ctrlBackslashRestoresTheTerminal() throws {
        try endsCleanly { tmux in
            try tmux.send("C-\\")
            let screen = try tmux.waitFor { $0.contains("$ ") && !$0.contains("q quit  ? help") }
            #expect(!screen.contains("crashed") && !screen.contains("backtrace"), "\(screen)")
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func aSignalRestoresTheTerminal(signal: Int32) throws {
        try endsCleanly { tmux in
            let pid = try #require(try tmux.childOfShell())
            #expect(kill(pid, signal) == 0)
            try tmux.waitFor { $0.contains("$ ") && !$0.contains("q quit  ? help") }
        }
    }

    @Test func demoShowsItsServiceUpWithAHitRateAndDrillsIn() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("\(binary) --demo --interval 250ms", width: 120, height: 40)
        try tmux.waitFor { $0.contains("q quit  ? help") }
        try tmux.send("7")
        // The demo's first scrapes need traffic in the window before a hit rate exists: poll, with a deadline.
        let table = try tmux.waitFor(timeout: .seconds(20)) {
            Self.matches($0, #"│ demo +prometheus +up .* l\d \d+\.\d% "#)
        }
        #expect(Self.matches(table, #"│ demo +prometheus +up .* l\d \d+\.\d% "#), "\(table)")
        #expect(table.contains("synthetic workload"), "\(table)")
        try tmux.send("Enter")
        // Wait for the whole frame: a capture can land while curses is still writing one.
        let detail = try tmux.waitFor {
            $0.contains("Services › demo") && Self.matches($0, #"│ l1 .* \d+\.\d% "#)
                && $0.contains("demo_request_duration_seconds")
        }
        #expect(detail.contains("Services › demo"), "\(detail)")
        #expect(Self.matches(detail, #"│ l1 .* \d+\.\d% "#), "\(detail)")
        #expect(detail.contains("demo_request_duration_seconds"), "\(detail)")
        try tmux.send("Escape")
        #expect(try tmux.waitFor { $0.contains("Worst hit") }.contains("Worst hit"))
        // --demo adds an autoscaler on the batch queue when none is configured.
        try tmux.send("8")
        let autoscaler = try tmux.waitFor { $0.contains("demo-batch") && $0.contains("service.demo.queue.batch.depth") }
        #expect(autoscaler.contains("service.demo.queue.batch.depth"))
        // Enter shows the recommendation's whole reason and the decisions in a pop-up; q closes it (and only it).
        try tmux.send("Enter")
        let popup = try tmux.waitFor { $0.contains("Autoscaler demo-batch") && $0.contains("Esc close") }
        #expect(popup.contains("Reason: ") && popup.contains("Policy: "), "\(popup)")
        try tmux.send("q")
        let closed = try tmux.waitFor { !$0.contains("Reason: ") && $0.contains("Enter/v full text") }
        #expect(closed.contains("demo-batch"), "\(closed)")
    }

    /// The demo's database tier fills every part of the PostgreSQL drill-down, even at 80×24.
    @Test func demoDatabaseTierShowsAsAPostgreSQLSource() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("\(binary) --demo --interval 250ms", width: 80, height: 24)
        try tmux.waitFor { $0.contains("? help") }
        try tmux.send("7")
        try tmux.waitFor(timeout: .seconds(20)) { Self.matches($0, #"│ demo-db +post +up .* buffers \d+(\.\d)? % "#) }
        try tmux.send("Down")
        try tmux.send("Enter")
        // Index hints need 10 sequential scans in the window: a few seconds of the demo's searches.
        let detail = try tmux.waitFor(timeout: .seconds(30)) {
            $0.contains("Services › demo-db") && $0.contains("public.listings")
                && Self.matches($0, #"PostgreSQL synthetic · \d+ tx/s"#)
        }
        for part in ["buffers", "Connections", "of 100 (3 reserved)", "active", "Top by total time", "Top by mean time",
                     "Index hints", "public.listings"] {
            #expect(detail.contains(part), "\(part) missing in\n\(detail)")
        }
    }

    @Test func aDeadServiceIsDownWhileTheHostKeepsUpdating() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        // Port 1 (tcpmux) is privileged and served nowhere on a test machine: connecting is refused at once.
        try tmux.start("\(binary) --interval 250ms --scrape dead=http://127.0.0.1:1/metrics", width: 100, height: 30)
        try tmux.waitFor { $0.contains("q quit  ? help") }
        try tmux.send("7")
        // Waits for the whole Services frame: a capture can land while the switch from Overview is half drawn.
        let down = try tmux.waitFor {
            $0.contains("connection refused") && $0.contains("v full text") && !$0.contains("Services: 1 service")
        }
        #expect(Self.matches(down, #"│ dead +prom +DOWN +connection refused · down \d+ s"#), "\(down)")
        #expect(down.contains("1 service, 1 down") == false)  // the Overview line is not on this panel
        // v: the error in full in a pop-up over the table, with its own key hints; Esc closes it.
        #expect(down.contains("Enter details  v full text  ? help"), "\(down)")
        try tmux.send("v")
        let popup = try tmux.waitFor { $0.contains("Service dead") && $0.contains("Esc close") }
        #expect(popup.contains("Error (refused): connection refused"), "\(popup)")
        #expect(Self.matches(popup, #"State: DOWN for \d+ s"#) && popup.contains("Esc Enter q close"), "\(popup)")
        try tmux.send("Escape")
        let closed = try tmux.waitFor { !$0.contains("Service dead") && $0.contains("v full text") }
        #expect(Self.matches(closed, #"│ dead +prom +DOWN +connection refused"#), "\(closed)")
        try tmux.send("2")
        let cpu = try tmux.waitFor { $0.contains("╭ CPU ") && Self.matches($0, #"tasks \d+ running"#) }
        // The CPU graph sweeps one column per tick: at 250 ms the panel changes within a second.
        let later = try tmux.waitFor(timeout: .seconds(3)) { $0 != cpu }
        #expect(later != cpu, "the CPU panel did not update while a service was down")
        try tmux.send("1")
        #expect(try tmux.waitFor { $0.contains("1 service, 1 down") }.contains("1 service, 1 down"))
    }

    @Test func theConfigFileAppliesUnlessAFlagIsGiven() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let config = scratch.file("perfdash.toml")
        try Data("interval = \"2s\"\nwindow = \"5m\"\ntheme = \"light\"\n".utf8).write(to: config)
        let fromFile = Tmux()
        defer { fromFile.kill() }
        try fromFile.start("\(binary) --config \(config.path)", width: 100, height: 30)
        let status = try fromFile.waitFor { $0.contains("q quit  ? help") }
        #expect(status.contains("interval 2s  window 5m") && status.contains("theme light"), "\(status)")
        let fromFlags = Tmux()
        defer { fromFlags.kill() }
        try fromFlags.start("\(binary) --config \(config.path) --interval 500ms --theme dusk", width: 100, height: 30)
        let flagged = try fromFlags.waitFor { $0.contains("q quit  ? help") }
        #expect(flagged.contains("interval 500ms  window 5m") && flagged.contains("theme dusk"), "\(flagged)")
    }

    @Test func aBadConfigIsOneLineWithItsPositionBeforeTheTerminalIsTouched() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let config = scratch.file("bad.toml")
        try Data("interval = \"1s\"\n[[service]]\nname = \"api\"\ntiemout = \"1s\"\n".utf8).write(to: config)
        let result = try runPerfdash(["--config", config.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(config.path):4:1: "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)  // no curses start-up sequences
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
