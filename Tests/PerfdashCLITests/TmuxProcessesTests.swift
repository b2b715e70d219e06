import Foundation
import Testing
import PerfdashTestSupport

/// The Processes panel driven through a real terminal: sort, filter, tree, and a confirmed SIGTERM to a process the
/// test started.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct TmuxProcessesTests {
    let binary = TestPaths.perfdashBinary.path

    /// The state letter of `pid` from /proc/PID/stat ("Z" once it has exited and waits to be reaped).
    static func state(_ pid: pid_t) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(close, offsetBy: 2)...].split(separator: " ").first.map(String.init)
    }

    @Test func sortFilterTreeAndSignal() throws {
        // A process with a name nothing else has, to filter on and to signal.
        let target = try ChildProcess(["sleep", "313"])
        var reaped = false
        defer { if !reaped { target.stop() } }
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("\(binary) --interval 250ms", width: 120, height: 40)
        try tmux.waitFor { $0.contains("q quit") }
        try tmux.send("6")
        // Wait for the whole frame: a capture can land while curses is still writing one.
        let table = try tmux.waitFor {
            $0.range(of: #"\d+ processes · \d+ running"#, options: .regularExpression) != nil
                && $0.contains("CPU%▼") && $0.contains("COMMAND")
        }
        #expect(table.contains("CPU%▼") && table.contains("COMMAND"), "\(table)")
        // Sort: M by memory, > to the next column (READ/s), I reverses.
        try tmux.send("M")
        #expect(try tmux.waitFor { $0.contains("MEM%▼") }.contains("MEM%▼"))
        try tmux.send(">")
        #expect(try tmux.waitFor { $0.contains("READ/s▼") }.contains("READ/s▼"))
        try tmux.send("I")
        #expect(try tmux.waitFor { $0.contains("READ/s▲") }.contains("READ/s▲"))
        // Filter: / then the text, Enter keeps it.
        try tmux.send("/")
        try tmux.type("sleep 313")
        let filtered = try tmux.waitFor { $0.contains("1 match “sleep 313”") }
        #expect(filtered.contains("1 match “sleep 313”") && filtered.contains(" \(target.pid) "), "\(filtered)")
        // Tree on and off.
        try tmux.send("F5")
        #expect(try tmux.waitFor { $0.contains("· tree ") }.contains("· tree "))
        try tmux.send("F5")
        #expect(try tmux.waitFor { !$0.contains("· tree ") && $0.contains("flat list") }.contains("flat list"))
        // K opens the dialog on the selected (only) row; nothing is sent before Enter.
        try tmux.send("K")
        let dialog = try tmux.waitFor { $0.contains("Send a signal") }
        #expect(dialog.contains("to \(target.pid) sleep?") && dialog.contains("1 SIGTERM (15)"), "\(dialog)")
        #expect(Self.state(target.pid) == "S")
        try tmux.send("Enter")
        let sent = try tmux.waitFor { $0.contains("sent SIGTERM to \(target.pid)") }
        #expect(sent.contains("sent SIGTERM to \(target.pid)"), "\(sent)")
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while Self.state(target.pid) != "Z", clock.now < deadline { usleep(20_000) }
        #expect(target.finish() == 128 + SIGTERM)
        reaped = true
        // The process is gone: the filter now matches nothing and says so.
        #expect(try tmux.waitFor { $0.contains("no process matches") }.contains("no process matches"))
        // Esc clears the filter; F10 quits.
        try tmux.send("Escape")
        #expect(try tmux.waitFor { $0.contains("filter cleared") }.contains("filter cleared"))
        try tmux.send("F10")
        #expect(try tmux.waitFor { !$0.contains("╭ Processes") }.contains("╭ Processes") == false)
    }
}
