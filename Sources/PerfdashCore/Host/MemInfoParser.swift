/// The /proc/meminfo fields perfdash uses, in bytes.
public struct MemInfo: Sendable, Equatable {
    public var totalBytes: UInt64
    public var freeBytes: UInt64
    /// MemAvailable; kernels before 3.14 lack it and get free + buffers + cached instead.
    public var availableBytes: UInt64
    public var buffersBytes: UInt64
    public var cachedBytes: UInt64
    public var sReclaimableBytes: UInt64
    public var shmemBytes: UInt64
    public var swapTotalBytes: UInt64
    public var swapFreeBytes: UInt64

    /// Creates a reading.
    public init(totalBytes: UInt64, freeBytes: UInt64, availableBytes: UInt64, buffersBytes: UInt64,
                cachedBytes: UInt64, sReclaimableBytes: UInt64, shmemBytes: UInt64, swapTotalBytes: UInt64,
                swapFreeBytes: UInt64) {
        self.totalBytes = totalBytes
        self.freeBytes = freeBytes
        self.availableBytes = availableBytes
        self.buffersBytes = buffersBytes
        self.cachedBytes = cachedBytes
        self.sReclaimableBytes = sReclaimableBytes
        self.shmemBytes = shmemBytes
        self.swapTotalBytes = swapTotalBytes
        self.swapFreeBytes = swapFreeBytes
    }
}

/// Parses /proc/meminfo (`Key:   value kB` lines); every line must have that shape, unknown keys are skipped.
public enum MemInfoParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/meminfo"

    /// Parses the whole file.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> MemInfo {
        var scanner = ByteScanner(bytes)
        var total: UInt64?
        var available: UInt64?
        var info = MemInfo(totalBytes: 0, freeBytes: 0, availableBytes: 0, buffersBytes: 0, cachedBytes: 0,
                           sReclaimableBytes: 0, shmemBytes: 0, swapTotalBytes: 0, swapFreeBytes: 0)
        while !scanner.isAtEnd {
            if scanner.isAtEndOfLine {
                scanner.nextLine()
                continue
            }
            let (key, value) = try entry(&scanner)
            switch true {
            case scanner.bytes(in: key, equal: "MemTotal"): total = value
            case scanner.bytes(in: key, equal: "MemFree"): info.freeBytes = value
            case scanner.bytes(in: key, equal: "MemAvailable"): available = value
            case scanner.bytes(in: key, equal: "Buffers"): info.buffersBytes = value
            case scanner.bytes(in: key, equal: "Cached"): info.cachedBytes = value
            case scanner.bytes(in: key, equal: "SReclaimable"): info.sReclaimableBytes = value
            case scanner.bytes(in: key, equal: "Shmem"): info.shmemBytes = value
            case scanner.bytes(in: key, equal: "SwapTotal"): info.swapTotalBytes = value
            case scanner.bytes(in: key, equal: "SwapFree"): info.swapFreeBytes = value
            default: break
            }
            scanner.nextLine()
        }
        guard let total else {
            throw .malformed(path: relativePath, line: scanner.line, message: "no MemTotal line")
        }
        info.totalBytes = total
        info.availableBytes = available ?? (info.freeBytes + info.buffersBytes + info.cachedBytes)
        return info
    }

    /// One `Key: value [kB]` line: the key's byte range and the value in bytes.
    private static func entry(_ scanner: inout ByteScanner) throws(HostReadError) -> (Range<Int>, UInt64) {
        let keyStart = scanner.index
        guard scanner.skip(past: ASCII.colon) else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected 'Key: value', found '\(scanner.lineExcerpt())'")
        }
        let key = keyStart..<(scanner.index - 1)
        guard let value = scanner.unsigned() else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected a number in '\(scanner.lineExcerpt())'")
        }
        guard let unit = scanner.token() else { return (key, value) }
        guard scanner.bytes(in: unit, equal: "kB") else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "unknown unit '\(scanner.string(unit))' (expected kB)")
        }
        return (key, value &* 1024)
    }
}
