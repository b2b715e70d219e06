/// Cumulative CPU time counters from one `cpu` line of /proc/stat, in clock ticks (USER_HZ).
public struct CPUTimes: Sendable, Equatable {
    /// Ticks in user mode (guest time included).
    public var user: UInt64
    /// Ticks in user mode at low priority (guest_nice included).
    public var nice: UInt64
    /// Ticks in kernel mode.
    public var system: UInt64
    /// Ticks idle.
    public var idle: UInt64
    /// Ticks idle while I/O was outstanding.
    public var iowait: UInt64
    /// Ticks servicing hardware interrupts.
    public var irq: UInt64
    /// Ticks servicing softirqs.
    public var softirq: UInt64
    /// Ticks the hypervisor gave to other guests.
    public var steal: UInt64
    /// Already included in `user`: never add it to a total.
    public var guest: UInt64
    /// Already included in `nice`: never add it to a total.
    public var guestNice: UInt64

    /// Creates counters; fields a kernel does not report are 0.
    public init(user: UInt64 = 0, nice: UInt64 = 0, system: UInt64 = 0, idle: UInt64 = 0, iowait: UInt64 = 0,
                irq: UInt64 = 0, softirq: UInt64 = 0, steal: UInt64 = 0, guest: UInt64 = 0, guestNice: UInt64 = 0) {
        self.user = user
        self.nice = nice
        self.system = system
        self.idle = idle
        self.iowait = iowait
        self.irq = irq
        self.softirq = softirq
        self.steal = steal
        self.guest = guest
        self.guestNice = guestNice
    }
}

/// The counters of one numbered CPU (`cpuN`).
public struct CPUCoreTimes: Sendable, Equatable {
    /// N in `cpuN`; offline CPUs are absent, so ids can have gaps.
    public var id: Int
    /// The core's counters.
    public var times: CPUTimes

    /// Creates a core's counters.
    public init(id: Int, times: CPUTimes) {
        self.id = id
        self.times = times
    }
}

/// The CPU part of /proc/stat: the aggregate line and one entry per online core.
public struct CPUStat: Sendable, Equatable {
    /// The aggregate `cpu` line.
    public var total: CPUTimes
    /// The `cpuN` lines in file order.
    public var cores: [CPUCoreTimes]

    /// Creates a CPU reading.
    public init(total: CPUTimes, cores: [CPUCoreTimes]) {
        self.total = total
        self.cores = cores
    }
}

/// Parses /proc/stat's `cpu` lines; the rest of the file (the long `intr` line…) is not scanned.
public enum CPUStatParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/stat"

    /// Parses the `cpu` and `cpuN` lines at the top of the file.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> CPUStat {
        var scanner = ByteScanner(bytes)
        var total: CPUTimes?
        var cores: [CPUCoreTimes] = []
        // The cpu lines come first; stop at the first other line so the long intr line is never scanned.
        while !scanner.isAtEnd, scanner.hasPrefix("cpu") {
            guard let label = scanner.token() else { break }
            let id = try coreID(label, in: &scanner)
            let times = try times(&scanner)
            if let id {
                cores.append(CPUCoreTimes(id: id, times: times))
            } else {
                total = times
            }
            scanner.nextLine()
        }
        guard let total else {
            throw .malformed(path: relativePath, line: scanner.line, message: "expected the aggregate 'cpu' line")
        }
        return CPUStat(total: total, cores: cores)
    }

    /// nil for the aggregate `cpu` label, N for `cpuN`.
    private static func coreID(_ label: Range<Int>, in scanner: inout ByteScanner) throws(HostReadError) -> Int? {
        guard label.count > 3 else { return nil }
        var id = 0
        for position in (label.lowerBound + 3)..<label.upperBound {
            let digit = scanner.bytes[position] &- ASCII.zero
            // Linux numbers CPUs below 2^22 (CONFIG_NR_CPUS): anything else is not a core line.
            guard digit < 10, id <= maxCoreID / 10 else {
                throw .malformed(path: relativePath, line: scanner.line,
                                 message: "'\(Echo.cut(scanner.string(label)))' is not a CPU label")
            }
            id = id * 10 + Int(digit)
        }
        guard id <= maxCoreID else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "'\(Echo.cut(scanner.string(label)))' is not a CPU label")
        }
        return id
    }

    /// The highest core number accepted.
    static let maxCoreID = 1 << 22

    /// Reads the counters after the label: at least user nice system idle; later kernels add the rest.
    private static func times(_ scanner: inout ByteScanner) throws(HostReadError) -> CPUTimes {
        var times = CPUTimes()
        var count = 0
        while !scanner.isAtEndOfLine {
            scanner.skipBlanks()
            if scanner.isAtEndOfLine { break }
            guard let value = scanner.unsigned() else {
                throw .malformed(path: relativePath, line: scanner.line,
                                 message: "field \(count + 1) is not a counter in '\(scanner.lineExcerpt())'")
            }
            times.set(field: count, to: value)
            count += 1
        }
        guard count >= 4 else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected at least 4 counters, found \(count) in '\(scanner.lineExcerpt())'")
        }
        return times
    }
}

extension CPUTimes {
    /// Stores the counter at `field` (0 = user … 9 = guest_nice, /proc/stat's order); later fields are ignored.
    fileprivate mutating func set(field: Int, to value: UInt64) {
        switch field {
        case 0: user = value
        case 1: nice = value
        case 2: system = value
        case 3: idle = value
        case 4: iowait = value
        case 5: irq = value
        case 6: softirq = value
        case 7: steal = value
        case 8: guest = value
        case 9: guestNice = value
        default: break
        }
    }
}
