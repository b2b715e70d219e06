/// One scrape of a PostgreSQL database: counters from pg_stat_database (perfdash's own share taken out), the
/// connections by state, and pg_stat_statements and pg_stat_user_tables when they can be read.
///
/// Counters are totals, as the server keeps them; the window turns them into rates. A section the role may not read
/// is nil with its reason in `unreadable`, and everything else is still there.
public struct PostgresSample: Sendable, Equatable {
    /// The server's `server_version`.
    public var serverVersion: String
    /// Transactions committed (pg_stat_database.xact_commit) minus perfdash's own.
    public var commits: Double
    /// Transactions rolled back minus perfdash's own.
    public var rollbacks: Double
    /// Deadlocks detected.
    public var deadlocks: Double
    /// Temporary files written by queries.
    public var tempFiles: Double
    /// Bytes written to temporary files.
    public var tempBytes: Double
    /// The `max_connections` setting.
    public var maxConnections: Int
    /// The `superuser_reserved_connections` setting.
    public var reservedConnections: Int
    /// Client backends by state (`active`, `idle`, `idle in transaction`…) without perfdash's own; the state of
    /// sessions the role may not see is `""`.
    public var connectionsByState: [String: Int]
    /// Client backends waiting on a lock.
    public var waitingOnLocks: Int
    /// pg_stat_statements entries of this database (the top ones by total and by mean time), or nil.
    public var statements: [StatementCounters]?
    /// Entries of other roles whose text and id the role may not see (`<insufficient privilege>`).
    public var hiddenStatements: Int
    /// pg_stat_user_tables rows (the most sequentially read ones), or nil.
    public var tables: [TableCounters]?
    /// What could not be read, by section (`pg_stat_statements`, `pg_stat_user_tables`, `pg_stat_activity`), with
    /// the reason.
    public var unreadable: [String: String]

    /// Creates a sample.
    public init(serverVersion: String = "", commits: Double = 0, rollbacks: Double = 0, deadlocks: Double = 0,
                tempFiles: Double = 0, tempBytes: Double = 0, maxConnections: Int = 0, reservedConnections: Int = 0,
                connectionsByState: [String: Int] = [:], waitingOnLocks: Int = 0,
                statements: [StatementCounters]? = nil, hiddenStatements: Int = 0, tables: [TableCounters]? = nil,
                unreadable: [String: String] = [:]) {
        self.serverVersion = serverVersion
        self.commits = commits
        self.rollbacks = rollbacks
        self.deadlocks = deadlocks
        self.tempFiles = tempFiles
        self.tempBytes = tempBytes
        self.maxConnections = maxConnections
        self.reservedConnections = reservedConnections
        self.connectionsByState = connectionsByState
        self.waitingOnLocks = waitingOnLocks
        self.statements = statements
        self.hiddenStatements = hiddenStatements
        self.tables = tables
        self.unreadable = unreadable
    }
}

/// One pg_stat_statements entry's totals.
public struct StatementCounters: Sendable, Equatable {
    /// The queryid, as text (it is a signed 64-bit number).
    public var id: String
    /// The normalized query text, whitespace collapsed, at most 300 characters.
    public var text: String
    /// Times executed.
    public var calls: Double
    /// Total execution time, milliseconds.
    public var totalMilliseconds: Double
    /// Rows returned or affected.
    public var rows: Double

    /// Creates an entry.
    public init(id: String, text: String, calls: Double, totalMilliseconds: Double, rows: Double) {
        self.id = id
        self.text = text
        self.calls = calls
        self.totalMilliseconds = totalMilliseconds
        self.rows = rows
    }
}

/// One pg_stat_user_tables row's scan totals.
public struct TableCounters: Sendable, Equatable {
    /// `schema.table`.
    public var name: String
    /// Sequential scans started.
    public var sequentialScans: Double
    /// Live rows fetched by sequential scans.
    public var sequentialRows: Double
    /// Index scans started (0 for a table without indexes).
    public var indexScans: Double
    /// Estimated live rows now.
    public var liveRows: Double

    /// Creates a row.
    public init(name: String, sequentialScans: Double, sequentialRows: Double, indexScans: Double, liveRows: Double) {
        self.name = name
        self.sequentialScans = sequentialScans
        self.sequentialRows = sequentialRows
        self.indexScans = indexScans
        self.liveRows = liveRows
    }
}
