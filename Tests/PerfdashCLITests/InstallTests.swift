import Foundation
import Testing
import PerfdashTestSupport

/// `scripts/install.sh --binary` into a temporary prefix, the installed binary run from there, and
/// `scripts/uninstall.sh` leaving the prefix exactly as it was.
@Suite(.serialized) struct InstallTests {
    @Test func installRunUninstall() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let prefix = scratch.url.appendingPathComponent("prefix").path
        // Something of the user's already there: uninstall must leave it, and the folders holding it.
        try FileManager.default.createDirectory(atPath: prefix + "/share/man/man1", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: prefix + "/share/man/man1/other.1"))
        let scripts = TestPaths.packageRoot.appendingPathComponent("scripts").path

        let install = try runProcess(["bash", scripts + "/install.sh", "--binary", TestPaths.perfdashBinary.path,
                                      prefix])
        #expect(install.status == 0, "\(install.stderr)")
        let manager = FileManager.default
        for file in ["bin/perfdash", "share/perfdash/themes/dusk.theme", "share/perfdash/themes/default.theme",
                     "share/man/man1/perfdash.1", "share/man/man1/perfdash.snapshot.1",
                     "share/bash-completion/completions/perfdash", "share/zsh/site-functions/_perfdash",
                     "share/fish/vendor_completions.d/perfdash.fish"] {
            #expect(manager.fileExists(atPath: prefix + "/" + file), "\(file) not installed")
        }
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/perfdash", encoding: .utf8)
        #expect(bash.contains("--interval") && bash.contains("snapshot"))

        // The installed binary runs, and finds the installed themes (no package Themes/ folder above it).
        let installed = prefix + "/bin/perfdash"
        let version = try runProcess([installed, "--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let root = TestPaths.fixture("host/ordinary/reading1").path
        let snapshot = try runProcess([installed, "snapshot", "--interval", "10ms", "--root", root])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        let config = scratch.url.appendingPathComponent("theme.toml")
        try Data("theme = \"dusk\"\n".utf8).write(to: config)
        let themed = try runProcess([installed, "config", "check", config.path])
        #expect(themed.status == 0, "\(themed.stderr)")

        let uninstall = try runProcess(["bash", scripts + "/uninstall.sh", prefix])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left = try manager.subpathsOfDirectory(atPath: prefix).sorted()
        #expect(left == ["share", "share/man", "share/man/man1", "share/man/man1/other.1"])
    }

    @Test func uninstallWithoutManifestRefuses() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/uninstall.sh").path
        let run = try runProcess(["bash", script, scratch.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nothing installed there"))
    }
}
