import Foundation
@testable import PerfdashCore
import PerfdashTestSupport
import Testing

/// perfdash's process table and filesystems against psutil and df, read on the same seconds on this machine.
@Suite("Live processes and filesystems against psutil and df", .serialized,
       .enabled(if: LiveReference.hasPsutil, "python3 with psutil is not installed (scripts/install-deps.sh)"))
struct LiveProcessTests {
    /// One process as psutil printed it.
    struct Reference: Decodable {
        let pid: Int, ppid: Int, user: String, cmdline: String, name: String, threads: Int
        let create: Double, rss: UInt64, cpu: Double, status: String
    }

    static func psutil() throws -> [Int: Reference] {
        let script = TestPaths.fixture("live/psutil_snapshot.py").path
        let run = try runProcess(["python3", script])
        #expect(run.status == 0, "\(run.stderr)")
        let decoder = JSONDecoder()
        var out: [Int: Reference] = [:]
        for line in run.stdout.split(separator: "\n") {
            let reference = try decoder.decode(Reference.self, from: Data(line.utf8))
            out[reference.pid] = reference
        }
        return out
    }

    @Test("pid, parent, user, command line, threads, start time and RSS agree with psutil for every process")
    func identities() throws {
        var sampler = ProcessSampler(root: "/")
        let ours = sampler.read(seconds: 0, memoryTotalBytes: nil, cores: 1)
        let theirs = try Self.psutil()
        let after = Dictionary(sampler.read(seconds: 0, memoryTotalBytes: nil, cores: 1).map { ($0.pid, $0) }) { a, _ in a }
        // Only processes alive in all three readings are compared: the others came or went in between.
        let stable = ours.filter { theirs[$0.pid] != nil && after[$0.pid] != nil }
        #expect(stable.count >= 5 && stable.count * 10 >= ours.count * 8, "\(stable.count) of \(ours.count)")
        for p in stable {
            let r = theirs[p.pid]!
            #expect(p.parentPid == r.ppid, "pid \(p.pid)")
            #expect(p.user == r.user, "pid \(p.pid)")
            // Start time: both are btime + starttime / CLK_TCK.
            #expect(abs(Double(p.startUnixMs) / 1000 - r.create) < 0.011, "pid \(p.pid): \(p.startUnixMs) vs \(r.create)")
            // Kernel threads rename themselves (kworker/1:1-events → …-mm_percpu_wq): compare a stable name only.
            if r.status == "zombie" || p.name != r.name || after[p.pid]?.name != p.name { continue }
            // A rewritten title (setproctitle) is padded with spaces: psutil keeps them, perfdash drops them (as ps).
            // perfdash shows one line: newlines and tabs inside arguments (`bash -c "…"`) become spaces.
            let flat = String(r.cmdline.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
            let trimmed = String(flat.reversed().drop { $0 == " " }.reversed())
            let expected = trimmed.isEmpty ? "[\(r.name)]" : trimmed
            // A process that rewrites its title (setproctitle: one "argument" with spaces, e.g. a PostgreSQL
            // backend's `idle` → `COMMIT`) can change it between the reads: only real argument vectors are compared.
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(p.pid)/cmdline"))) ?? Data()
            let body = raw.reversed().drop { $0 == 0 || $0 == 32 }.reversed()
            if !body.contains(0), body.contains(32) { continue }
            if p.command.hasSuffix("…") {
                // Cut at ProcessCmdlineParser.maximumLength bytes.
                // Bytes, not characters: the cut may fall between a letter and its combining mark.
                #expect(expected.utf8.count > ProcessCmdlineParser.maximumLength
                        && expected.utf8.starts(with: p.command.dropLast().utf8), "pid \(p.pid)")
            } else {
                #expect(p.command == expected, "pid \(p.pid)")
            }
            // Threads and RSS move while a process runs; the test's own helpers are the busiest.
            if p.pid != getpid(), after[p.pid]?.threads == p.threads {
                #expect(p.threads == r.threads, "pid \(p.pid) \(p.name)")
            }
            // RSS moves while a process runs (a compiler allocates and frees): compare those steady in our two reads.
            if p.rssBytes == after[p.pid]!.rssBytes {
                let slack = max(UInt64(1) << 20, p.rssBytes / 20)
                #expect(r.rss + slack >= p.rssBytes && r.rss <= p.rssBytes + slack, "pid \(p.pid) rss \(p.rssBytes) vs \(r.rss)")
            }
        }
    }

    @Test("a busy child: its CPU % over our interval is bracketed by psutil's CPU time around it")
    func cpu() throws {
        let burner = try ChildProcess(["python3", "-c", "while True: pass"])
        defer { burner.stop() }
        let clock = ContinuousClock()
        var sampler = ProcessSampler(root: "/")
        let pid = Int(burner.pid)
        // Give the child time to start its loop, then take psutil, us, wait, us, psutil.
        try waitUntil(deadline: .seconds(10)) {
            (try Self.psutil()[pid]?.cpu ?? 0) > 0.02
        }
        let before = try #require(try Self.psutil()[pid])
        let t0 = clock.now
        _ = sampler.read(seconds: 0, memoryTotalBytes: nil, cores: 1)
        Thread.sleep(forTimeInterval: 1.0) // the measured interval itself, not a wait for a condition
        let elapsed = t0.duration(to: clock.now).seconds
        let ours = try #require(sampler.read(seconds: elapsed, memoryTotalBytes: nil, cores: 64).first { $0.pid == pid })
        let afterRef = try #require(try Self.psutil()[pid])
        let ourSeconds = ours.cpuPercent / 100 * elapsed
        let theirs = afterRef.cpu - before.cpu
        // Our interval lies inside psutil's: never more CPU than psutil saw (+2 ticks of rounding)…
        #expect(ourSeconds <= theirs + 0.02, "ours \(ourSeconds) s, psutil \(theirs) s")
        // …and at most the time outside our interval less (the child can use one core at most).
        #expect(ourSeconds > 0, "a busy loop used no CPU")
        #expect(ourSeconds >= theirs - 1.0 - 0.02 || ourSeconds >= theirs * 0.3, "ours \(ourSeconds) s, psutil \(theirs) s")
        // python3 may be a launcher (pyenv) that execs the interpreter by its full path.
        #expect(ours.name.hasPrefix("python3") && ours.command.hasSuffix("python3 -c while True: pass"), "\(ours.command)")
    }

    @Test("filesystems: the same mount points as df, sizes equal, used and available within 64 MiB")
    func filesystems() throws {
        let run = try runProcess(["df", "-B1", "--output=target,size,used,avail,pcent"])
        #expect(run.status == 0)
        let reader = try FilesystemReader(root: "/")
        let ours = try reader.read()
        var df: [String: [UInt64]] = [:]
        for line in run.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5 else { continue }
            df[String(fields[0])] = fields[1...3].compactMap { UInt64($0) } + [UInt64(fields[4].dropLast()) ?? 999]
        }
        #expect(Set(ours.map(\.mountPoint)) == Set(df.keys))
        for fs in ours {
            guard let d = df[fs.mountPoint], d.count == 4 else { continue }
            #expect(fs.sizeBytes == d[0], "\(fs.mountPoint)")
            let slack: UInt64 = 64 << 20
            #expect(fs.usedBytes + slack >= d[1] && fs.usedBytes <= d[1] + slack, "\(fs.mountPoint)")
            #expect(fs.availableBytes + slack >= d[2] && fs.availableBytes <= d[2] + slack, "\(fs.mountPoint)")
            // df rounds Use% up.
            #expect(abs(fs.usedPercent.rounded(.up) - Double(d[3])) <= 1, "\(fs.mountPoint)")
        }
    }
}

/// Whether the reference tools are here.
enum LiveReference {
    static let hasPsutil: Bool = (try? runProcess(["python3", "-c", "import psutil"]).status) == 0
}

/// Polls `condition` until it holds or `deadline` passes (then fails the test).
func waitUntil(deadline: Duration, _ condition: () throws -> Bool) throws {
    let clock = ContinuousClock()
    let end = clock.now.advanced(by: deadline)
    while clock.now < end {
        if try condition() { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("condition not met within \(deadline)")
}
