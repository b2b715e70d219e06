#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Small files on the local file system (the config file, themes), through the C library alone.
///
/// Foundation's `FileManager` and `URL` would do the same, but they bring CoreFoundation's string, URL and
/// character-set code into every start of the dashboard, and their pages stay resident for the whole run
/// (docs/benchmarks.md, "Bounded cost").
public enum LocalFile {
    /// The largest file `contents(of:)` returns: far past any config file or theme.
    public static let maximumBytes = 64 << 20

    /// The whole file, or nil with `errno` set: `EISDIR` for a directory, `EFBIG` past `maximumBytes`.
    public static func contents(of path: String) -> [UInt8]? {
        guard let (descriptor, size) = openForReading(path) else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // The size is a hint (procfs and pipes say 0); the loop reads until read(2) says the end.
        bytes.reserveCapacity(Swift.min(size + 1, maximumBytes + 1))
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= maximumBytes else {
                errno = EFBIG
                return nil
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// An open descriptor of a file that is not a directory, and its size as `fstat` says it (0 for procfs files
    /// and pipes; never negative); nil with `errno` set (`EISDIR` for a directory). The caller closes it.
    public static func openForReading(_ path: String) -> (descriptor: Int32, size: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let saved = errno
            close(descriptor)
            errno = saved
            return nil
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            errno = EISDIR
            return nil
        }
        return (descriptor, Int(clamping: Swift.max(status.st_size, 0)))
    }

    /// The whole file as UTF-8 text: nil when it cannot be read or is not UTF-8.
    public static func readText(_ path: String) -> String? {
        contents(of: path).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Whether `path` names anything (a dangling symlink does not).
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether `path` is a directory (through symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether this process may read `path`.
    public static func isReadable(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }

    /// The names in a directory, without `.` and `..`, in no particular order; empty when it cannot be read.
    public static func names(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// The working directory; empty when it cannot be told (removed, or longer than PATH_MAX).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The user's home directory from the password database (for when `HOME` is unset); empty when unknown.
    public static func homeDirectory() -> String {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "" }
        return String(cString: directory)
    }

    /// The absolute path with every symlink, `.` and `..` resolved, or nil when a component does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// `path` made absolute (against `directory`) and cleaned lexically: no empty or `.` components, and `..`
    /// removing the one before it (never above `/`). Symlinks are left alone.
    public static func standardized(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The directory part of `path` (`/` for a file at the root, `.` for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
