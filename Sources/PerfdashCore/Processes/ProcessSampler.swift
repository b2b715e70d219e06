#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads every process under a root and turns two readings into per-process rates.
///
/// Per process and tick it reads /proc/PID/stat and, when readable, /proc/PID/io. The slow-changing fields — the
/// uid (from status) and the command line — are read when a process is first seen, when its name changes (an
/// `exec`), and every `slowRefreshTicks` ticks after that. A process is identified by pid *and* start time, so a
/// reused pid never inherits another process's counters. A process that exits between the listing and the reads,
/// or whose files cannot be read, is simply not listed.
public struct ProcessSampler: Sendable {
    /// Ticks between re-reads of a process's uid and command line.
    public static let slowRefreshTicks = 16

    /// The root the processes are read under.
    public let root: String
    /// USER_HZ: the unit of the stat file's times.
    public let clockTicksPerSecond: Double
    /// The size of the pages rss counts.
    public let pageSize: UInt64
    /// Boot time in seconds since the epoch (proc/stat `btime`), nil when absent.
    public let bootUnixSeconds: UInt64?
    /// uid → name from etc/passwd under the root, read once.
    public let users: [UInt32: String]

    private var directory: ProcessDirectory
    private var known: [Int32: Known] = [:]
    private var tick = 0

    /// What was read about a process on an earlier tick.
    private struct Known: Sendable {
        var startTicks: UInt64
        var cpuTicks: UInt64
        var io: ProcessIO?
        var name: String
        var uid: UInt32
        var command: String
        var slowReadTick: Int
    }

    /// Opens `root`; the clock tick and page size default to this machine's (sysconf).
    public init(root: String, clockTicksPerSecond: Int? = nil, pageSize: Int? = nil, readUsers: Bool = true) {
        self.root = root
        self.clockTicksPerSecond = Double(max(1, clockTicksPerSecond ?? Int(sysconf(Int32(_SC_CLK_TCK)))))
        self.pageSize = UInt64(max(1, pageSize ?? Int(sysconf(Int32(_SC_PAGESIZE)))))
        directory = ProcessDirectory(root: root)
        bootUnixSeconds = try? ProcReader<BootTimeParser>(root: root, relativePath: CPUStatParser.relativePath).read()
        users = readUsers
            ? (try? ProcReader<PasswdParser>(root: root, relativePath: PasswdParser.relativePath).read()) ?? [:] : [:]
    }

    /// Reads every process. Rates are over `seconds` since the previous call (0 on the first: every rate is 0).
    /// `memoryTotalBytes` is the base of MEM %; `cores` bounds CPU % at 100 · cores.
    public mutating func read(seconds: Double, memoryTotalBytes: UInt64?, cores: Int) -> [ProcessReading] {
        tick &+= 1
        let pids = directory.pids()
        var readings: [ProcessReading] = []
        readings.reserveCapacity(pids.count)
        var next: [Int32: Known] = [:]
        next.reserveCapacity(pids.count)
        let cpuCeiling = 100 * Double(max(1, cores))
        for pid in pids {
            guard case .success(let stat) = directory.read(ProcessStatParser.self, pid: pid, file: "stat") else {
                continue
            }
            let previous = known[pid].flatMap { $0.startTicks == stat.startTicks ? $0 : nil }
            guard let current = refresh(stat, previous: previous) else { continue }
            next[pid] = current
            readings.append(reading(stat, current, previous: previous, seconds: seconds,
                                    memoryTotalBytes: memoryTotalBytes, cpuCeiling: cpuCeiling))
        }
        known = next
        return readings
    }

    /// The process's state for this tick: its uid and command line re-read when due; nil when it has gone.
    private mutating func refresh(_ stat: ProcessStat, previous: Known?) -> Known? {
        var current: Known
        if let previous, previous.name == stat.name, tick &- previous.slowReadTick < Self.slowRefreshTicks {
            current = previous
        } else {
            guard case .success(let uid) = directory.read(ProcessStatusParser.self, pid: stat.pid, file: "status"),
                  case .success(let command) = directory.read(ProcessCmdlineParser.self, pid: stat.pid,
                                                              file: "cmdline") else {
                return nil
            }
            current = Known(startTicks: stat.startTicks, cpuTicks: 0, io: nil, name: stat.name, uid: uid,
                            command: command.isEmpty ? "[\(stat.name)]" : command, slowReadTick: tick)
        }
        current.cpuTicks = stat.cpuTicks
        switch directory.read(ProcessIOParser.self, pid: stat.pid, file: "io") {
        case .success(let io): current.io = io
        case .failure: current.io = nil
        }
        return current
    }

    private func reading(_ stat: ProcessStat, _ current: Known, previous: Known?, seconds: Double,
                         memoryTotalBytes: UInt64?, cpuCeiling: Double) -> ProcessReading {
        var cpu = 0.0
        var read: Double? = current.io == nil ? nil : 0
        var write = read
        if let previous, seconds > 0 {
            let ticks = HostRates.delta(previous.cpuTicks, current.cpuTicks)
            cpu = min(Double(ticks) / clockTicksPerSecond / seconds * 100, cpuCeiling)
            if let before = previous.io, let after = current.io {
                read = Double(HostRates.delta(before.readBytes, after.readBytes)) / seconds
                write = Double(HostRates.delta(before.writeBytes, after.writeBytes)) / seconds
            }
        }
        let (rss, overflow) = stat.rssPages.multipliedReportingOverflow(by: pageSize)
        let rssBytes = overflow ? UInt64.max : rss
        let memory = memoryTotalBytes.map { $0 > 0 ? min(100, Double(rssBytes) / Double($0) * 100) : 0 } ?? 0
        let startMs = startUnixMs(ticks: stat.startTicks)
        return ProcessReading(
            pid: Int(stat.pid), parentPid: Int(stat.parentPid), user: users[current.uid] ?? String(current.uid),
            uid: Int(current.uid), name: stat.name, command: current.command,
            state: String(UnicodeScalar(stat.state)), cpuPercent: cpu, rssBytes: rssBytes, memoryPercent: memory,
            readBytesPerSecond: read, writeBytesPerSecond: write, threads: stat.threads, startUnixMs: startMs)
    }

    /// Boot time + `ticks` in milliseconds since the epoch; 0 when the boot time is unknown.
    public func startUnixMs(ticks: UInt64) -> Int64 {
        guard let boot = bootUnixSeconds, let bootSeconds = Int64(exactly: boot) else { return 0 }
        // Milliseconds apart, so a boot time of 1.7e9 s does not eat the tick's precision.
        let (bootMs, o1) = bootSeconds.multipliedReportingOverflow(by: 1000)
        let afterBoot = Int64(exactly: (Double(ticks) * 1000 / clockTicksPerSecond).rounded(.down)) ?? .max
        let (sum, o2) = bootMs.addingReportingOverflow(afterBoot)
        return o1 || o2 ? .max : sum
    }
}

/// Reads `btime` (boot time, seconds since the epoch) from /proc/stat.
package enum BootTimeParser: ProcParser {
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> UInt64 {
        var scanner = ByteScanner(bytes)
        while !scanner.isAtEnd {
            if scanner.hasPrefix("btime ") {
                scanner.index += 6
                if let value = scanner.unsigned() { return value }
            }
            scanner.nextLine()
        }
        throw .malformed(path: CPUStatParser.relativePath, line: scanner.line, message: "no btime line")
    }
}
