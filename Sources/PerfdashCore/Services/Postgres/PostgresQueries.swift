/// The statements one PostgreSQL scrape sends, and how their rows become a `PostgresSample`.
///
/// A scrape is one transaction: pg_stat_database is read first, then each other view behind a savepoint (a view
/// the role may not read fails alone), then the catalog blocks the whole scrape touched are measured
/// (`pg_stat_get_xact_blocks_fetched/hit` over every catalog that is not shared: PostgreSQL adds nothing to a
/// database's counters but these), and after COMMIT `pg_stat_force_next_flush()` hands them to the server. So each
/// reading holds exactly the work of every earlier scrape and none of its own, and perfdash takes out precisely its
/// own transactions and block reads. No statistics flush can happen inside the transaction.
/// Each statement starts with `/* perfdash */` so perfdash leaves its own entries out of pg_stat_statements.
package enum PostgresQueries {
    static let marker = "/* perfdash */"
    /// Entries read from pg_stat_statements: the top by total time plus the top by mean time.
    static let statementLimit = 50
    /// pg_stat_user_tables rows read, by sequential rows read.
    static let tableLimit = 100
    /// Catalog OIDs are below this (PostgreSQL's FirstNormalObjectId).
    static let firstNormalOID = 16_384

    static let database = """
        \(marker) SELECT xact_commit, xact_rollback, blks_read, blks_hit, deadlocks, temp_files, temp_bytes, \
        current_setting('max_connections'), current_setting('superuser_reserved_connections') \
        FROM pg_stat_database WHERE datname = current_database()
        """
    /// Client backends; another role's sessions show a NULL backend_type to a role without pg_read_all_stats,
    /// and are told from background processes by having a database and a user.
    static let activity = """
        \(marker) SELECT coalesce(state, ''), count(*), count(*) FILTER (WHERE wait_event_type = 'Lock') \
        FROM pg_stat_activity WHERE (backend_type = 'client backend' \
        OR (backend_type IS NULL AND datid IS NOT NULL AND usesysid IS NOT NULL)) AND pid <> pg_backend_pid() GROUP BY 1
        """
    static let tables = """
        \(marker) SELECT schemaname || '.' || relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0), n_live_tup \
        FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT \(tableLimit)
        """
    /// The shared catalogs (pg_database, pg_authid… and their indexes): PostgreSQL counts them in no database.
    static let sharedCatalogs = "\(marker) SELECT coalesce(string_agg(oid::text, ','), '') FROM pg_class WHERE relisshared"
    static let flush = "\(marker) SELECT pg_stat_force_next_flush()"
    static let begin = "\(marker) BEGIN"
    static let commit = "\(marker) COMMIT"
    static let savepoint = "\(marker) SAVEPOINT perfdash"
    static let rollbackToSavepoint = "\(marker) ROLLBACK TO SAVEPOINT perfdash"

    /// What this transaction read from the database's own catalogs so far, summed (fetched, hit).
    static func ownBlocks(sharedCatalogs: String) -> String {
        """
        \(marker) SELECT coalesce(sum(pg_stat_get_xact_blocks_fetched(c::oid)), 0), \
        coalesce(sum(pg_stat_get_xact_blocks_hit(c::oid)), 0) FROM generate_series(1, \(firstNormalOID - 1)) AS c \
        WHERE NOT (c::oid = ANY ('{\(sharedCatalogs)}'::oid[]))
        """
    }

    /// Transaction control (BEGIN, COMMIT, SAVEPOINT…): no work of its own, and its shared entries also count
    /// perfdash's (pg_stat_statements keys utility statements by their parse tree, not their text).
    static let transactionControl =
        "^(/\\*[^*]*\\*/ )?(BEGIN|COMMIT|END|ABORT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION)\\y"

    /// pg_stat_statements of this database without perfdash's own and without transaction control; `total_time`
    /// before PostgreSQL 13.
    static func statements(serverVersion: Int) -> String {
        let total = serverVersion >= 130_000 ? "total_exec_time" : "total_time"
        let select = """
            SELECT queryid::text, calls, \(total), rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) \
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) \
            AND query NOT LIKE '\(marker)%' AND query !~* '\(transactionControl)'
            """
        return "\(marker) (\(select) ORDER BY \(total) DESC LIMIT \(statementLimit)) UNION ALL "
            + "(\(select) ORDER BY \(total) / greatest(calls, 1) DESC LIMIT \(statementLimit))"
    }

    /// Where each result sits in `all(serverVersion:sharedCatalogs:)`.
    enum Index {
        static let database = 1, activity = 3, statements = 5, tables = 7, ownBlocks = 9, commit = 10, flush = 11
    }

    /// Everything one scrape sends, in order (the flush only where it exists: PostgreSQL 15 and later).
    static func all(serverVersion: Int, sharedCatalogs: String) -> [String] {
        [begin, database, savepoint, activity, rollbackToSavepoint, statements(serverVersion: serverVersion),
         rollbackToSavepoint, tables, rollbackToSavepoint, ownBlocks(sharedCatalogs: sharedCatalogs), commit]
            + (serverVersion >= 150_000 ? [flush] : [])
    }
}

/// The raw counters of one scrape and perfdash's own share in them (see `OwnTrafficLedger`).
package struct PostgresReading: Sendable, Equatable {
    var sample: PostgresSample
    var blocksHit: Double
    var blocksRead: Double
    /// Transactions, block hits and reads this scrape caused (they show in the next scrape's counters).
    var own: PostgresOwnTraffic
}

/// What one scrape's own statements add to pg_stat_database.
struct PostgresOwnTraffic: Sendable, Equatable {
    var commits = 0.0
    var rollbacks = 0.0
    var blocksHit = 0.0
    var blocksRead = 0.0
    /// False when the block measurement could not run: the scrape's share is then unknown.
    var known = true
}

extension PostgresQueries {
    /// Turns the results of `all(serverVersion:)` into a reading. Only a failed pg_stat_database read throws.
    package static func reading(_ results: [PostgresQueryResult], serverVersion: String) throws(SourceError) -> PostgresReading {
        guard results.count > Index.commit else { throw SourceError(.protocolViolation, "missing query results") }
        let own = ownTraffic(results)
        if let error = results[Index.database].error {
            throw SourceError(error.code == "42501" ? .authentication : .serverError, "pg_stat_database: \(error.message)")
        }
        guard let row = results[Index.database].statements.first?.rows.first, row.count >= 9 else {
            throw SourceError(.invalidData, "pg_stat_database has no row for this database")
        }
        let numbers = try row.prefix(7).map { (text: String?) throws(SourceError) -> Double in
            guard let value = Number.counter(text) else {
                throw SourceError(.invalidData, "pg_stat_database: \"\(text ?? "NULL")\" is not a counter")
            }
            return value
        }
        var sample = PostgresSample(
            serverVersion: serverVersion, commits: numbers[0], rollbacks: numbers[1], deadlocks: numbers[4],
            tempFiles: numbers[5], tempBytes: numbers[6],
            maxConnections: Number.count(row[7]), reservedConnections: Number.count(row[8]))
        readActivity(results[Index.activity], into: &sample)
        readStatements(results[Index.statements], into: &sample)
        readTables(results[Index.tables], into: &sample)
        return PostgresReading(sample: sample, blocksHit: numbers[3], blocksRead: numbers[2], own: own)
    }

    /// The scrape's own share: one transaction (committed, or rolled back when something outside a savepoint
    /// failed), the flush's own, and the catalog blocks measured inside the transaction.
    static func ownTraffic(_ results: [PostgresQueryResult]) -> PostgresOwnTraffic {
        var own = PostgresOwnTraffic()
        let measured = results[Index.ownBlocks]
        if measured.error == nil, let row = measured.statements.first?.rows.first, row.count >= 2,
           let fetched = Number.counter(row[0]), let hits = Number.counter(row[1]) {
            own.commits = 1
            own.blocksHit = hits
            own.blocksRead = max(0, fetched - hits)
        } else {
            own.rollbacks = 1
            own.known = false
        }
        if results.count > Index.flush, results[Index.flush].error == nil { own.commits += 1 }
        return own
    }

    private static func readActivity(_ result: PostgresQueryResult, into sample: inout PostgresSample) {
        if let error = result.error { return sample.unreadable["pg_stat_activity"] = error.message }
        for row in result.statements.first?.rows ?? [] where row.count >= 3 {
            let state = row[0] ?? ""
            sample.connectionsByState[state, default: 0] = Number.sum(sample.connectionsByState[state] ?? 0,
                                                                      Number.count(row[1]))
            sample.waitingOnLocks = Number.sum(sample.waitingOnLocks, Number.count(row[2]))
        }
    }

    private static func readStatements(_ result: PostgresQueryResult, into sample: inout PostgresSample) {
        if let error = result.error {
            sample.unreadable["pg_stat_statements"] = statementsProblem(error)
            return
        }
        var seen: Set<String> = []
        var entries: [StatementCounters] = []
        for row in result.statements.first?.rows ?? [] where row.count >= 5 {
            guard let id = row[0] else {
                sample.hiddenStatements += 1
                continue
            }
            guard seen.insert(id).inserted else { continue }
            entries.append(StatementCounters(id: id, text: row[4] ?? "", calls: Number.counter(row[1]) ?? 0,
                                             totalMilliseconds: Number.counter(row[2]) ?? 0,
                                             rows: Number.counter(row[3]) ?? 0))
        }
        sample.statements = entries
    }

    /// Why pg_stat_statements cannot be read, in words that say what to do.
    static func statementsProblem(_ error: PostgresServerError) -> String {
        switch error.code {
        case "42P01": return "pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements)"
        case "55000": return "pg_stat_statements is not loaded (add it to shared_preload_libraries and restart)"
        case "42501": return "permission denied for pg_stat_statements"
        default: return error.message
        }
    }

    private static func readTables(_ result: PostgresQueryResult, into sample: inout PostgresSample) {
        if let error = result.error {
            sample.unreadable["pg_stat_user_tables"] = error.message
            return
        }
        sample.tables = (result.statements.first?.rows ?? []).compactMap { row in
            guard row.count >= 5, let name = row[0] else { return nil }
            return TableCounters(name: name, sequentialScans: Number.counter(row[1]) ?? 0,
                                 sequentialRows: Number.counter(row[2]) ?? 0, indexScans: Number.counter(row[3]) ?? 0,
                                 liveRows: Number.counter(row[4]) ?? 0)
        }
    }
}

/// Numbers read from a server's text: hostile values are refused or saturated, never trusted.
package enum Number {
    /// A finite, non-negative counter, or nil.
    package static func counter(_ text: String?) -> Double? {
        guard let text, let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A count clamped to 0…Int32.max (0 when not a number).
    static func count(_ text: String?) -> Int {
        guard let value = counter(text) else { return 0 }
        return Int(min(value, Double(Int32.max)))
    }

    /// a + b without overflow.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : value
    }
}
