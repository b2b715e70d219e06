/// Parses the `Uid:` line of /proc/PID/status: the real uid (the first of real, effective, saved, filesystem), as
/// `ps -o user` and htop show it.
public enum ProcessStatusParser: ProcParser {
    /// The file inside a process directory.
    public static let fileName = "status"

    /// The real uid; a file without a `Uid:` line is malformed.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> UInt32 {
        var scanner = ByteScanner(bytes)
        while !scanner.isAtEnd {
            if scanner.hasPrefix("Uid:") {
                scanner.index += 4
                guard let uid = scanner.unsigned(), let value = UInt32(exactly: uid) else { break }
                return value
            }
            scanner.nextLine()
        }
        throw .malformed(path: "proc/PID/status", line: scanner.line, message: "no 'Uid:' line with a uid")
    }
}

/// The storage I/O counters of /proc/PID/io: bytes the process made the kernel fetch from or send to storage
/// (`read_bytes`, `write_bytes`), the figures iotop, htop's IO columns and psutil's `io_counters()` report.
public struct ProcessIO: Sendable, Equatable {
    /// read_bytes.
    public var readBytes: UInt64
    /// write_bytes.
    public var writeBytes: UInt64

    /// Creates counters.
    public init(readBytes: UInt64, writeBytes: UInt64) {
        self.readBytes = readBytes
        self.writeBytes = writeBytes
    }
}

/// Parses /proc/PID/io (`rchar: …`, `read_bytes: …`, `write_bytes: …`).
public enum ProcessIOParser: ProcParser {
    /// The file inside a process directory (readable only by the process's owner and root).
    public static let fileName = "io"

    /// Both counters; a file without them is malformed.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> ProcessIO {
        var scanner = ByteScanner(bytes)
        var read: UInt64?, write: UInt64?
        while !scanner.isAtEnd {
            if scanner.hasPrefix("read_bytes:") {
                scanner.index += 11
                read = scanner.unsigned()
            } else if scanner.hasPrefix("write_bytes:") {
                scanner.index += 12
                write = scanner.unsigned()
            }
            scanner.nextLine()
        }
        guard let read, let write else {
            throw .malformed(path: "proc/PID/io", line: scanner.line, message: "no read_bytes and write_bytes")
        }
        return ProcessIO(readBytes: read, writeBytes: write)
    }
}

/// Parses /proc/PID/cmdline: NUL-separated arguments, shown joined by spaces (as `ps -o args`).
public enum ProcessCmdlineParser: ProcParser {
    /// The file inside a process directory.
    public static let fileName = "cmdline"
    /// Longer command lines are cut here, with "…": the table never shows more, and one hostile process must not
    /// make every frame copy megabytes.
    public static let maximumLength = 4096

    /// The arguments joined by spaces; empty for kernel threads and zombies. Trailing NULs and spaces are dropped:
    /// a process that rewrote its title (setproctitle, as PostgreSQL's workers do) pads it with them.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 || bytes[end - 1] == ASCII.space { end -= 1 }
        let cut = end > maximumLength
        if cut {
            // Never cut inside a character: back off over the continuation bytes of the one that straddles the cut
            // (at most three in UTF-8), so the line ends in whole text, not in U+FFFD.
            end = maximumLength
            var backed = 0
            while backed < 3, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1; backed += 1 }
        }
        var text = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
        for index in text.indices where text[index] == 0 || text[index] == ASCII.newline || text[index] == ASCII.tab {
            text[index] = ASCII.space
        }
        let line = String(decoding: text, as: UTF8.self)
        return cut ? line + "…" : line
    }
}

/// Parses an /etc/passwd file into uid → user name (the first entry for a uid wins, as getpwuid does).
public enum PasswdParser: ProcParser {
    /// The file, relative to the root.
    public static let relativePath = "etc/passwd"

    /// Every well-formed `name:x:uid:…` line; other lines are skipped (the file is read, never judged).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> [UInt32: String] {
        var scanner = ByteScanner(bytes)
        var users: [UInt32: String] = [:]
        while !scanner.isAtEnd {
            let start = scanner.index
            var fields: [Range<Int>] = []
            var fieldStart = start
            while !scanner.isAtEndOfLine, fields.count < 3 {
                if scanner.bytes[scanner.index] == ASCII.colon {
                    fields.append(fieldStart..<scanner.index)
                    fieldStart = scanner.index + 1
                }
                scanner.index += 1
            }
            // name:password:uid[:…]; a line that ends after the uid has no third colon.
            if fields.count == 2 { fields.append(fieldStart..<lineEnd(scanner, from: fieldStart)) }
            if fields.count == 3 {
                let uidRange = fields[2]
                if let uid = number(scanner, uidRange), !fields[0].isEmpty, users[uid] == nil {
                    users[uid] = scanner.string(fields[0])
                }
            }
            scanner.nextLine()
        }
        return users
    }

    private static func lineEnd(_ scanner: ByteScanner, from start: Int) -> Int {
        var end = start
        while end < scanner.bytes.count, scanner.bytes[end] != ASCII.colon, scanner.bytes[end] != ASCII.newline {
            end += 1
        }
        return end
    }

    private static func number(_ scanner: ByteScanner, _ range: Range<Int>) -> UInt32? {
        guard !range.isEmpty, range.count <= 10 else { return nil }
        var value: UInt64 = 0
        for position in range {
            let digit = scanner.bytes[position] &- ASCII.zero
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return UInt32(exactly: value)
    }
}
