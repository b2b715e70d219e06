import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A throwaway PostgreSQL cluster (initdb in a scratch directory) on 127.0.0.1 and a free port; `stop()` it in a
/// `defer`.
///
/// PostgreSQL refuses to run as root, so under root (CI containers) initdb and the server run as the `postgres`
/// user (or `nobody`) through `setpriv`, which execs in place: the pid is the server's own and SIGINT reaches it.
/// pg_stat_statements is preloaded, autovacuum is off (its transactions would move the counters under test), and
/// pg_hba lets `md5user` in by md5, `scramuser` by SCRAM-SHA-256 and everyone else by trust.
public final class PostgresServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The scratch directory, which is also where the server's Unix domain socket (`.s.PGSQL.<port>`) lives.
    public let directory: String
    private let child: ChildProcess
    private let stopped = Mutex(false)

    /// Runs initdb, starts the server and returns once its log says it accepts connections (bounded to 60 s).
    public init() throws {
        port = try Sockets.freePort()
        var template = Array("/tmp/perfdash-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw StartError(log: "mkdtemp failed") }
        directory = String(cString: made)
        let data = directory + "/data", log = directory + "/server.log"
        var prefix: [String] = []
        if getuid() == 0 {
            let account = getpwnam("postgres") ?? getpwnam("nobody")
            guard let account else { throw StartError(log: "running as root and no postgres or nobody user") }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
            prefix = ["setpriv", "--reuid=\(account.pointee.pw_uid)", "--regid=\(account.pointee.pw_gid)",
                      "--clear-groups", "--"]
        }
        let initdb = try runProcess(prefix + ["initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync",
                                              "-E", "UTF8", "--locale=C"])
        guard initdb.status == 0 else { throw StartError(log: initdb.stdout + initdb.stderr) }
        try """
            local all all trust
            host all md5user 127.0.0.1/32 md5
            host all scramuser 127.0.0.1/32 scram-sha-256
            host all all 127.0.0.1/32 trust
            """.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        child = try ChildProcess(prefix + [
            "postgres", "-D", data, "-p", String(port), "-k", directory, "-c", "listen_addresses=127.0.0.1",
            "-c", "shared_preload_libraries=pg_stat_statements", "-c", "autovacuum=off", "-c", "fsync=off",
            "-c", "full_page_writes=off", "-c", "max_connections=40",
        ], errorFile: log)
        for _ in 0..<3000 {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.contains("ready to accept connections") { return }
            if text.contains("FATAL") { break }
            usleep(20_000)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        stop()
        throw StartError(log: text)
    }

    /// Runs `sql` with psql (trust login, no psqlrc, unaligned tuples only) and returns its output, trimmed.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> String {
        let result = try runProcess(["psql", "-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database,
                                     "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw CommandError(command: sql, output: result.stderr) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs pgbench with `arguments` against `database`.
    public func pgbench(_ arguments: [String], database: String) throws {
        let result = try runProcess(["pgbench", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres"]
                                    + arguments + [database])
        guard result.status == 0 else { throw CommandError(command: "pgbench", output: result.stderr) }
    }

    /// Fast shutdown (SIGINT: open sessions are disconnected), then the scratch directory goes; later calls do
    /// nothing.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        kill(child.pid, SIGINT)
        _ = child.finish()
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }

    /// The server did not start.
    public struct StartError: Error, CustomStringConvertible {
        /// What initdb or the server printed.
        public var log: String
        /// The log, introduced.
        public var description: String { "PostgreSQL did not start:\n\(log)" }
    }

    /// psql or pgbench failed.
    public struct CommandError: Error, CustomStringConvertible {
        /// The statement or program.
        public var command: String
        /// Its error output.
        public var output: String
        /// Both.
        public var description: String { "\(command): \(output)" }
    }
}
