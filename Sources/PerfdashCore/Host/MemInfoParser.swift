/// The /proc/meminfo fields perfdash uses, in bytes.
public struct MemInfo: Sendable, Equatable {
    /// MemTotal.
    public var totalBytes: UInt64
    /// MemFree.
    public var freeBytes: UInt64
    /// MemAvailable; kernels before 3.14 lack it and get free + buffers + cached instead.
    public var availableBytes: UInt64
    /// Buffers.
    public var buffersBytes: UInt64
    /// Cached (page cache, including Shmem).
    public var cachedBytes: UInt64
    /// SReclaimable: slab memory the kernel can free.
    public var sReclaimableBytes: UInt64
    /// Shmem: shared memory and tmpfs, inside Cached but not reclaimable.
    public var shmemBytes: UInt64
    /// SwapTotal.
    public var swapTotalBytes: UInt64
    /// SwapFree.
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

/// Parses /proc/meminfo (`Key:   value kB` lines). Lines up to the last key used must have that shape; the values
/// of other keys are not read.
public enum MemInfoParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/meminfo"

    /// Parses the whole file.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> MemInfo {
        var scanner = ByteScanner(bytes)
        var total: UInt64?
        var available: UInt64?
        // The nine keys used all come in the first half of the file: stop once each has been seen.
        var wanted = 9
        var info = MemInfo(totalBytes: 0, freeBytes: 0, availableBytes: 0, buffersBytes: 0, cachedBytes: 0,
                           sReclaimableBytes: 0, shmemBytes: 0, swapTotalBytes: 0, swapFreeBytes: 0)
        while !scanner.isAtEnd, wanted > 0 {
            if scanner.isAtEndOfLine {
                scanner.nextLine()
                continue
            }
            let key = try self.key(&scanner)
            switch true {
            case scanner.bytes(in: key, equal: "MemTotal"): total = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "MemFree"): info.freeBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "MemAvailable"): available = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "Buffers"): info.buffersBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "Cached"): info.cachedBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "SReclaimable"): info.sReclaimableBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "Shmem"): info.shmemBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "SwapTotal"): info.swapTotalBytes = try bytesValue(&scanner)
            case scanner.bytes(in: key, equal: "SwapFree"): info.swapFreeBytes = try bytesValue(&scanner)
            default:
                scanner.nextLine() // a key not used: its value is never read
                continue
            }
            wanted -= 1
            scanner.nextLine()
        }
        guard let total else {
            throw .malformed(path: relativePath, line: scanner.line, message: "no MemTotal line")
        }
        info.totalBytes = total
        info.availableBytes = available ?? [info.freeBytes, info.buffersBytes, info.cachedBytes].saturatingSum()
        return info
    }

    /// The key of a `Key: value [kB]` line; leaves the cursor after the colon.
    private static func key(_ scanner: inout ByteScanner) throws(HostReadError) -> Range<Int> {
        let keyStart = scanner.index
        guard scanner.skip(past: ASCII.colon) else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected 'Key: value', found '\(scanner.lineExcerpt())'")
        }
        return keyStart..<(scanner.index - 1)
    }

    /// The `value [kB]` after a key, in bytes.
    private static func bytesValue(_ scanner: inout ByteScanner) throws(HostReadError) -> UInt64 {
        guard let value = scanner.unsigned() else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected a number in '\(scanner.lineExcerpt())'")
        }
        guard let unit = scanner.token() else { return value }
        guard scanner.bytes(in: unit, equal: "kB") else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "unknown unit '\(Echo.cut(scanner.string(unit)))' (expected kB)")
        }
        return value.multipliedSaturating(by: 1024)
    }
}
