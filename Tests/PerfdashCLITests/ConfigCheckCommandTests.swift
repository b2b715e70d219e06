import Foundation
import Testing

/// `perfdash config check` as a user runs it: the built binary, exit status, stdout and stderr.
@Suite struct ConfigCheckCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = TestPaths.perfdashBinary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home"].merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func validFilePrintsTheEffectiveConfig() throws {
        let path = TestPaths.fixture("config/full.toml").path
        let result = try run(["config", "check", path], environment: ["JOBS_REDIS_PASSWORD": "secret-from-env"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("# perfdash effective config (from \(path))\ninterval = \"500ms\"\n"))
        #expect(result.stdout.contains("password_env = \"JOBS_REDIS_PASSWORD\""))
        #expect(!result.stdout.contains("secret-from-env") && !result.stdout.contains("hunter2"))
    }

    @Test func invalidFileExitsNonZeroWithThePosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.toml")
        try "interval = \"1s\"\n\n[[service]]\nname = \"api\"\nurl = \"http://127.0.0.1/metrics\"\ntimeout = \"soon\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["config", "check", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // `timeout = "soon"` is line 6; its value starts at column 11.
        #expect(result.stderr == "perfdash: \(file.path):6:11: timeout: expected a positive duration like \"500ms\", \"2s\" or \"5m\", got \"soon\"\n")
    }

    @Test func defaultsAndQuickFlags() throws {
        // No default file under this XDG_CONFIG_HOME: built-in defaults plus the flag's service.
        let result = try run(["config", "check", "--scrape", "node=http://127.0.0.1:9100/metrics",
                              "--redis", "cache=127.0.0.1:6379"],
                             environment: ["XDG_CONFIG_HOME": "/nonexistent-xdg"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# perfdash effective config (from built-in defaults)\ninterval = \"1s\"\nwindow = \"1m\"\n"))
        #expect(result.stdout.contains("[[service]]\nname = \"node\"\nkind = \"prometheus\"\nurl = \"http://127.0.0.1:9100/metrics\"\n"))
        #expect(result.stdout.contains("[[service]]\nname = \"cache\"\nkind = \"redis\"\nredis = \"127.0.0.1:6379\"\n"))

        let bad = try run(["config", "check", "--scrape", "node"], environment: ["XDG_CONFIG_HOME": "/nonexistent-xdg"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "perfdash: --scrape node: expected NAME=URL, e.g. --scrape api=http://127.0.0.1:8000/metrics\n")
    }
}
