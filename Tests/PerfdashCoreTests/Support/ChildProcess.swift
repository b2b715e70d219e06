import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn and reaped with waitpid: the one process helper of these tests.
///
/// Not Foundation's `Process`: its `waitUntilExit()` spins a run loop that never sees the child exit when called
/// from a Swift concurrency thread, and its children inherit the test runner's signal mask (SIGTERM blocked).
/// Here the mask is cleared, so `stop()` can end a server politely. Standard input can be a pipe (`send`),
/// standard output a pipe (`readLine`) or a file; standard error goes to /dev/null.
struct ChildProcess: Sendable {
    /// Where the child's standard output goes.
    enum Output: Sendable {
        /// Discarded.
        case discard
        /// A pipe read with `readLine()`.
        case pipe
        /// A file, created or truncated.
        case file(String)
    }

    let pid: pid_t
    /// Our end of the child's standard input, when it is a pipe.
    private let input: Int32?
    /// Our end of the child's standard output, when it is a pipe.
    private let output: Int32?

    /// Starts `arguments[0]` (looked up in PATH). With `stdinPipe`, the child reads what `send` writes and sees
    /// end of file at `stop()`; without, it reads /dev/null.
    init(_ arguments: [String], stdinPipe: Bool = false, output: Output = .discard) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        var inputEnd: Int32?
        var outputEnd: Int32?
        if stdinPipe {
            var fds: [Int32] = [0, 0]
            pipe(&fds)
            posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
            inputEnd = fds[1]
            parentEnds.append(fds[1])
            childEnds.append(fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        switch output {
        case .discard:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        case .pipe:
            var fds: [Int32] = [0, 0]
            pipe(&fds)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            outputEnd = fds[0]
            parentEnds.append(fds[0])
            childEnds.append(fds[1])
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The child must not keep our ends open (it would never see end of file on its input).
        for fd in parentEnds + childEnds { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        childEnds.forEach { close($0) }
        guard result == 0 else {
            parentEnds.forEach { close($0) }
            throw SpawnError(code: result, command: arguments[0])
        }
        self.pid = pid
        input = inputEnd
        self.output = outputEnd
    }

    /// Runs `arguments` to the end and returns its standard output and exit status.
    static func run(_ arguments: [String]) throws -> (output: Data, status: Int32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString)").path
        defer { unlink(path) }
        let child = try ChildProcess(arguments, output: .file(path))
        let status = child.wait()
        return (try Data(contentsOf: URL(fileURLWithPath: path)), status)
    }

    /// The next line the child prints (blocking until it does; nil at end of output or without an output pipe).
    func readLine() -> String? {
        guard let output else { return nil }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        // One byte at a time: these are short handshake lines, and nothing past the newline is consumed.
        while read(output, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }

    /// Sends one line to the child's standard input.
    func send(_ line: String) {
        guard let input else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    }

    /// Waits for the child to exit by itself; its exit status (128 + signal when killed).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Sends SIGTERM, closes our pipe ends and waits for the child to exit.
    func stop() {
        kill(pid, SIGTERM)
        input.map { _ = close($0) }
        _ = wait()
        output.map { _ = close($0) }
    }

    /// Waits until the child listens on 127.0.0.1:`port` (bounded to about 5 s), or throws.
    func waitUntilListening(port: Int) throws {
        for _ in 0..<500 {
            if Sockets.accepts(port: port) { return }
            usleep(10_000)
        }
        throw SpawnError(code: ETIMEDOUT, command: "a server on port \(port)")
    }

    struct SpawnError: Error, CustomStringConvertible {
        let code: Int32
        let command: String
        var description: String { "cannot start \(command): \(String(cString: strerror(code)))" }
    }
}
