import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// Against a real PostgreSQL cluster started for each test (initdb in a scratch directory, loopback, free port).
///
/// The reference figures are read by psql connected to the `postgres` database, so its own transactions and
/// catalog reads land in that database's counters and never in `app`'s, which perfdash watches.
@Suite(.serialized) struct PostgresSourceTests {
    private func source(_ server: PostgresServer, database: String = "app", user: String = "postgres",
                        password: String? = nil) -> PostgresSource {
        PostgresSource(config: PostgresServiceConfig(host: "127.0.0.1", port: server.port, user: user,
                                                     database: database, password: password),
                       timeout: .seconds(20))
    }

    /// Columns of app's pg_stat_database row, read from the postgres database.
    private func counters(_ server: PostgresServer) throws -> [Double] {
        try server.psql("SELECT xact_commit, xact_rollback, blks_hit, blks_read, temp_bytes FROM pg_stat_database "
                        + "WHERE datname = 'app'").split(separator: "|").map { Double($0)! }
    }

    /// Waits (bounded) until perfdash's own session is the only one left in `app`: a finished client's backend
    /// adds its statistics when it exits, which is a moment after the client has gone.
    private func settle(_ server: PostgresServer) throws {
        for _ in 0..<500 {
            let others = try server.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = 'app' "
                                         + "AND backend_type = 'client backend' AND application_name <> 'perfdash'")
            if others == "0" { return }
            usleep(20_000)
        }
        Issue.record("sessions in app did not end")
    }

    private func report(_ first: ServiceSample, _ second: ServiceSample, seconds: Double) throws -> PostgresReport {
        var window = ServiceWindow(capacity: 10)
        window.append(first, at: 0)
        window.append(second, at: seconds)
        return try #require(window.metrics(over: 60)?.server?.postgres)
    }

    @Test func figuresEqualPgStatOverTheSameInterval() async throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE DATABASE app")
        try server.psql("CREATE EXTENSION pg_stat_statements", database: "app")
        try server.pgbench(["-i", "-s", "1", "-q"], database: "app")
        try server.psql("CREATE TABLE big AS SELECT g AS x FROM generate_series(1, 5000) g; ANALYZE big",
                        database: "app")
        let perfdash = source(server)
        _ = try await perfdash.sample()
        try settle(server)

        // Idle: perfdash's own statements and catalog reads are all taken out.
        let quietA = try await perfdash.sample()
        let quietB = try await perfdash.sample()
        let quiet = try report(quietA, quietB, seconds: 5)
        #expect(quiet.transactionsPerSecond == 0)
        #expect(quiet.rollbacksPerSecond == 0)
        #expect(quiet.bufferHitPercent == nil)

        // Load: pgbench, 20 sequential scans of a 5000-row table, and a sort that spills to a temporary file.
        let first = try await perfdash.sample()
        let before = try counters(server)
        try server.pgbench(["-n", "-c", "2", "-t", "150"], database: "app")
        try server.psql(Array(repeating: "SELECT count(*) FROM big WHERE x = 7;", count: 20).joined()
                        + "SET work_mem = '64kB'; SELECT x FROM big ORDER BY x DESC OFFSET 4999;", database: "app")
        try settle(server)
        let after = try counters(server)
        let second = try await perfdash.sample()

        let db = try report(first, second, seconds: 10)
        let commits = after[0] - before[0], rollbacks = after[1] - before[1]
        let hits = after[2] - before[2], reads = after[3] - before[3]
        #expect(commits >= 300)
        #expect(db.transactionsPerSecond == commits / 10)
        #expect(db.rollbacksPerSecond == rollbacks / 10)
        #expect(db.bufferHitPercent == 100 * hits / (hits + reads))
        #expect(db.tempBytes == after[4] - before[4])
        #expect(db.tempBytes > 0)

        // The statements: pgbench's UPDATE of pgbench_accounts ran 300 times in the window.
        let statements = try #require(db.statements)
        let update = try #require(statements.topByTotal.first { $0.query.hasPrefix("UPDATE pgbench_accounts") })
        #expect(update.calls == 300)
        #expect(update.callsPerSecond == 30)
        #expect(update.rows == 300)
        #expect(statements.topByTotal.count <= PostgresStatements.listLength)
        // None of perfdash's own statements, transaction control included.
        #expect(!(statements.topByTotal + statements.topByMean).contains {
            $0.query.contains("perfdash") || ["BEGIN", "COMMIT"].contains($0.query)
        })

        // The index hint: big was read by 20 + 1 sequential scans of 5000 rows each and has no index.
        let hint = try #require(db.indexHints?.first { $0.table == "public.big" })
        #expect(hint.sequentialScans == 21)
        #expect(hint.rowsPerScan == 5000)
        #expect(hint.indexScans == 0)
        // The advisor's sequential-scan rule reads the hint as rates over the window's 10 s.
        var window = ServiceWindow(capacity: 4)
        window.append(first, at: 0)
        window.append(second, at: 10)
        let report = ServiceReport(name: "db", kind: "postgres", address: "", state: .up, lastError: nil,
                                   errorKind: nil, downForSeconds: nil, scrapeDurationSeconds: 0, seriesCount: 1,
                                   metrics: ServiceWindowReport(try #require(window.metrics(over: 60)),
                                                                window: .oneMinute))
        let series = Dictionary(report.flatSeries().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(series["service.db.db.table.public.big.seq_scans_per_second"] == 2.1)
        #expect(series["service.db.db.table.public.big.seq_rows_per_second"] == 10_500)
        #expect(series["service.db.db.transactions_per_second"] == commits / 10)
        // pgbench_accounts is read through its primary key: no hint.
        #expect(db.indexHints?.contains { $0.table == "public.pgbench_accounts" } == false)
        #expect(db.unreadable.isEmpty)
        #expect(db.connections.max == 40)
        #expect(db.connections.used >= 1)
    }

    @Test func aRoleWithoutRightsShowsWhatItCannotRead() async throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE DATABASE app")
        try server.psql("CREATE DATABASE bare")
        try server.psql("CREATE EXTENSION pg_stat_statements; REVOKE SELECT ON pg_stat_statements FROM PUBLIC; "
                        + "CREATE ROLE watcher LOGIN", database: "app")
        // Another role's session, which watcher may not look into.
        let other = try ChildProcess(["psql", "-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres",
                                      "-d", "app", "-XAtq"], stdinPipe: true, output: .pipe)
        defer { other.stop() }
        other.send("SELECT 'ready';")
        #expect(other.readLine() == "ready")

        let sample = try await source(server, user: "watcher").sample()
        guard case .postgres(let db)? = sample.server else { throw SourceError(.other, "no postgres section") }
        #expect(db.unreadable == ["pg_stat_statements": "permission denied for pg_stat_statements"])
        #expect(db.statements == nil)
        // The other role's session is counted, its state hidden.
        #expect(db.connectionsByState[""] == 1)
        #expect(db.tables != nil)
        #expect(sample.caches["buffers"] != nil)

        let bare = try await source(server, database: "bare").sample()
        guard case .postgres(let bareDB)? = bare.server else { throw SourceError(.other, "no postgres section") }
        #expect(bareDB.unreadable["pg_stat_statements"]
                == "pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements)")
    }

    @Test func passwordsAndFailuresGiveOneLine() async throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE DATABASE app")
        try server.psql("SET password_encryption = 'md5'; CREATE ROLE md5user LOGIN PASSWORD 'md5 secret'; "
                        + "SET password_encryption = 'scram-sha-256'; CREATE ROLE scramuser LOGIN PASSWORD 'scräm'")
        _ = try await source(server, user: "md5user", password: "md5 secret").sample()
        _ = try await source(server, user: "scramuser", password: "scräm").sample()

        await #expect(throws: SourceError(.authentication, "password authentication failed for user \"scramuser\"")) {
            _ = try await source(server, user: "scramuser", password: "wrong").sample()
        }
        await #expect(throws: SourceError(.authentication,
                                          "server asks for a password: set password_env (or PGPASSWORD)")) {
            _ = try await source(server, user: "md5user").sample()
        }
        await #expect(throws: SourceError(.serverError, "database \"nope\" does not exist")) {
            _ = try await source(server, database: "nope").sample()
        }
        let refused = PostgresSource(config: PostgresServiceConfig(host: "127.0.0.1", port: try Sockets.closedPort(),
                                                                  user: "postgres", database: "app"),
                                     timeout: .seconds(2))
        await #expect(throws: SourceError(.refused, "connection refused")) { _ = try await refused.sample() }

        // A session the server ends (pg_terminate_backend, idle_session_timeout) is replaced, not reported down.
        let perfdash = source(server)
        _ = try await perfdash.sample()
        try server.psql("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                        + "WHERE application_name = 'perfdash'")
        _ = try await perfdash.sample()
        #expect(try server.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'perfdash'") == "1")
    }
}
