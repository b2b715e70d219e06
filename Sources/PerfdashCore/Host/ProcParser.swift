/// A pure parser of one host file: bytes in, a typed reading out.
///
/// Parsers report errors against their file's path relative to the root; `ProcReader` rewrites it to the full path.
public protocol ProcParser {
    /// What one read of the file yields.
    associatedtype Reading: Sendable

    /// Parses the whole contents of the file.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(HostReadError) -> Reading
}

extension ProcParser {
    /// Parses text (convenient in tests and tools).
    public static func parse(_ text: String) throws(HostReadError) -> Reading {
        var text = text
        return try text.withUTF8 { (utf8: UnsafeBufferPointer<UInt8>) in
            Result { () throws(HostReadError) -> Reading in try parse(UnsafeRawBufferPointer(utf8)) }
        }.get()
    }
}

/// A file under a root directory, kept open and parsed by `Parser` on every read.
public struct ProcReader<Parser: ProcParser>: Sendable {
    /// The open file.
    public let file: ProcFile

    /// Opens `relativePath` (e.g. `proc/stat`) under `root`.
    public init(root: String, relativePath: String) throws(HostReadError) {
        file = try ProcFile(path: HostPath.join(root, relativePath))
    }

    /// Reads and parses the file; errors name the full path.
    public func read() throws(HostReadError) -> Parser.Reading {
        do {
            return try file.withContents { (bytes: UnsafeRawBufferPointer) throws(HostReadError) -> Parser.Reading in
                try Parser.parse(bytes)
            }
        } catch {
            throw error.relocated(to: file.path)
        }
    }
}

/// Paths under a root directory.
public enum HostPath {
    /// `root` joined with a relative path, with exactly one slash between them.
    public static func join(_ root: String, _ relative: String) -> String {
        if root.isEmpty { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
