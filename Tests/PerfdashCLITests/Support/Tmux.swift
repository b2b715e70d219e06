import Foundation

/// A private tmux server (its own socket, no user config) holding one session of a fixed size.
/// `kill()` stops the server; call it in a `defer`.
struct Tmux {
    let socket = "perfdash-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "t"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tmux -L socket -f /dev/null args…` and returns its standard output.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket, "-f", "/dev/null"] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs tmux with posix_spawn and waitpid, output to /dev/null: for commands that start the server, whose
    /// daemon would otherwise keep Foundation's `Process.waitUntilExit` waiting forever.
    @discardableResult
    func spawn(_ args: [String]) -> Int32 {
        let argv = (["tmux", "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner's threads block most signals and a spawned child inherits that mask: the tmux server
        // and the dashboard under test must start with none blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    /// Starts a detached session running `command` (through the shell) at `width` × `height`, with the colour
    /// variables of the test process (`NO_COLOR`, `COLORTERM`) removed and `environment` added.
    func start(_ command: String, width: Int, height: Int, environment: [String: String] = [:],
               directory: String? = nil) throws {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }
        let wrapped = (["exec env -u NO_COLOR -u COLORTERM"] + assignments + [command]).joined(separator: " ")
        let place = directory.map { ["-c", $0] } ?? []
        guard spawn(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height)] + place + [wrapped])
            == 0 else {
            throw TmuxError(message: "tmux new-session failed")
        }
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    func capture() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Types `text` literally, then Enter.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
        try run(["send-keys", "-t", session, "Enter"])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// A pane variable such as `alternate_on` or `cursor_flag`.
    func pane(_ variable: String) throws -> String {
        try run(["display-message", "-p", "-t", session, "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first child of the pane's shell: the program it is running in the foreground.
    func childOfShell() throws -> pid_t? {
        guard let shell = Int32(try pane("pane_pid")) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Polls the pane until `condition` holds on two captures in a row or `timeout` passes; returns the last capture.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(15), _ condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = try capture()
        while clock.now < deadline {
            if condition(screen) {
                // A capture can land while a frame is half written (a panel switch drawn top to bottom): the
                // condition must hold on the next capture too, and that one is returned.
                usleep(50_000)
                let again = try capture()
                if condition(again) { return again }
                screen = again
                continue
            }
            usleep(50_000)
            screen = try capture()
        }
        return screen
    }

    /// Stops the server and removes its socket file.
    func kill() {
        spawn(["kill-server"])
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(socket)")
    }
}

/// tmux refused a command.
struct TmuxError: Error {
    var message: String
}
