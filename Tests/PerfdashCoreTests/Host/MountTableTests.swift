import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The mount table is parsed again only when procfs says it changed; a fixture's table is read every time.
@Suite(.serialized) struct MountTableTests {
    /// Whether this process may mount (root with CAP_SYS_ADMIN, as in the CI container).
    static let canMount: Bool = {
        let point = NSTemporaryDirectory() + "perfdash-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: point) }
        guard mount("perfdash", point, "tmpfs", 0, nil) == 0 else { return false }
        umount(point)
        return true
    }()

    @Test func aFixtureTableIsReadEveryTime() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("proc/self/mounts")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "/dev/vda1 / ext4 rw 0 0\n".write(to: file, atomically: false, encoding: .utf8)
        let table = try MountTable(root: scratch.url.path)
        #expect(!table.followsChanges)
        #expect(try table.read().map(\.mountPoint) == ["/"])
        // Rewritten in place (the reader keeps its descriptor): the next read sees the new table.
        try "/dev/vda1 / ext4 rw 0 0\ntmpfs /run tmpfs rw 0 0\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(try table.read().map(\.mountPoint) == ["/", "/run"])
    }

    @Test func procfsReportsNoChangeWhileNothingIsMounted() throws {
        let file = try ProcFile(path: "/proc/self/mounts")
        #expect(!file.pollReportsChange())
        let table = try MountTable(root: "/")
        #expect(table.followsChanges)
        let fresh = try ProcReader<MountsParser>(root: "/", relativePath: MountsParser.relativePath).read()
        #expect(try table.read() == fresh)
        #expect(try table.read() == fresh)  // from the cache, unchanged
        #expect(try !MountTable(root: TestPaths.fixture("processes/basic/reading1").path).followsChanges)
    }

    /// A tmpfs mounted and unmounted between reads shows up and goes away: the poll reports each change once.
    @Test(.enabled(if: canMount, "mounting needs CAP_SYS_ADMIN"))
    func aMountAndAnUnmountAreSeen() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let point = scratch.url.resolvingSymlinksInPath().appendingPathComponent("mnt").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let file = try ProcFile(path: "/proc/self/mounts")
        let table = try MountTable(root: "/")
        #expect(try !table.read().contains { $0.mountPoint == point })
        #expect(mount("perfdash-test", point, "tmpfs", 0, nil) == 0)
        var mounted = true
        defer { if mounted { umount(point) } }
        #expect(file.pollReportsChange() && !file.pollReportsChange())
        #expect(try table.read().contains { $0.mountPoint == point && $0.type == "tmpfs" })
        #expect(umount(point) == 0)
        mounted = false
        #expect(try !table.read().contains { $0.mountPoint == point })
    }
}
