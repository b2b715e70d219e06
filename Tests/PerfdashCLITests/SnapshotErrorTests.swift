import Foundation
import Testing

/// Bad input: one line on stderr naming what is wrong, a non-zero exit, nothing on stdout.
@Suite struct SnapshotErrorTests {
    @Test(arguments: [
        (["--format", "xml"], "Error: --format: unknown format 'xml' (use json, ndjson, csv or prometheus)"),
        (["--interval", "0"], "Error: --interval: invalid duration '0': must be greater than zero"),
        (["--interval", "abc"],
         "Error: --interval: invalid duration 'abc': expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        (["--interval", "5ms"], "Error: --interval: invalid duration '5ms': the shortest interval is 10ms"),
        (["--window", "2m"], "Error: --window: unknown window '2m' (use 1m, 5m or 15m)"),
        (["--count=-1"], "Error: --count: must be 0 or more, not -1"),
    ])
    func badOption(arguments: [String], message: String) throws {
        let result = try run(["snapshot"] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
    }

    @Test func rootWithoutProcStat() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try run(["snapshot", "--root", scratch.url.path])
        #expect(result.status != 0)
        #expect(result.stderr == "Error: --root \(scratch.url.path): \(scratch.url.path)/proc/stat: no such file\n")
    }

    @Test func malformedFileNamesFileAndLine() throws {
        let root = TestPaths.fixture("host/malformed/reading1").path
        let result = try run(["snapshot", "--interval", "10ms", "--root", root])
        #expect(result.status != 0)
        #expect(result.stderr == "Error: \(root)/proc/stat:3: field 2 is not a counter in "
                + "'cpu1 500 abc 500 4000 0 0 0 0 0 0'\n")
    }
}
