#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sends a signal to a process shown in the table, after checking that the pid still names that process.
public enum ProcessSignal {
    /// The signals the dashboard offers, SIGTERM first (the default).
    public static let choices: [(name: String, number: Int32)] = [
        ("SIGTERM", SIGTERM), ("SIGINT", SIGINT), ("SIGHUP", SIGHUP), ("SIGQUIT", SIGQUIT), ("SIGKILL", SIGKILL),
        ("SIGSTOP", SIGSTOP), ("SIGCONT", SIGCONT), ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2),
    ]

    /// Sends `signal` to `pid` if it is still the process that started at `startUnixMs` (a pid reused since the
    /// table was drawn is refused). Only the host's own processes: under another `--root` the pids are not ours.
    /// Returns nil on success, else one line saying why not (EPERM, ESRCH…).
    public static func send(_ signal: Int32, to pid: Int, startUnixMs: Int64, root: String) -> String? {
        guard root == "/" || root.isEmpty else {
            return "signals go only to this machine's processes (--root is \(root))"
        }
        guard let target = Int32(exactly: pid), target > 0 else { return "no such process \(pid)" }
        var directory = ProcessDirectory(root: root)
        guard case .success(let stat) = directory.read(ProcessStatParser.self, pid: target, file: "stat") else {
            return "process \(pid) has exited"
        }
        // Start times are computed the same way from the same btime: equal unless the pid was reused.
        let start = ProcessSampler(root: root, readUsers: false).startUnixMs(ticks: stat.startTicks)
        guard abs(start - startUnixMs) <= 10 else { return "pid \(pid) is now another process" }
        guard kill(target, signal) == 0 else {
            let code = errno
            return "kill \(pid): \(String(cString: strerror(code)))" + (code == EPERM ? " (not your process?)" : "")
        }
        return nil
    }
}
