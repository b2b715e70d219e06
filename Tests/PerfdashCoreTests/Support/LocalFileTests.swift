import Foundation
import Testing
@testable import PerfdashCore

@Suite struct LocalFileTests {
    /// A fresh directory holding `files` (name → bytes), removed after `body`.
    private func withDirectory(_ files: [String: [UInt8]], _ body: (String) throws -> Void) rethrows {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localfile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in files {
            _ = FileManager.default.createFile(atPath: directory.path + "/" + name, contents: Data(bytes))
        }
        try body(directory.path)
    }

    @Test func readsWholeFilesAndRefusesWhatIsNotOne() {
        // 200,000 bytes: more than one 64 KiB read, and not a multiple of it.
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        withDirectory(["big": big, "empty": [], "text": Array("héllo\n".utf8), "latin1": [0x68, 0xE9]]) { dir in
            #expect(LocalFile.contents(of: dir + "/big") == big)
            #expect(LocalFile.contents(of: dir + "/empty") == [])
            #expect(LocalFile.readText(dir + "/text") == "héllo\n")
            #expect(LocalFile.readText(dir + "/latin1") == nil)
            #expect(LocalFile.contents(of: dir + "/missing") == nil && errno == ENOENT)
            #expect(LocalFile.contents(of: dir) == nil && errno == EISDIR)
            #expect(LocalFile.exists(dir + "/big") && !LocalFile.exists(dir + "/missing"))
            #expect(LocalFile.isDirectory(dir) && !LocalFile.isDirectory(dir + "/big"))
            #expect(LocalFile.isReadable(dir + "/text") && !LocalFile.isReadable(dir + "/missing"))
            #expect(LocalFile.names(in: dir).sorted() == ["big", "empty", "latin1", "text"])
            #expect(LocalFile.names(in: dir + "/missing").isEmpty)
            #expect(LocalFile.resolved(dir + "/./big") == LocalFile.resolved(dir).map { $0 + "/big" })
            #expect(LocalFile.resolved(dir + "/missing") == nil)
        }
        // procfs says 0 bytes for its files: read(2) to the end all the same.
        #expect(LocalFile.readText("/proc/self/status")?.hasPrefix("Name:") == true)
    }

    @Test(arguments: [
        ("/a/b/../c/./d", "/w", "/a/c/d"),
        ("x/y", "/w/v", "/w/v/x/y"),
        ("../../../..", "/w/v", "/"),
        ("//a///b/", "/", "/a/b"),
        (".", "/w", "/w"),
    ])
    func standardizesPathsLexically(path: String, directory: String, expected: String) {
        #expect(LocalFile.standardized(path, in: directory) == expected)
    }

    @Test(arguments: [("/usr/bin/perfdash", "/usr/bin"), ("/perfdash", "/"), ("perfdash", "."), ("/", "/"),
                      ("a/b", "a")])
    func directoryOfAPath(path: String, expected: String) {
        #expect(LocalFile.directory(of: path) == expected)
    }

    @Test func knowsTheWorkingAndHomeDirectories() {
        #expect(LocalFile.currentDirectory() == FileManager.default.currentDirectoryPath)
        #expect(LocalFile.homeDirectory().hasPrefix("/"))
    }
}
