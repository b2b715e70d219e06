import Foundation

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
    try runProcess([TestPaths.perfdashBinary.path] + arguments, stdin: stdin, environment: environment)
}

/// Runs `arguments[0]` (looked up in PATH) with the rest of `arguments` to completion, `stdin` on its standard
/// input.
///
/// Through ``ChildProcess`` (posix_spawn and waitpid, signal mask cleared), not Foundation's `Process`, whose
/// `waitUntilExit()` can miss the exit on a Swift concurrency thread. Output goes to files rather than pipes,
/// so a chatty child can never block on a full pipe.
public func runProcess(_ arguments: [String], stdin: String = "",
                       environment: [String: String]? = nil) throws -> RunResult {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let paths = ["in", "out", "err"].map { scratch.file($0).path }
    try Data(stdin.utf8).write(to: URL(fileURLWithPath: paths[0]))
    let child = try ChildProcess(arguments, stdinFile: paths[0], output: .file(paths[1]),
                                 errorFile: paths[2], environment: environment)
    let status = child.wait()
    return RunResult(status: status,
                     stdout: try String(contentsOfFile: paths[1], encoding: .utf8),
                     stderr: try String(contentsOfFile: paths[2], encoding: .utf8))
}
