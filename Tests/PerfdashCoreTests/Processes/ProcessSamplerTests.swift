import Foundation
@testable import PerfdashCore
import PerfdashTestSupport
import Testing

/// The process fixture (Tests/Fixtures/processes/basic): two readings 2 s apart, CLK_TCK 100, 4 KiB pages,
/// MemTotal 1 GiB, 2 cores. Every expected value below is computed by hand in the comment beside it.
@Suite("Process sampler on a fixture tree")
struct ProcessSamplerTests {
    /// Reads reading 1 then reading 2 of the fixture through one sampler, 2 s apart.
    static func readings() throws -> [Int: ProcessReading] {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-procs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tree) }
        try FileManager.default.copyItem(at: TestPaths.fixture("processes/basic/reading1"), to: tree)
        var sampler = ProcessSampler(root: tree.path, clockTicksPerSecond: 100, pageSize: 4096)
        let first = sampler.read(seconds: 0, memoryTotalBytes: 1 << 30, cores: 2)
        #expect(first.allSatisfy { $0.cpuPercent == 0 })
        // Process files are reopened on every read, so the tree can be swapped whole.
        try FileManager.default.removeItem(at: tree.appendingPathComponent("proc"))
        try FileManager.default.copyItem(at: TestPaths.fixture("processes/basic/reading2/proc"),
                                        to: tree.appendingPathComponent("proc"))
        let second = sampler.read(seconds: 2, memoryTotalBytes: 1 << 30, cores: 2)
        return Dictionary(uniqueKeysWithValues: second.map { ($0.pid, $0) })
    }

    @Test("vanished, unreadable and malformed entries are left out without an error")
    func membership() throws {
        let byPid = try Self.readings()
        // 55 has stat but no status (it exited mid-read), 60's stat is garbage, 61's stat is a directory, 99 exited.
        #expect(Set(byPid.keys) == [1, 2, 42, 43, 44, 77])
    }

    @Test("CPU %, RSS, MEM %, I/O rates, user and start time of a process with every file")
    func init1() throws {
        let p = try #require(try Self.readings()[1])
        #expect(p.cpuPercent == 10)              // (110+60 − 100−50) ticks / 100 / 2 s · 100
        #expect(p.rssBytes == 8_388_608)        // 2048 pages · 4096
        #expect(p.memoryPercent == 0.78125)     // 8 MiB / 1 GiB · 100
        #expect(p.readBytesPerSecond == 2048)   // (5096 − 1000) / 2
        #expect(p.writeBytesPerSecond == 4096)  // 8192 / 2
        #expect(p.user == "root" && p.uid == 0 && p.parentPid == 0 && p.state == "S" && p.threads == 1)
        #expect(p.command == "/sbin/init splash" && p.name == "systemd")
        #expect(p.startUnixMs == 1_700_000_000_050) // btime + 5 ticks / 100
    }

    @Test("a name with spaces and parentheses; threads folded in; io unreadable is nil, not 0")
    func compiler() throws {
        let p = try #require(try Self.readings()[42])
        #expect(p.name == "cc1 (x) y")
        #expect(p.cpuPercent == 100)            // 200 ticks = 2 s of CPU in 2 s: one core
        #expect(p.threads == 4 && p.state == "R")
        #expect(p.rssBytes == 104_857_600 && p.memoryPercent == 9.765625)
        #expect(p.readBytesPerSecond == nil && p.writeBytesPerSecond == nil && p.ioBytesPerSecond == nil)
        #expect(p.user == "alice")              // the first passwd entry for uid 1000 wins over bob
        #expect(p.command == "cc1 -O2 main.c")
        #expect(p.startUnixMs == 1_700_000_005_000)
    }

    @Test("a reused pid starts afresh; a new process has rates of 0; kernel threads show [name]")
    func identities() throws {
        let byPid = try Self.readings()
        let reused = try #require(byPid[44])
        #expect(reused.cpuPercent == 0)          // start time changed: not 10 − 5000 ticks
        #expect(reused.user == "1001")           // no passwd entry
        #expect(reused.command == "new --flag" && reused.threads == 2)
        let new = try #require(byPid[77])
        #expect(new.cpuPercent == 0 && new.readBytesPerSecond == 0 && new.parentPid == 42)
        #expect(byPid[2]?.command == "[kthreadd]" && byPid[43]?.command == "[kworker/0:1]")
    }

    @Test("the snapshot section: counts over all, top N by the key, ties by pid")
    func section() throws {
        let all = Array(try Self.readings().values)
        let section = ProcessesSection.make(all, sortedBy: .cpu, count: 3)
        #expect(section.total == 6 && section.running == 1 && section.threads == 10 && section.ioUnreadable == 1)
        #expect(section.top.map(\.pid) == [42, 1, 2])
        #expect(ProcessesSection.make(all, sortedBy: .memory, count: 2).top.map(\.pid) == [42, 1])
        #expect(ProcessesSection.make(all, sortedBy: .pid, count: 10).top.map(\.pid) == [1, 2, 42, 43, 44, 77])
        #expect(section.flatSeries().map(\.value) == [6, 1])
    }

    @Test("CPU % is capped at 100 · cores", arguments: [1, 4])
    func ceiling(cores: Int) throws {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-ceil-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tree) }
        try FileManager.default.copyItem(at: TestPaths.fixture("processes/basic/reading1"), to: tree)
        var sampler = ProcessSampler(root: tree.path, clockTicksPerSecond: 100, pageSize: 4096)
        _ = sampler.read(seconds: 0, memoryTotalBytes: nil, cores: cores)
        try FileManager.default.removeItem(at: tree.appendingPathComponent("proc"))
        try FileManager.default.copyItem(at: TestPaths.fixture("processes/basic/reading2/proc"),
                                        to: tree.appendingPathComponent("proc"))
        // 200 ticks in 0.1 s would be 2000 %.
        let p = try #require(sampler.read(seconds: 0.1, memoryTotalBytes: nil, cores: cores).first { $0.pid == 42 })
        #expect(p.cpuPercent == 100 * Double(cores))
        #expect(p.memoryPercent == 0)
    }
}

@Suite("Process file parsers")
struct ProcessParserTests {
    @Test("stat: hostile lines are refused, never trapped on", arguments: [
        "", "42", "42 (x", "42 (x) R", "x (y) R 1 2 3", "42 (x) R 1 1 1 0 -1 0 0 0 0 0 99999999999999999999999 0",
        "99999999999 (x) R 1 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 1 1 1",
    ])
    func hostileStat(line: String) {
        #expect(throws: HostReadError.self) { try ProcessStatParser.parse(line) }
    }

    @Test("stat: utime + stime saturates instead of overflowing")
    func saturating() throws {
        let line = "7 (x) S 1 1 1 0 -1 0 0 0 0 0 18446744073709551615 5 0 0 20 0 1 0 1 1 3"
        let stat = try ProcessStatParser.parse(line)
        #expect(stat.cpuTicks == .max && stat.rssPages == 3 && stat.startTicks == 1)
    }

    @Test("status: the real uid; io: read_bytes and write_bytes")
    func statusAndIO() throws {
        #expect(try ProcessStatusParser.parse("Name:\tx\nUid:\t1000\t0\t0\t0\n") == 1000)
        #expect(throws: HostReadError.self) { try ProcessStatusParser.parse("Name:\tx\n") }
        let io = try ProcessIOParser.parse("rchar: 5\nread_bytes: 4096\nwrite_bytes: 12\n")
        #expect(io == ProcessIO(readBytes: 4096, writeBytes: 12))
    }

    @Test("cmdline: NULs and newlines become spaces; a huge one is cut with …")
    func cmdline() throws {
        #expect(try ProcessCmdlineParser.parse("a\0b c\0\nd\0\0") == "a b c  d")
        #expect(try ProcessCmdlineParser.parse("postgres: checkpointer   \0\0") == "postgres: checkpointer")
        let long = String(repeating: "x", count: 5000)
        let parsed = try ProcessCmdlineParser.parse(long)
        #expect(parsed.count == ProcessCmdlineParser.maximumLength + 1 && parsed.hasSuffix("…"))
        // A character that straddles the cut is left out whole, never shown as U+FFFD.
        let straddling = String(repeating: "x", count: ProcessCmdlineParser.maximumLength - 1) + "é€" + "tail"
        #expect(try ProcessCmdlineParser.parse(straddling)
                == String(repeating: "x", count: ProcessCmdlineParser.maximumLength - 1) + "…")
        let fourByte = String(repeating: "x", count: ProcessCmdlineParser.maximumLength - 2) + "😀"
        #expect(try ProcessCmdlineParser.parse(fourByte)
                == String(repeating: "x", count: ProcessCmdlineParser.maximumLength - 2) + "…")
        // Continuation bytes with no lead byte are not text: at most three are backed over.
        let stray = [UInt8](repeating: 0x78, count: 4090) + [UInt8](repeating: 0x80, count: 100)
        let cut = stray.withUnsafeBytes { try? ProcessCmdlineParser.parse($0) }
        #expect(cut?.utf8.count == 4090 + 3 * 3 + 3)  // three U+FFFD and "…", three bytes each
    }

    @Test("passwd: first entry per uid; broken lines skipped")
    func passwd() throws {
        let users = try PasswdParser.parse("root:x:0:0::/:/bin/sh\nbad\nu:x:99999999999:1\nalice:x:1000\nbob:x:1000:1\n")
        #expect(users == [0: "root", 1000: "alice"])
    }
}
