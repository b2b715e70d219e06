import Foundation
import Synchronization

/// Runs `--alert-command` once per alert change, with the change as one JSON object on standard input, off the
/// tick path: ``submit(_:)`` only queues, one worker thread runs the commands one after another, each with a
/// timeout after which it is terminated (SIGTERM, then SIGKILL a second later).
///
/// The command is run directly (argv, never through a shell). A command that cannot start, exits non-zero or
/// times out is reported through `report` in one line; it is never fatal. At most ``queueLimit`` changes wait;
/// beyond that the oldest are dropped and the drop is reported.
public final class AlertCommandRunner: Sendable {
    /// Changes that may wait for the command.
    public static let queueLimit = 64

    /// The command's arguments, the executable first.
    public let arguments: [String]
    /// How long one run may take.
    public let timeout: Duration
    private let report: @Sendable (String) -> Void
    private let state = Mutex(State())
    private let worker = DispatchQueue(label: "perfdash.alert-command")
    private let idle = DispatchGroup()

    private struct State {
        var queue: [Data] = []
        var running = false
        var dropped = 0
    }

    /// Creates a runner for `command` (split as a shell would, but never run by one).
    public init(command: String, timeout: Duration = .seconds(10),
                report: @escaping @Sendable (String) -> Void) throws(CommandLineSplit.SplitError) {
        arguments = try CommandLineSplit.split(command)
        self.timeout = timeout
        self.report = report
        // A command that exits without reading its input closes the pipe under our write: that must be an EPIPE
        // to ignore, not a SIGPIPE that kills perfdash (NIO makes the same choice for its sockets).
        signal(SIGPIPE, SIG_IGN)
    }

    /// Queues one run per event; returns at once.
    public func submit(_ events: [AlertEvent]) {
        guard !events.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payloads = events.compactMap { try? encoder.encode($0) + Data("\n".utf8) }
        let start = state.withLock { state -> Bool in
            state.queue += payloads
            if state.queue.count > Self.queueLimit {
                state.dropped += state.queue.count - Self.queueLimit
                state.queue.removeFirst(state.queue.count - Self.queueLimit)
            }
            guard !state.running else { return false }
            state.running = true
            return true
        }
        if start {
            idle.enter()
            worker.async { self.drain() }
        }
    }

    /// Waits until the queue is empty (or `timeout` has passed); `perfdash snapshot` calls it before exiting.
    public func wait(timeout: Duration) -> Bool {
        let nanoseconds = Swift.max(0, timeout.components.seconds) * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000
        return idle.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds))) == .success
    }

    private func drain() {
        while true {
            let (next, dropped) = state.withLock { state -> (Data?, Int) in
                let dropped = state.dropped
                state.dropped = 0
                guard !state.queue.isEmpty else {
                    state.running = false
                    return (nil, dropped)
                }
                return (state.queue.removeFirst(), dropped)
            }
            if dropped > 0 { report("alert command: \(dropped) alert changes dropped (the command is too slow)") }
            guard let next else { break }
            if let failure = run(next) { report("alert command \(arguments[0]): \(failure)") }
        }
        idle.leave()
    }

    /// Runs the command once with `input` on stdin; returns why it failed, or nil.
    private func run(_ input: Data) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.resolve(arguments[0]))
        process.arguments = Array(arguments.dropFirst())
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot run: \(error.localizedDescription)"
        }
        // A command that does not read its input must not block us: the write is bounded by the pipe buffer,
        // and a closed pipe (EPIPE) is fine.
        let writer = stdin.fileHandleForWriting
        try? writer.write(contentsOf: input)
        try? writer.close()
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        if !process.isRunning { finished.signal() }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return "timed out after \(MetricUnit.duration(seconds)), terminated"
        }
        process.waitUntilExit()
        switch process.terminationReason {
        case .exit where process.terminationStatus == 0: return nil
        case .exit: return "exit status \(process.terminationStatus)"
        case .uncaughtSignal: return "killed by signal \(process.terminationStatus)"
        @unknown default: return "ended abnormally"
        }
    }

    /// A bare name is looked up in $PATH, as execvp would; a name with a slash is taken as is.
    static func resolve(_ name: String) -> String {
        guard !name.contains("/") else { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return name
    }
}
