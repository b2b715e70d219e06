/// One process over the last interval, as the process table and the snapshot show it.
///
/// Threads are folded into their process: the kernel sums their CPU time into the process's /proc/PID/stat and
/// `threads` counts them. CPU % is on htop's basis: 100 % is one core fully used, so a process can exceed 100 %.
public struct ProcessReading: Sendable, Equatable, Codable {
    /// The process id.
    public var pid: Int
    /// The parent's process id (0 for the kernel's first processes).
    public var parentPid: Int
    /// The real uid's user name from etc/passwd under the root, or the uid as digits when it has no entry.
    public var user: String
    /// The real uid.
    public var uid: Int
    /// The command name from /proc/PID/stat (at most 15 bytes).
    public var name: String
    /// The full command line, arguments joined by spaces; `[name]` for kernel threads, as ps shows them.
    public var command: String
    /// One letter: R running, S sleeping, D uninterruptible, Z zombie, T stopped, I idle…
    public var state: String
    /// 100 · Δ(utime + stime) / (CLK_TCK · Δt): 100 = one core.
    public var cpuPercent: Double
    /// Resident set size.
    public var rssBytes: UInt64
    /// 100 · rss / MemTotal (0 when MemTotal is unknown).
    public var memoryPercent: Double
    /// Storage bytes read per second (/proc/PID/io read_bytes); nil when the file cannot be read.
    public var readBytesPerSecond: Double?
    /// Storage bytes written per second (write_bytes); nil when the file cannot be read.
    public var writeBytesPerSecond: Double?
    /// Threads in the process.
    public var threads: Int
    /// When the process started, in milliseconds since the Unix epoch (boot time + start ticks).
    public var startUnixMs: Int64

    /// Creates a reading.
    public init(pid: Int, parentPid: Int, user: String, uid: Int, name: String, command: String, state: String,
                cpuPercent: Double, rssBytes: UInt64, memoryPercent: Double, readBytesPerSecond: Double?,
                writeBytesPerSecond: Double?, threads: Int, startUnixMs: Int64) {
        self.pid = pid
        self.parentPid = parentPid
        self.user = user
        self.uid = uid
        self.name = name
        self.command = command
        self.state = state
        self.cpuPercent = cpuPercent
        self.rssBytes = rssBytes
        self.memoryPercent = memoryPercent
        self.readBytesPerSecond = readBytesPerSecond
        self.writeBytesPerSecond = writeBytesPerSecond
        self.threads = threads
        self.startUnixMs = startUnixMs
    }

    /// Read + write bytes per second, or nil when /proc/PID/io is not readable.
    public var ioBytesPerSecond: Double? {
        guard let read = readBytesPerSecond, let write = writeBytesPerSecond else { return nil }
        return read + write
    }
}

/// The snapshot's `processes` section: counts over every process and the top N by the chosen key.
public struct ProcessesSection: Sendable, Equatable, Codable {
    /// Processes read this tick (threads folded in).
    public var total: Int
    /// Processes in state R.
    public var running: Int
    /// Threads over all processes.
    public var threads: Int
    /// Processes whose /proc/PID/io could not be read (other users' processes when not root).
    public var ioUnreadable: Int
    /// The key `top` is sorted by.
    public var sortedBy: ProcessSortKey
    /// The first N processes by `sortedBy`.
    public var top: [ProcessReading]

    /// Creates a section.
    public init(total: Int, running: Int, threads: Int, ioUnreadable: Int, sortedBy: ProcessSortKey,
                top: [ProcessReading]) {
        self.total = total
        self.running = running
        self.threads = threads
        self.ioUnreadable = ioUnreadable
        self.sortedBy = sortedBy
        self.top = top
    }

    /// The section for `processes`: counts over all, the first `count` by `key`.
    public static func make(_ processes: [ProcessReading], sortedBy key: ProcessSortKey, count: Int)
        -> ProcessesSection {
        ProcessesSection(
            total: processes.count, running: processes.reduce(0) { $0 + ($1.state == "R" ? 1 : 0) },
            threads: processes.reduce(0) { $0.addingReportingOverflow($1.threads).partialValue },
            ioUnreadable: processes.reduce(0) { $0 + ($1.readBytesPerSecond == nil ? 1 : 0) },
            sortedBy: key, top: Array(key.sorted(processes).prefix(max(0, count))))
    }

    /// `processes.total` and `processes.running`.
    public func flatSeries() -> [FlatSeries] {
        [FlatSeries(name: SeriesName.processesTotal, value: Double(total), unit: .count),
         FlatSeries(name: SeriesName.processesRunning, value: Double(running), unit: .count)]
    }
}
