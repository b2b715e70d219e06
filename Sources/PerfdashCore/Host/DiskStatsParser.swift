/// Cumulative counters of one block device from /proc/diskstats.
public struct DiskCounters: Sendable, Equatable {
    /// Kernel device name (`sda`, `nvme0n1`, `dm-0`).
    public var name: String
    /// Reads completed.
    public var readsCompleted: UInt64
    /// Always 512-byte units, whatever the device's sector size.
    public var sectorsRead: UInt64
    /// Writes completed.
    public var writesCompleted: UInt64
    /// Always 512-byte units, whatever the device's sector size.
    public var sectorsWritten: UInt64
    /// Milliseconds the device had I/O in flight (field 10, `io_ticks`).
    public var ioTicksMilliseconds: UInt64

    /// Creates counters.
    public init(name: String, readsCompleted: UInt64, sectorsRead: UInt64, writesCompleted: UInt64,
                sectorsWritten: UInt64, ioTicksMilliseconds: UInt64) {
        self.name = name
        self.readsCompleted = readsCompleted
        self.sectorsRead = sectorsRead
        self.writesCompleted = writesCompleted
        self.sectorsWritten = sectorsWritten
        self.ioTicksMilliseconds = ioTicksMilliseconds
    }
}

/// Parses /proc/diskstats: `major minor name` then at least 11 counters per line. Devices that are never disks
/// (loop, ram, zram: `DiskFilter.isPseudo`) are skipped unread; `DiskReader` decides which others are whole disks.
public enum DiskStatsParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/diskstats"

    /// Parses every line.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> [DiskCounters] {
        var scanner = ByteScanner(bytes)
        var disks: [DiskCounters] = []
        while !scanner.isAtEnd {
            scanner.skipBlanks()
            if scanner.isAtEndOfLine {
                scanner.nextLine()
                continue
            }
            if let disk = try line(&scanner) { disks.append(disk) }
            scanner.nextLine()
        }
        return disks
    }

    private static func line(_ scanner: inout ByteScanner) throws(HostReadError) -> DiskCounters? {
        guard scanner.unsigned() != nil, scanner.unsigned() != nil, let name = scanner.token() else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected 'major minor name counters…', found '\(scanner.lineExcerpt())'")
        }
        if scanner.bytes(in: name, hasPrefix: "loop") || scanner.bytes(in: name, hasPrefix: "ram")
            || scanner.bytes(in: name, hasPrefix: "zram") {
            return nil
        }
        // Fields after the name: reads, merged, sectors read, ms, writes, merged, sectors written, ms,
        // in flight, io_ticks, weighted ms (then discard and flush fields on newer kernels).
        var fields: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var count = 0
        while true {
            scanner.skipBlanks()
            if scanner.isAtEndOfLine { break }
            // Only the five counters used are read as numbers; the others are stepped over.
            guard count == 0 || count == 2 || count == 4 || count == 6 || count == 9 else {
                scanner.skipToken()
                count += 1
                continue
            }
            guard let value = scanner.unsigned() else {
                throw .malformed(path: relativePath, line: scanner.line,
                                 message: "field \(count + 4) of '\(scanner.string(name))' is not a counter")
            }
            switch count {
            case 0: fields.0 = value
            case 2: fields.1 = value
            case 4: fields.2 = value
            case 6: fields.3 = value
            default: fields.4 = value
            }
            count += 1
        }
        guard count >= 11 else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected at least 11 counters for '\(scanner.string(name))', found \(count)")
        }
        return DiskCounters(name: scanner.string(name), readsCompleted: fields.0, sectorsRead: fields.1,
                            writesCompleted: fields.2, sectorsWritten: fields.3, ioTicksMilliseconds: fields.4)
    }
}
