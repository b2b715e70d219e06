public import Foundation

/// What a finished process left behind.
public struct RunResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written on standard output.
    public var stdout: String
    /// Everything written on standard error.
    public var stderr: String
}

/// Runs the built `perfdash` with `arguments` to completion, `stdin` on its standard input.
///
/// `environment` replaces the inherited environment when given (nil: inherit the test process's).
public func runPerfdash(_ arguments: [String], stdin: String = "",
                        environment: [String: String]? = nil) throws -> RunResult {
    try runProcess(arguments, executable: TestPaths.perfdashBinary, stdin: stdin, environment: environment)
}

/// Runs `executable` with `arguments` to completion, `stdin` on its standard input.
///
/// Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
public func runProcess(_ arguments: [String], executable: URL, stdin: String = "",
                       environment: [String: String]? = nil) throws -> RunResult {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let paths = ["in", "out", "err"].map(scratch.file)
    try Data(stdin.utf8).write(to: paths[0])
    _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardInput = try FileHandle(forReadingFrom: paths[0])
    process.standardOutput = try FileHandle(forWritingTo: paths[1])
    process.standardError = try FileHandle(forWritingTo: paths[2])
    try process.run()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: try String(contentsOf: paths[1], encoding: .utf8),
                     stderr: try String(contentsOf: paths[2], encoding: .utf8))
}

/// `/usr/bin/env`, to run `python3` (the first argument) from the PATH with `runProcess`.
public let python3 = URL(fileURLWithPath: "/usr/bin/env")
