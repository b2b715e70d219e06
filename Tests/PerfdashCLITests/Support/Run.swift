import Foundation

/// What a finished process left behind.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A scratch directory removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `executable` (the built `perfdash` by default) to completion, with `input` on stdin.
///
/// Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
func run(_ arguments: [String], executable: URL = TestPaths.perfdashBinary, input: String = "") throws -> RunResult {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let paths = ["in", "out", "err"].map(scratch.file)
    try Data(input.utf8).write(to: paths[0])
    _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = try FileHandle(forReadingFrom: paths[0])
    process.standardOutput = try FileHandle(forWritingTo: paths[1])
    process.standardError = try FileHandle(forWritingTo: paths[2])
    try process.run()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: try String(contentsOf: paths[1], encoding: .utf8),
                     stderr: try String(contentsOf: paths[2], encoding: .utf8))
}

/// `python3` from the PATH.
let python3 = URL(fileURLWithPath: "/usr/bin/env")
