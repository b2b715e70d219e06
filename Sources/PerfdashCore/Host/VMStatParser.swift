/// The swap counters of /proc/vmstat: pages swapped in and out since boot.
public struct SwapCounters: Sendable, Equatable {
    /// pswpin.
    public var pagesIn: UInt64
    /// pswpout.
    public var pagesOut: UInt64

    /// Creates counters.
    public init(pagesIn: UInt64, pagesOut: UInt64) {
        self.pagesIn = pagesIn
        self.pagesOut = pagesOut
    }
}

/// Parses /proc/vmstat's `pswpin` and `pswpout` lines (absent lines count 0: a kernel without swap support).
public enum VMStatParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/vmstat"

    /// Both counters.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> SwapCounters {
        var scanner = ByteScanner(bytes)
        var counters = SwapCounters(pagesIn: 0, pagesOut: 0)
        var found = 0
        while !scanner.isAtEnd, found < 2 {
            let isIn = scanner.hasPrefix("pswpin "), isOut = scanner.hasPrefix("pswpout ")
            if isIn || isOut {
                scanner.index += isIn ? 7 : 8
                guard let value = scanner.unsigned() else {
                    throw .malformed(path: relativePath, line: scanner.line,
                                     message: "not a counter: '\(scanner.lineExcerpt())'")
                }
                if isIn { counters.pagesIn = value } else { counters.pagesOut = value }
                found += 1
            }
            scanner.nextLine()
        }
        return counters
    }
}
