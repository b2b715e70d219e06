import Foundation
@testable import PerfdashCore
@testable import PerfdashTUI
import Testing

@Suite("Processes panel")
struct ProcessesPanelTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    static func render(width: Int, height: Int, _ change: (inout DashboardState) -> Void = { _ in }) -> Canvas {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        change(&state)
        return KnownHost.render(.processes, width: width, height: height, model: KnownProcesses.model(), state: state)
    }

    @Test("columns for the width, rows by CPU, figures formatted, the selected process in full", arguments: sizes)
    func table(width: Int, height: Int) {
        let canvas = Self.render(width: width, height: height)
        let header = canvas.line(containing: "PID")
        #expect(header.contains("USER") && header.contains("CPU%▼") && header.contains("MEM%")
                && header.contains("RSS") && header.contains("THR") && header.contains("COMMAND"))
        #expect(header.contains("READ/s") == (width >= 110) && header.contains("START") == (width >= 130))
        #expect(canvas.line(containing: "╭ Processes").contains("6 processes · 1 running"))
        // By CPU: cc1 100 %, make 12.5 %, init 0.5 %, then the zeros by pid.
        let rows = canvas.lines.filter { $0.contains(" alice ") || $0.contains(" root ") }.map {
            $0.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        }
        #expect(rows.prefix(6) == ["42", "77", "1", "2", "100", "200"], "\(canvas.plainText)")
        let cc1 = canvas.line(containing: "cc1 -O2")
        #expect(cc1.contains("100.0") && cc1.contains("9.8") && cc1.contains("100 MiB") && cc1.contains(" R "))
        if width >= 110 {
            #expect(cc1.contains("n/a"))   // /proc/PID/io not readable: said, not shown as 0
            #expect(canvas.line(containing: "make -j2").contains("1.00 MiB/s"))
        }
        // The detail lines under the table: the selected (first) process, its I/O state and whole command line.
        #expect(canvas.line(containing: "pid 42 · parent 100 · alice · 4 threads · I/O not readable").isEmpty == false)
        #expect(canvas.line(containing: "cc1: /usr/lib/gcc/cc1 -O2 main.c").isEmpty == false || height < 30)
    }

    @Test("sorting by memory, reversed, and by pid", arguments: [ProcessSortKey.memory, .pid])
    func sorting(key: ProcessSortKey) {
        let canvas = Self.render(width: 120, height: 40) { $0.process.sortKey = key }
        let order = canvas.lines.compactMap { line -> Int? in
            guard line.contains(" alice ") || line.contains(" root ") else { return nil }
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        #expect(order == (key == .memory ? [42, 1, 200, 100, 77, 2] : [1, 2, 42, 77, 100, 200]))
        let reversed = Self.render(width: 120, height: 40) {
            $0.process.sortKey = key
            $0.process.reversed = true
        }
        #expect(reversed.line(containing: "PID").contains(key == .pid ? "PID▼" : "MEM%▲"))
    }

    @Test("filter by command, user or pid; no match says so", arguments: sizes)
    func filter(width: Int, height: Int) {
        let canvas = Self.render(width: width, height: height) { $0.process.filter = "MAKE" }
        #expect(canvas.line(containing: "╭ Processes").contains("1 match “MAKE”"))
        #expect(!canvas.line(containing: "make -j2").isEmpty && canvas.line(containing: "cc1 -O2").isEmpty)
        let none = Self.render(width: width, height: height) { $0.process.filter = "zzz" }
        #expect(!none.line(containing: "no process matches “zzz”").isEmpty)
    }

    @Test("tree: children under their parent with guides", arguments: sizes)
    func tree(width: Int, height: Int) {
        let canvas = Self.render(width: width, height: height) { $0.process.tree = true }
        #expect(canvas.line(containing: "/sbin/init").contains("/sbin/init splash"))
        #expect(canvas.line(containing: "-bash").contains("├─ -bash"))
        #expect(canvas.line(containing: "cc1 -O2").contains("│  ├─ /usr/lib/gcc/cc1"))
        #expect(canvas.line(containing: "make -j2").contains("│  └─ make -j2"))
        #expect(canvas.line(containing: "sshd: ").contains("└─ sshd:"))
    }

    @Test("the signal dialog: SIGTERM first, a number chooses, Enter sends, Esc sends nothing")
    func signalDialog() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.panel = .processes
        let rows = DashboardScreen.processRows(KnownProcesses.model(), state: state)
        #expect(state.apply(.signalDialog, rowCounts: [.processes: rows.count], processRows: rows) == nil)
        #expect(state.process.dialog?.pid == 42)
        let canvas = KnownHost.render(.processes, width: 80, height: 24, model: KnownProcesses.model(), state: state)
        #expect(!canvas.line(containing: "to 42 cc1?").isEmpty && !canvas.line(containing: "1 SIGTERM (15)").isEmpty)
        // Esc: nothing sent, and said so.
        #expect(state.interceptProcessKey(.escape, rows: rows) == .some(nil))
        #expect(state.process.dialog == nil && state.message == "no signal sent")
        _ = state.apply(.signalDialog, rowCounts: [.processes: rows.count], processRows: rows)
        #expect(state.interceptProcessKey(.character("5"), rows: rows) == .some(nil))
        let effect = state.interceptProcessKey(.enter, rows: rows)
        #expect(effect == .some(.sendSignal(pid: 42, signal: SIGKILL, name: "SIGKILL", startUnixMs: 1_700_000_000_000)))
        #expect(state.process.dialog == nil)
        // Other keys go to the key map when no dialog or filter is open.
        #expect(state.interceptProcessKey(.character("q"), rows: rows) == nil)
    }

    @Test("typing a filter: characters, Backspace, Enter keeps, Esc clears")
    func filterKeys() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.panel = .processes
        _ = state.apply(KnownHostKeys.action("/"), processRows: [])
        #expect(state.process.editingFilter)
        for key: Key in [.character("m"), .character("a"), .character("x"), .backspace, .character("k")] {
            _ = state.interceptProcessKey(key, rows: [])
        }
        #expect(state.process.filter == "mak")
        _ = state.interceptProcessKey(.enter, rows: [])
        #expect(!state.process.editingFilter && state.process.filter == "mak")
        _ = state.apply(.back)
        #expect(state.process.filter.isEmpty && state.message == "filter cleared")
    }

    @Test("follow keeps the selection on the process as the list reorders; ends when it exits")
    func follow() {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.panel = .processes
        var rows = KnownProcesses.all
        state.selection[.processes] = 1
        _ = state.apply(.toggleFollow, processRows: ProcessSortKey.cpu.sorted(rows))
        #expect(state.process.followPid == 77)
        rows[3].cpuPercent = 0          // make drops to the bottom of the CPU order
        let reordered = ProcessSortKey.cpu.sorted(rows)
        state.followProcess(in: reordered)
        #expect(reordered[state.selection[.processes] ?? 0].pid == 77)
        state.followProcess(in: reordered.filter { $0.pid != 77 })
        #expect(state.process.followPid == nil && state.message == "process 77 is gone: follow off")
    }

    @Test("keys: htop's on the Processes panel only; F10 quits; help closes on Esc, ?, q and h")
    func keys() {
        #expect(KeyMap.action(for: .function(5), panel: .processes) == .toggleTree)
        #expect(KeyMap.action(for: .character("K"), panel: .processes) == .signalDialog)
        #expect(KeyMap.action(for: .character(">"), panel: .processes) == .sortNext)
        #expect(KeyMap.action(for: .character("P"), panel: .overview) == .togglePause)
        #expect(KeyMap.action(for: .character("P"), panel: .processes) == .sortBy(.cpu))
        #expect(KeyMap.action(for: .function(10), panel: .processes) == .quit)
        for close: Key in [.escape, .character("?"), .character("q"), .character("h")] {
            var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
            state.panel = .processes
            _ = state.apply(.help)
            #expect(state.panel == .help)
            let effect = state.apply(KeyMap.action(for: close, panel: .help)!)
            #expect(effect == nil && state.panel == .processes, "\(close)")
        }
        #expect(PanelID.numberRange == "1 … 9, 0" && PanelID.numbered(11) == nil && PanelID.numbered(6) == .processes)
        #expect(PanelID.numbered(0) == .fleet && PanelID.numbered(10) == .findings && PanelID.numbered(99) == nil)
    }
}

/// The key map's action for a character.
enum KnownHostKeys {
    static func action(_ c: Character) -> Action { KeyMap.action(for: .character(c), panel: .processes)! }
}
