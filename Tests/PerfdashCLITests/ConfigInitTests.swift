import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash config init`: a starter file that `config check` accepts, at the XDG path, never overwritten.
@Suite struct ConfigInitTests {
    @Test func writesTheXDGFileOnceAndItChecks() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let environment = ["XDG_CONFIG_HOME": scratch.url.path, "HOME": scratch.url.path, "PATH": "/usr/bin:/bin"]
        let first = try runPerfdash(["config", "init"], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let path = scratch.url.path + "/perfdash/config.toml"
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("interval = \"1s\""))
        #expect(written.contains("# [[service]]"))

        // `config check` with no path reads the same default file, and accepts it.
        let check = try runPerfdash(["config", "check"], environment: environment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("from \(path)"))

        // A second init changes nothing and says why.
        try Data("interval = \"2s\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let second = try runPerfdash(["config", "init"], environment: environment)
        #expect(second.status == 1)
        #expect(second.stderr == "perfdash: \(path): already exists; not overwritten (remove it, or give another path)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "interval = \"2s\"\n")
    }

    @Test func stdoutPrintsTheSameText() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let printed = try runPerfdash(["config", "init", "--stdout"])
        let target = scratch.url.path + "/nested/dir/perfdash.toml"
        let written = try runPerfdash(["config", "init", target])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == printed.stdout)
    }
}
