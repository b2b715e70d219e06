/// One line of /proc/self/mounts.
public struct MountEntry: Sendable, Equatable {
    /// The mounted device or source (`/dev/sda1`, `tmpfs`, `server:/export`).
    public var device: String
    /// Where it is mounted, with the kernel's octal escapes (`\040` for a space) decoded.
    public var mountPoint: String
    /// The filesystem type (`ext4`, `tmpfs`, `proc`…).
    public var type: String

    /// Creates an entry.
    public init(device: String, mountPoint: String, type: String) {
        self.device = device
        self.mountPoint = mountPoint
        self.type = type
    }
}

/// Parses /proc/self/mounts (`device mountpoint type options dump pass`, one mount per line).
public enum MountsParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "proc/self/mounts"

    /// Every line with at least three fields; shorter lines are skipped (the table shows what can be read).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> [MountEntry] {
        var scanner = ByteScanner(bytes)
        var mounts: [MountEntry] = []
        while !scanner.isAtEnd {
            if let device = scanner.token(), let point = scanner.token(), let type = scanner.token() {
                mounts.append(MountEntry(device: decode(scanner, device), mountPoint: decode(scanner, point),
                                         type: scanner.string(type)))
            }
            scanner.nextLine()
        }
        return mounts
    }

    /// The field with `\ooo` octal escapes decoded (the kernel escapes space, tab, newline and backslash).
    private static func decode(_ scanner: ByteScanner, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = scanner.bytes[position]
            if byte == UInt8(ascii: "\\"), position + 3 < range.upperBound,
               let value = octal(scanner, position + 1) {
                out.append(value)
                position += 4
            } else {
                out.append(byte)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func octal(_ scanner: ByteScanner, _ start: Int) -> UInt8? {
        guard start + 3 <= scanner.bytes.count else { return nil }
        var value = 0
        for position in start..<(start + 3) {
            let digit = Int(scanner.bytes[position]) - Int(UInt8(ascii: "0"))
            guard (0...7).contains(digit) else { return nil }
            value = value * 8 + digit
        }
        return UInt8(exactly: value)
    }
}
