/// The fields of /proc/PID/stat that the process table uses (the counters of every thread of the process).
public struct ProcessStat: Sendable, Equatable {
    /// The process id (field 1).
    public var pid: Int32
    /// The command name between the parentheses (field 2), at most 15 bytes, kernel-truncated.
    public var name: String
    /// One letter: R running, S sleeping, D disk sleep, Z zombie, T stopped, t traced, I idle, X dead (field 3).
    public var state: UInt8
    /// The parent's pid (field 4); 0 for the kernel's first processes.
    public var parentPid: Int32
    /// utime + stime (fields 14 and 15) in clock ticks, summed over the threads by the kernel.
    public var cpuTicks: UInt64
    /// Number of threads (field 20).
    public var threads: Int
    /// Start time in clock ticks after boot (field 22): with the pid, identifies the process across readings.
    public var startTicks: UInt64
    /// Resident set size in pages (field 24).
    public var rssPages: UInt64

    /// Creates a reading.
    public init(pid: Int32, name: String, state: UInt8, parentPid: Int32, cpuTicks: UInt64, threads: Int,
                startTicks: UInt64, rssPages: UInt64) {
        self.pid = pid
        self.name = name
        self.state = state
        self.parentPid = parentPid
        self.cpuTicks = cpuTicks
        self.threads = threads
        self.startTicks = startTicks
        self.rssPages = rssPages
    }
}

/// Parses /proc/PID/stat: `pid (comm) state ppid … utime stime … num_threads … starttime vsize rss …`.
///
/// The command name may hold spaces and parentheses, so the fields are counted after the *last* `)`.
public enum ProcessStatParser: ProcParser {
    /// The file inside a process directory.
    public static let fileName = "stat"

    /// Parses the single line; a line without the expected fields is malformed.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> ProcessStat {
        var close = bytes.count - 1
        while close >= 0, bytes[close] != UInt8(ascii: ")") { close -= 1 }
        var scanner = ByteScanner(bytes)
        guard close > 0, let pidValue = scanner.unsigned(stoppingAt: UInt8(ascii: "(")),
              let pid = Int32(exactly: pidValue), scanner.skip(past: UInt8(ascii: "(")), scanner.index <= close else {
            throw malformed(scanner, "expected 'pid (comm) state …'")
        }
        let name = scanner.string(scanner.index..<close)
        scanner.index = close + 1
        // Fields are numbered from 1 as in proc(5); the scanner now stands before field 3 (state).
        guard let stateRange = scanner.token(), stateRange.count == 1 else { throw malformed(scanner, "no state") }
        let state = bytes[stateRange.lowerBound]
        var values = [UInt64](repeating: 0, count: 25)
        for field in 4...24 {
            switch field {
            case 4, 14, 15, 20, 22, 24:
                guard let value = scanner.unsigned() else { throw malformed(scanner, "field \(field) is not a count") }
                values[field] = value
            default:
                // priority and nice may be negative; tty_nr and the rest are not used.
                guard scanner.token() != nil else { throw malformed(scanner, "missing field \(field)") }
            }
        }
        let (cpu, overflow) = values[14].addingReportingOverflow(values[15])
        return ProcessStat(pid: pid, name: name, state: state, parentPid: Int32(clamping: values[4]),
                           cpuTicks: overflow ? .max : cpu, threads: Int(clamping: values[20]),
                           startTicks: values[22], rssPages: values[24])
    }

    private static func malformed(_ scanner: ByteScanner, _ message: String) -> HostReadError {
        .malformed(path: "proc/PID/stat", line: 1, message: "\(message): '\(scanner.lineExcerpt())'")
    }
}
