/// One line of a pressure file: the share of time some (or all) runnable tasks were stalled on the resource.
public struct PressureLine: Sendable, Equatable {
    /// Running average over 10 s, percent.
    public var avg10: Double
    /// Running average over 60 s, percent.
    public var avg60: Double
    /// Running average over 300 s, percent.
    public var avg300: Double
    /// Total stall time since boot, microseconds.
    public var totalMicroseconds: UInt64

    /// Creates a line.
    public init(avg10: Double, avg60: Double, avg300: Double, totalMicroseconds: UInt64) {
        self.avg10 = avg10
        self.avg60 = avg60
        self.avg300 = avg300
        self.totalMicroseconds = totalMicroseconds
    }
}

/// One pressure file: `some` always, `full` when the kernel reports it (cpu's `full` since Linux 5.13).
public struct PressureFile: Sendable, Equatable {
    /// At least one task stalled.
    public var some: PressureLine
    /// All non-idle tasks stalled at once.
    public var full: PressureLine?

    /// Creates a reading.
    public init(some: PressureLine, full: PressureLine?) {
        self.some = some
        self.full = full
    }
}

/// Parses /proc/pressure/cpu|memory|io (`some avg10=0.00 avg60=0.00 avg300=0.00 total=0`, then `full …`).
public enum PressureParser: ProcParser {
    /// The directory of the three files, relative to the root.
    public static let directory = "proc/pressure"

    /// Both lines; a file without a well-formed `some` line is malformed.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> PressureFile {
        var scanner = ByteScanner(bytes)
        var some: PressureLine?, full: PressureLine?
        while !scanner.isAtEnd {
            let isSome = scanner.hasPrefix("some "), isFull = scanner.hasPrefix("full ")
            if isSome || isFull {
                scanner.index += 5
                guard let line = line(&scanner) else {
                    throw .malformed(path: directory, line: scanner.line,
                                     message: "expected 'avg10=… avg60=… avg300=… total=…', found '\(scanner.lineExcerpt())'")
                }
                if isSome { some = line } else { full = line }
            }
            scanner.nextLine()
        }
        guard let some else { throw .malformed(path: directory, line: 1, message: "no 'some' line") }
        return PressureFile(some: some, full: full)
    }

    private static func line(_ scanner: inout ByteScanner) -> PressureLine? {
        let equals = UInt8(ascii: "=")
        guard scanner.skip(past: equals), let avg10 = scanner.decimal(),
              scanner.skip(past: equals), let avg60 = scanner.decimal(),
              scanner.skip(past: equals), let avg300 = scanner.decimal(),
              scanner.skip(past: equals), let total = scanner.unsigned() else { return nil }
        return PressureLine(avg10: avg10, avg60: avg60, avg300: avg300, totalMicroseconds: total)
    }
}

/// The three pressure files; each is nil when absent (a kernel without PSI, or PSI disabled at boot).
public struct PressureSample: Sendable, Equatable {
    /// /proc/pressure/cpu.
    public var cpu: PressureFile?
    /// /proc/pressure/memory.
    public var memory: PressureFile?
    /// /proc/pressure/io.
    public var io: PressureFile?

    /// Creates a sample.
    public init(cpu: PressureFile?, memory: PressureFile?, io: PressureFile?) {
        self.cpu = cpu
        self.memory = memory
        self.io = io
    }
}

/// Reads the pressure files that exist under a root, kept open.
public struct PressureReader: Sendable {
    private let files: [ProcReader<PressureParser>?]

    /// Opens the files; nil when none exists.
    public init?(root: String) {
        files = ["cpu", "memory", "io"].map { name in
            try? ProcReader<PressureParser>(root: root, relativePath: PressureParser.directory + "/" + name)
        }
        if files.allSatisfy({ $0 == nil }) { return nil }
    }

    /// Reads every open file.
    public func read() throws(HostReadError) -> PressureSample {
        PressureSample(cpu: try files[0]?.read(), memory: try files[1]?.read(), io: try files[2]?.read())
    }
}
