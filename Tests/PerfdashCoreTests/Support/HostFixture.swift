import Foundation
@testable import PerfdashCore

/// The host fixture trees under Tests/Fixtures/host/<case>/reading1|reading2.
enum HostFixture {
    /// The root directory of one reading of a case.
    static func root(_ name: String, _ reading: Int) -> String {
        TestPaths.fixture("host/\(name)/reading\(reading)").path
    }

    /// One reading of a case, read through the real file-backed readers.
    static func sample(_ name: String, _ reading: Int, diskFilter: DiskFilter = DiskFilter()) throws -> HostSample {
        try HostReader(root: root(name, reading), diskFilter: diskFilter).sample()
    }

    /// The reading computed from a case's two samples, `elapsed` apart.
    static func reading(_ name: String, elapsed: Duration, diskFilter: DiskFilter = DiskFilter(),
                        networkTotal: InterfaceFilter = .defaultTotal) throws -> HostReading {
        HostRates.compute(from: try sample(name, 1, diskFilter: diskFilter),
                          to: try sample(name, 2, diskFilter: diskFilter),
                          elapsed: elapsed, networkTotal: networkTotal)
    }

    /// A writable copy of reading 1 of a case, for tests that rewrite files in place.
    static func temporaryCopy(_ name: String) throws -> URL {
        let destination = FileManager.default.temporaryDirectory
            .appendingPathComponent("perfdash-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: root(name, 1)), to: destination)
        return destination
    }

    /// Overwrites every file of `tree` with the same file of reading 2, in place (same inode, so open
    /// descriptors see the new contents).
    static func rewriteInPlace(_ tree: URL, withReading2Of name: String) throws {
        let source = URL(fileURLWithPath: root(name, 2))
        let files = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil)!
        for case let file as URL in files where !file.hasDirectoryPath {
            let relative = String(file.path.dropFirst(source.path.count + 1))
            try write(try Data(contentsOf: file), to: relative, in: tree)
        }
    }

    /// Overwrites one file of `tree` (e.g. `proc/stat`) in place with `contents`.
    static func write(_ contents: Data, to relative: String, in tree: URL) throws {
        let handle = try FileHandle(forWritingTo: tree.appendingPathComponent(relative))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: contents)
        try handle.close()
    }

    /// Rewrites `proc/stat` in place with one CPU whose only non-zero counters are `user` and `idle`: from one
    /// such reading to the next, busy % = 100 · Δuser / (Δuser + Δidle).
    static func writeCPU(user: Int, idle: Int, in tree: URL) throws {
        let line = "\(user) 0 0 \(idle) 0 0 0 0 0 0\n"
        try write(Data(("cpu  " + line + "cpu0 " + line).utf8), to: "proc/stat", in: tree)
    }
}
