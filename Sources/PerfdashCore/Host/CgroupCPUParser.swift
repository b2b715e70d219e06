/// A cgroup v2 container's CPU limit (cpu.max) and CPU use and throttling counters (cpu.stat).
public struct CgroupCPU: Sendable, Equatable {
    /// cpu.max quota in microseconds per period; nil when it is `max` (no limit).
    public var quotaMicroseconds: UInt64?
    /// cpu.max period in microseconds.
    public var periodMicroseconds: UInt64
    /// cpu.stat usage_usec.
    public var usageMicroseconds: UInt64
    /// cpu.stat nr_periods: enforcement periods that have elapsed with runnable tasks.
    public var periods: UInt64
    /// cpu.stat nr_throttled: periods in which the group ran out of quota.
    public var throttledPeriods: UInt64
    /// cpu.stat throttled_usec.
    public var throttledMicroseconds: UInt64

    /// Creates counters.
    public init(quotaMicroseconds: UInt64?, periodMicroseconds: UInt64, usageMicroseconds: UInt64, periods: UInt64,
                throttledPeriods: UInt64, throttledMicroseconds: UInt64) {
        self.quotaMicroseconds = quotaMicroseconds
        self.periodMicroseconds = periodMicroseconds
        self.usageMicroseconds = usageMicroseconds
        self.periods = periods
        self.throttledPeriods = throttledPeriods
        self.throttledMicroseconds = throttledMicroseconds
    }
}

/// Parses cpu.max: `max 100000` or `150000 100000` (quota and period in µs).
public enum CgroupCPUMaxParser: ProcParser {
    /// quota (nil for `max`) and period.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> (UInt64?, UInt64) {
        var scanner = ByteScanner(bytes)
        var quota: UInt64?
        if scanner.hasPrefix("max") {
            scanner.index += 3
        } else {
            guard let value = scanner.unsigned() else { throw malformed(scanner) }
            quota = value
        }
        guard let period = scanner.unsigned(), period > 0 else { throw malformed(scanner) }
        return (quota, period)
    }

    private static func malformed(_ scanner: ByteScanner) -> HostReadError {
        .malformed(path: CgroupValueParser.directory + "/cpu.max", line: 1,
                   message: "expected '<quota|max> <period>', found '\(scanner.lineExcerpt())'")
    }
}

/// Parses cpu.stat's `key value` lines (usage_usec, nr_periods, nr_throttled, throttled_usec; absent keys are 0).
public enum CgroupCPUStatParser: ProcParser {
    /// usage_usec, nr_periods, nr_throttled, throttled_usec.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError)
        -> (usage: UInt64, periods: UInt64, throttled: UInt64, throttledMicroseconds: UInt64) {
        var scanner = ByteScanner(bytes)
        var values: [UInt64] = [0, 0, 0, 0]
        var seenUsage = false
        while !scanner.isAtEnd {
            guard let key = scanner.token() else {
                scanner.nextLine()
                continue
            }
            let slot: Int? = scanner.bytes(in: key, equal: "usage_usec") ? 0
                : scanner.bytes(in: key, equal: "nr_periods") ? 1
                : scanner.bytes(in: key, equal: "nr_throttled") ? 2
                : scanner.bytes(in: key, equal: "throttled_usec") ? 3 : nil
            if let slot {
                guard let value = scanner.unsigned() else {
                    throw .malformed(path: CgroupValueParser.directory + "/cpu.stat", line: scanner.line,
                                     message: "not a counter: '\(scanner.lineExcerpt())'")
                }
                values[slot] = value
                if slot == 0 { seenUsage = true }
            }
            scanner.nextLine()
        }
        guard seenUsage else {
            throw .malformed(path: CgroupValueParser.directory + "/cpu.stat", line: 1, message: "no usage_usec line")
        }
        return (values[0], values[1], values[2], values[3])
    }
}

/// Reads cpu.max and cpu.stat of the cgroup v2 hierarchy under a root.
public struct CgroupCPUReader: Sendable {
    private let max: ProcReader<CgroupCPUMaxParser>
    private let stat: ProcReader<CgroupCPUStatParser>

    /// Opens both files; throws `.missing` when either is absent (no cgroup v2 CPU controller here).
    public init(root: String) throws(HostReadError) {
        max = try ProcReader(root: root, relativePath: CgroupValueParser.directory + "/cpu.max")
        stat = try ProcReader(root: root, relativePath: CgroupValueParser.directory + "/cpu.stat")
    }

    /// Reads both files.
    public func read() throws(HostReadError) -> CgroupCPU {
        let (quota, period) = try max.read()
        let s = try stat.read()
        return CgroupCPU(quotaMicroseconds: quota, periodMicroseconds: period, usageMicroseconds: s.usage,
                         periods: s.periods, throttledPeriods: s.throttled, throttledMicroseconds: s.throttledMicroseconds)
    }
}
