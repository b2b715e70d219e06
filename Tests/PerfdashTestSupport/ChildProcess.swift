public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn and reaped with waitpid: the one process helper of these tests.
///
/// Not Foundation's `Process`: its `waitUntilExit()` spins a run loop that never sees the child exit when called
/// from a Swift concurrency thread, and its children inherit the test runner's signal mask (SIGTERM blocked).
/// Here the mask is cleared, so `stop()` can end a server politely. Standard input can be a pipe (`send`),
/// standard output a pipe (`readLine`) or a file; standard error goes to /dev/null.
public struct ChildProcess: Sendable {
    /// Where the child's standard output goes.
    public enum Output: Sendable {
        /// Discarded.
        case discard
        /// A pipe read with `readLine()`.
        case pipe
        /// A file, created or truncated.
        case file(String)
    }

    /// The child's process id.
    public let pid: pid_t
    /// Our end of the child's standard input, when it is a pipe.
    private let input: Int32?
    /// Our end of the child's standard output, when it is a pipe.
    private let output: Int32?

    /// Starts `arguments[0]` (looked up in PATH). With `stdinPipe`, the child reads what `send` writes and sees
    /// end of file at `stop()`; with `stdinFile`, that file; otherwise /dev/null. Standard error goes to
    /// `errorFile` (created or truncated) or /dev/null. `environment` replaces ours when given.
    public init(_ arguments: [String], stdinPipe: Bool = false, stdinFile: String? = nil, output: Output = .discard,
                errorFile: String? = nil, environment: [String: String]? = nil) throws {
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
            posix_spawn_file_actions_addopen(&actions, 0, stdinFile ?? "/dev/null", O_RDONLY, 0)
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
        posix_spawn_file_actions_addopen(&actions, 2, errorFile ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
        var envp: [UnsafeMutablePointer<CChar>?] = (environment ?? [:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = environment == nil
            ? posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
            : posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        childEnds.forEach { close($0) }
        guard result == 0 else {
            parentEnds.forEach { close($0) }
            throw SpawnError(code: result, command: arguments[0])
        }
        self.pid = pid
        input = inputEnd
        self.output = outputEnd
    }

    /// The next line the child prints (blocking until it does; nil at end of output or without an output pipe).
    public func readLine() -> String? {
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
    public func send(_ line: String) {
        guard let input else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    }

    /// Waits for the child to exit by itself; its exit status (128 + signal when killed).
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Waits up to `seconds` for the child to exit; its status as `wait()` gives it, or nil if it is still running.
    public func wait(timeout seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        repeat {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if result < 0, errno != EINTR { return nil }
            usleep(5_000)
        } while Date() < deadline
        return nil
    }

    /// Sends `signal` and waits up to `seconds` for the exit; if the child is still running then, it is killed
    /// (so a test never hangs) and nil is returned.
    public func signalAndWait(_ signal: Int32, timeout seconds: Double = 20, killAfter: Bool = true) -> Int32? {
        kill(pid, signal)
        if let status = wait(timeout: seconds) { return status }
        if killAfter {
            kill(pid, SIGKILL)
            _ = wait()
        }
        return nil
    }

    /// Sends SIGTERM, closes our pipe ends and waits for the child to exit.
    public func stop() {
        kill(pid, SIGTERM)
        _ = finish()
    }

    /// Closes our end of its input, waits for the child to exit by itself and closes our end of its output;
    /// its exit status as `wait()` gives it.
    public func finish() -> Int32 {
        input.map { _ = close($0) }
        let status = wait()
        output.map { _ = close($0) }
        return status
    }

    /// Waits until the child listens on 127.0.0.1:`port` (bounded to about 5 s), or throws.
    public func waitUntilListening(port: Int) throws {
        for _ in 0..<500 {
            if Sockets.accepts(port: port) { return }
            usleep(10_000)
        }
        throw SpawnError(code: ETIMEDOUT, command: "a server on port \(port)")
    }

    /// posix_spawn failed, or the child never started listening.
    public struct SpawnError: Error, CustomStringConvertible {
        /// The errno value.
        public let code: Int32
        /// What was being started.
        public let command: String
        /// A failure with errno `code` while starting `command`.
        public init(code: Int32, command: String) {
            self.code = code
            self.command = command
        }

        /// The command and the system's message for `code`.
        public var description: String { "cannot start \(command): \(String(cString: strerror(code)))" }
    }
}
