/// What the process table and the snapshot's top N are ordered by.
///
/// Numeric keys sort the largest first (as htop and top do); pid, user, command and start sort ascending. Ties are
/// broken by pid, so the order is stable from one tick to the next.
public enum ProcessSortKey: String, Sendable, CaseIterable, Codable {
    case pid, user, command, state, cpu, rss, memory, read, write, io, threads, start

    /// The column title in the process table.
    public var title: String {
        switch self {
        case .pid: "PID"
        case .user: "USER"
        case .command: "COMMAND"
        case .state: "S"
        case .cpu: "CPU%"
        case .rss: "RSS"
        case .memory: "MEM%"
        case .read: "READ/s"
        case .write: "WRITE/s"
        case .io: "IO/s"
        case .threads: "THR"
        case .start: "START"
        }
    }

    /// Parses a flag value: a case name, with `mem` and `name` as aliases.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "mem": self = .memory
        case "name", "cmd": self = .command
        default:
            guard let key = ProcessSortKey(rawValue: text.lowercased()) else { return nil }
            self = key
        }
    }

    /// True when the natural order is largest first.
    public var descending: Bool {
        switch self {
        case .pid, .user, .command, .state, .start: false
        default: true
        }
    }

    /// `processes` in this key's order (`reversed` flips it), ties by pid ascending.
    public func sorted(_ processes: [ProcessReading], reversed: Bool = false) -> [ProcessReading] {
        let down = descending != reversed
        return processes.sorted { a, b in
            switch compare(a, b) {
            case .orderedSame: return a.pid < b.pid
            case .orderedAscending: return !down
            case .orderedDescending: return down
            }
        }
    }

    /// How `a` compares with `b` on this key alone (a missing I/O rate counts as below any rate).
    public func compare(_ a: ProcessReading, _ b: ProcessReading) -> ComparisonOrder {
        switch self {
        case .pid: return order(a.pid, b.pid)
        case .user: return order(a.user, b.user)
        case .command: return order(a.command, b.command)
        case .state: return order(a.state, b.state)
        case .cpu: return order(a.cpuPercent, b.cpuPercent)
        case .rss, .memory: return order(a.rssBytes, b.rssBytes)
        case .read: return order(a.readBytesPerSecond ?? -1, b.readBytesPerSecond ?? -1)
        case .write: return order(a.writeBytesPerSecond ?? -1, b.writeBytesPerSecond ?? -1)
        case .io: return order(a.ioBytesPerSecond ?? -1, b.ioBytesPerSecond ?? -1)
        case .threads: return order(a.threads, b.threads)
        case .start: return order(a.startUnixMs, b.startUnixMs)
        }
    }

    private func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonOrder {
        a < b ? .orderedAscending : (b < a ? .orderedDescending : .orderedSame)
    }
}

/// The result of comparing two values on one key.
public enum ComparisonOrder: Sendable {
    case orderedAscending, orderedSame, orderedDescending
}
