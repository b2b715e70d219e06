/// Cumulative counters of one network interface from /proc/net/dev.
public struct InterfaceCounters: Sendable, Equatable {
    /// Interface name (`eth0`, `lo`).
    public var name: String
    /// Bytes received.
    public var rxBytes: UInt64
    /// Packets received.
    public var rxPackets: UInt64
    /// Receive errors.
    public var rxErrors: UInt64
    /// Received packets dropped.
    public var rxDrops: UInt64
    /// Bytes sent.
    public var txBytes: UInt64
    /// Packets sent.
    public var txPackets: UInt64
    /// Transmit errors.
    public var txErrors: UInt64
    /// Outgoing packets dropped.
    public var txDrops: UInt64

    /// Creates counters.
    public init(name: String, rxBytes: UInt64, rxPackets: UInt64, rxErrors: UInt64, rxDrops: UInt64,
                txBytes: UInt64, txPackets: UInt64, txErrors: UInt64, txDrops: UInt64) {
        self.name = name
        self.rxBytes = rxBytes
        self.rxPackets = rxPackets
        self.rxErrors = rxErrors
        self.rxDrops = rxDrops
        self.txBytes = txBytes
        self.txPackets = txPackets
        self.txErrors = txErrors
        self.txDrops = txDrops
    }
}

/// Parses /proc/net/dev: two header lines, then `name: 8 receive counters 8 transmit counters` per interface.
public enum NetDevParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/net/dev"

    /// Parses every interface line.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> [InterfaceCounters] {
        var scanner = ByteScanner(bytes)
        var interfaces: [InterfaceCounters] = []
        while !scanner.isAtEnd {
            // Header lines ("Inter-|   Receive…", " face |bytes…") contain '|' and no ':' before it.
            if scanner.isAtEndOfLine || isHeader(scanner) {
                scanner.nextLine()
                continue
            }
            interfaces.append(try line(&scanner))
            scanner.nextLine()
        }
        return interfaces
    }

    private static func isHeader(_ scanner: ByteScanner) -> Bool {
        var position = scanner.index
        while position < scanner.bytes.count {
            switch scanner.bytes[position] {
            case UInt8(ascii: "|"): return true
            case ASCII.colon, ASCII.newline: return false
            default: position += 1
            }
        }
        return false
    }

    private static func line(_ scanner: inout ByteScanner) throws(HostReadError) -> InterfaceCounters {
        // The name may touch the first counter (`eth0:123`), so split at the colon, not at blanks.
        guard let name = scanner.token(stoppingAt: ASCII.colon), scanner.skip(past: ASCII.colon) else {
            throw .malformed(path: relativePath, line: scanner.line,
                             message: "expected 'interface: counters…', found '\(scanner.lineExcerpt())'")
        }
        var counters = InterfaceCounters(name: scanner.string(name), rxBytes: 0, rxPackets: 0, rxErrors: 0,
                                         rxDrops: 0, txBytes: 0, txPackets: 0, txErrors: 0, txDrops: 0)
        for field in 0..<16 {
            guard let value = scanner.unsigned() else {
                throw .malformed(path: relativePath, line: scanner.line,
                                 message: "field \(field + 1) of '\(counters.name)' is missing or not a counter")
            }
            switch field {
            case 0: counters.rxBytes = value
            case 1: counters.rxPackets = value
            case 2: counters.rxErrors = value
            case 3: counters.rxDrops = value
            case 8: counters.txBytes = value
            case 9: counters.txPackets = value
            case 10: counters.txErrors = value
            case 11: counters.txDrops = value
            default: break
            }
        }
        return counters
    }
}
