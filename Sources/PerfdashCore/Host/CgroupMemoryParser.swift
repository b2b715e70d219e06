/// A cgroup v2 container's memory: usage (`memory.current`) and limit (`memory.max`).
public struct CgroupMemory: Sendable, Equatable {
    /// memory.current in bytes (includes the container's page cache).
    public var usageBytes: UInt64
    /// memory.max in bytes; nil when it is `max` (no limit).
    public var limitBytes: UInt64?

    /// Creates a reading.
    public init(usageBytes: UInt64, limitBytes: UInt64?) {
        self.usageBytes = usageBytes
        self.limitBytes = limitBytes
    }
}

/// Parses a one-value cgroup file: a byte count, or `max` for no limit (→ nil).
public enum CgroupValueParser: ProcParser {
    /// The directory of the cgroup v2 files, relative to the root.
    public static let directory = "sys/fs/cgroup"

    /// Parses `123456\n` or `max\n`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> UInt64? {
        var scanner = ByteScanner(bytes)
        if scanner.hasPrefix("max") { return nil }
        guard let value = scanner.unsigned() else {
            throw .malformed(path: directory, line: 1,
                             message: "expected a byte count or 'max', found '\(scanner.lineExcerpt())'")
        }
        return value
    }
}

/// Reads memory.current and memory.max of the cgroup v2 hierarchy under a root.
public struct CgroupMemoryReader: Sendable {
    private let current: ProcReader<CgroupValueParser>
    private let max: ProcReader<CgroupValueParser>

    /// Opens both files; throws `.missing` when either is absent (no cgroup v2, or not in a container).
    public init(root: String) throws(HostReadError) {
        current = try ProcReader(root: root, relativePath: CgroupValueParser.directory + "/memory.current")
        max = try ProcReader(root: root, relativePath: CgroupValueParser.directory + "/memory.max")
    }

    /// Reads both files.
    public func read() throws(HostReadError) -> CgroupMemory {
        // memory.current is never `max`; a nil there would be a malformed file.
        guard let usage = try current.read() else {
            throw .malformed(path: current.file.path, line: 1, message: "expected a byte count, found 'max'")
        }
        return CgroupMemory(usageBytes: usage, limitBytes: try max.read())
    }
}
