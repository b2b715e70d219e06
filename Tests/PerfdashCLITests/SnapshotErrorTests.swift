import Foundation
import Testing
import PerfdashTestSupport

/// Bad input: one line on stderr naming what is wrong, a non-zero exit, nothing on stdout.
@Suite struct SnapshotErrorTests {
    @Test(arguments: [
        (["--format", "xml"], "perfdash: --format: unknown format 'xml' (use json, ndjson, csv or prometheus)"),
        (["--interval", "0"], "perfdash: --interval: invalid duration '0': must be greater than zero"),
        (["--interval", "abc"],
         "perfdash: --interval: invalid duration 'abc': expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        (["--interval", "5ms"], "perfdash: --interval: invalid duration '5ms': the shortest interval is 10ms"),
        (["--window", "2m"], "perfdash: --window: unknown window '2m' (use 1m, 5m or 15m)"),
        (["--count=-1"], "perfdash: --count: must be 0 or more, not -1"),
        (["--count", "-1"], "perfdash: --count: must be 0 or more, not -1"),
    ])
    func badOption(arguments: [String], message: String) throws {
        let result = try runPerfdash(["snapshot"] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
    }

    /// Bare numbers are seconds on the command line as in the config file.
    @Test func bareIntervalIsSeconds() throws {
        let root = TestPaths.fixture("host/ordinary/reading1").path
        let result = try runPerfdash(["snapshot", "--interval", "0.01", "--root", root])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["interval_seconds"] as? Double == 0.01)
    }

    /// A usage error keeps the one voice and ArgumentParser's exit status for usage errors (64).
    @Test func unknownFlagIsOneVoice() throws {
        let result = try runPerfdash(["snapshot", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("perfdash: Unknown option '--no-such-flag'"))
        #expect(!result.stderr.contains("Error:"))
    }

    @Test func rootWithoutProcStat() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try runPerfdash(["snapshot", "--root", scratch.url.path])
        #expect(result.status != 0)
        #expect(result.stderr == "perfdash: --root \(scratch.url.path): \(scratch.url.path)/proc/stat: no such file\n")
    }

    @Test func malformedFileNamesFileAndLine() throws {
        let root = TestPaths.fixture("host/malformed/reading1").path
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--root", root])
        #expect(result.status != 0)
        #expect(result.stderr == "perfdash: \(root)/proc/stat:3: field 2 is not a counter in "
                + "'cpu1 500 abc 500 4000 0 0 0 0 0 0'\n")
    }
}
