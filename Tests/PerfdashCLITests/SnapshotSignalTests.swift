import Foundation
import Testing

/// SIGINT and SIGTERM end an endless run after the current snapshot: a complete file and exit status 0.
@Suite struct SnapshotSignalTests {
    @Test(arguments: [SIGINT, SIGTERM], ["json", "ndjson"])
    func signalLeavesACompleteFile(signal: Int32, format: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("out").path
        let process = Process()
        process.executableURL = TestPaths.perfdashBinary
        process.arguments = ["snapshot", "--count", "0", "--interval", "10ms", "--format", format, "--output", file]
        try process.run()
        // Wait for evidence that snapshots are flowing (a few records on disk), not for a fixed time.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning, recordCount(file) < 3 {
            usleep(5_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        if format == "json" {
            let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(array.count >= 3)
        } else {
            let lines = text.split(separator: "\n")
            #expect(lines.count >= 3)
            for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
        }
    }

    /// Records written so far: objects start with `"elapsed_seconds"`, the first sorted key.
    private func recordCount(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return text.components(separatedBy: "\"elapsed_seconds\"").count - 1
    }
}
