/// /proc/loadavg: the three load averages and the task counts.
public struct LoadAverage: Sendable, Equatable, Codable {
    /// Load average over 1 minute.
    public var oneMinute: Double
    /// Load average over 5 minutes.
    public var fiveMinutes: Double
    /// Load average over 15 minutes.
    public var fifteenMinutes: Double
    /// Runnable tasks (running or ready) at the moment of reading.
    public var tasksRunning: Int
    /// All tasks (threads) on the system.
    public var tasksTotal: Int

    /// Creates a reading.
    public init(oneMinute: Double, fiveMinutes: Double, fifteenMinutes: Double, tasksRunning: Int, tasksTotal: Int) {
        self.oneMinute = oneMinute
        self.fiveMinutes = fiveMinutes
        self.fifteenMinutes = fifteenMinutes
        self.tasksRunning = tasksRunning
        self.tasksTotal = tasksTotal
    }
}

/// Parses /proc/loadavg (`0.16 0.29 0.13 6/124 8347`).
public enum LoadAvgParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/loadavg"

    /// Parses the single line.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> LoadAverage {
        var scanner = ByteScanner(bytes)
        guard let one = scanner.decimal(), let five = scanner.decimal(), let fifteen = scanner.decimal(),
              let running = scanner.unsigned(stoppingAt: ASCII.slash), scanner.skip(past: ASCII.slash),
              let total = scanner.unsigned() else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected 'load1 load5 load15 running/total pid', found '\(scanner.lineExcerpt())'")
        }
        return LoadAverage(oneMinute: one, fiveMinutes: five, fifteenMinutes: fifteen,
                           tasksRunning: Int(clamping: running), tasksTotal: Int(clamping: total))
    }
}
