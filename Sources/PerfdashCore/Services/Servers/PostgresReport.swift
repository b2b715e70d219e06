/// A PostgreSQL database over the window.
public struct PostgresReport: Sendable, Equatable, Codable {
    /// The server's version.
    public var serverVersion: String
    /// 100 · Δblks_hit / (Δblks_hit + Δblks_read), perfdash's own reads left out; nil without reads.
    public var bufferHitPercent: Double?
    /// Commits per second, perfdash's own left out; nil for a single scrape.
    public var transactionsPerSecond: Double?
    /// Rollbacks per second, perfdash's own left out; nil for a single scrape.
    public var rollbacksPerSecond: Double?
    /// Deadlocks in the window (since the stats reset for a single scrape).
    public var deadlocks: Double
    /// Temporary files written in the window.
    public var tempFiles: Double
    /// Bytes written to temporary files in the window.
    public var tempBytes: Double
    /// Connections now, as the server counts them against max_connections.
    public var connections: PostgresConnections
    /// The top statements, or nil when pg_stat_statements could not be read (see `unreadable`).
    public var statements: PostgresStatements?
    /// Tables read by many sequential scans over many rows with few index scans; nil when not readable.
    public var indexHints: [IndexHint]?
    /// What could not be read and why, by section.
    public var unreadable: [UnreadableSection]

    init(series: [PostgresSample], caches: [CacheCounters?], latest: PostgresSample, rate: RateMath) {
        serverVersion = latest.serverVersion
        let buffers = caches.compactMap { $0 }
        let hits = rate.increase(buffers.map(\.hits)), reads = rate.increase(buffers.map(\.misses))
        bufferHitPercent = RateMath.percent(hits, of: hits + reads)
        transactionsPerSecond = rate.perSecond(series.map(\.commits))
        rollbacksPerSecond = rate.perSecond(series.map(\.rollbacks))
        deadlocks = rate.increase(series.map(\.deadlocks))
        tempFiles = rate.increase(series.map(\.tempFiles))
        tempBytes = rate.increase(series.map(\.tempBytes))
        connections = PostgresConnections(latest)
        statements = latest.statements.map { _ in PostgresStatements(series: series, latest: latest, rate: rate) }
        indexHints = latest.tables.map { _ in IndexHint.hints(series: series, latest: latest, rate: rate) }
        unreadable = latest.unreadable.keys.sorted().map { UnreadableSection(section: $0, reason: latest.unreadable[$0]!) }
    }
}

/// A section of the server's statistics the role may not read.
public struct UnreadableSection: Sendable, Equatable, Codable {
    /// `pg_stat_statements`, `pg_stat_user_tables`, `pg_stat_activity`.
    public var section: String
    /// The server's reason, or what to do about it.
    public var reason: String
}

/// Client connections against the server's limit.
public struct PostgresConnections: Sendable, Equatable, Codable {
    /// Client backends now, perfdash's own included (it takes a slot too).
    public var used: Int
    /// `max_connections`.
    public var max: Int
    /// `superuser_reserved_connections`: the slots ordinary roles cannot take.
    public var reserved: Int
    /// 100 · used / max_connections.
    public var usedPercent: Double?
    /// Client backends by state, perfdash's own left out; `hidden` counts sessions the role may not see.
    public var byState: [StateCount]
    /// Client backends waiting on a lock.
    public var waitingOnLocks: Int

    init(_ sample: PostgresSample) {
        let others = sample.connectionsByState.values.reduce(0, Number.sum)
        used = Number.sum(others, 1)
        max = sample.maxConnections
        reserved = sample.reservedConnections
        usedPercent = RateMath.percent(Double(used), of: Double(sample.maxConnections))
        byState = sample.connectionsByState.keys.sorted().map {
            StateCount(state: $0.isEmpty ? "hidden" : $0, count: sample.connectionsByState[$0]!)
        }
        waitingOnLocks = sample.waitingOnLocks
    }
}

/// Sessions in one state.
public struct StateCount: Sendable, Equatable, Codable {
    /// `active`, `idle`, `idle in transaction`…, or `hidden`.
    public var state: String
    /// Client backends in it.
    public var count: Int
}

/// pg_stat_statements over the window: the seeds' slow-query list.
public struct PostgresStatements: Sendable, Equatable, Codable {
    /// How many entries each list holds at most.
    public static let listLength = 10
    /// The statements that took the most time in the window.
    public var topByTotal: [StatementReport]
    /// The statements slowest per call in the window.
    public var topByMean: [StatementReport]
    /// Entries of other roles the role may not see (grant pg_read_all_stats to see them).
    public var hidden: Int

    init(series: [PostgresSample], latest: PostgresSample, rate: RateMath) {
        let reports = (latest.statements ?? []).compactMap { entry in
            StatementReport(entry, baseline: Self.baseline(of: entry.id, in: series), rate: rate)
        }
        topByTotal = Array(reports.sorted { ($0.totalMilliseconds, $1.queryId) > ($1.totalMilliseconds, $0.queryId) }
            .prefix(Self.listLength))
        topByMean = Array(reports.sorted { ($0.meanMilliseconds, $1.queryId) > ($1.meanMilliseconds, $0.queryId) }
            .prefix(Self.listLength))
        hidden = latest.hiddenStatements
    }

    /// The entry's totals at the start of the window: in the oldest scrape that lists it (an entry that entered the
    /// top lists during the window counts from there). Nil with a single scrape.
    private static func baseline(of id: String, in series: [PostgresSample]) -> StatementCounters? {
        guard series.count > 1 else { return nil }
        for sample in series.dropLast() {
            if let entry = sample.statements?.first(where: { $0.id == id }) { return entry }
        }
        return nil
    }
}

/// One statement over the window.
public struct StatementReport: Sendable, Equatable, Codable {
    /// pg_stat_statements' queryid.
    public var queryId: String
    /// The normalized text.
    public var query: String
    /// Executions in the window.
    public var calls: Double
    /// Executions per second; nil for a single scrape.
    public var callsPerSecond: Double?
    /// Mean execution time per call in the window, ms.
    public var meanMilliseconds: Double
    /// Execution time in the window, ms.
    public var totalMilliseconds: Double
    /// Rows returned or affected in the window.
    public var rows: Double

    /// Nil when the statement did not run in the window.
    init?(_ entry: StatementCounters, baseline: StatementCounters?, rate: RateMath) {
        var calls = entry.calls, total = entry.totalMilliseconds, rows = entry.rows
        // Without a baseline the entry is new in the window and all its calls count; an entry whose calls went
        // down was reset (pg_stat_statements_reset, or evicted and re-added) and counts from zero.
        if let baseline, entry.calls >= baseline.calls {
            calls -= baseline.calls
            total = max(0, total - baseline.totalMilliseconds)
            rows = max(0, rows - baseline.rows)
        }
        guard calls > 0 else { return nil }
        queryId = entry.id
        query = entry.text
        self.calls = calls
        callsPerSecond = rate.span > 0 ? calls / rate.span : nil
        meanMilliseconds = total / calls
        totalMilliseconds = total
        self.rows = rows
    }
}

/// A table that sequential scans read often and in bulk while index scans are few: a candidate for an index.
public struct IndexHint: Sendable, Equatable, Codable {
    /// A table needs at least this many live rows to be worth an index.
    public static let minimumRows = 1_000.0
    /// Sequential scans in the window needed before a hint.
    public static let minimumScans = 10.0
    /// How many hints are listed at most.
    public static let listLength = 10

    /// `schema.table`.
    public var table: String
    /// Sequential scans in the window.
    public var sequentialScans: Double
    /// Rows those scans read.
    public var sequentialRowsRead: Double
    /// Rows read per sequential scan.
    public var rowsPerScan: Double
    /// Index scans in the window.
    public var indexScans: Double
    /// Live rows now (estimate).
    public var liveRows: Double

    /// Tables with ≥ 10 sequential scans in the window averaging ≥ 1000 rows each, on ≥ 1000 live rows, with fewer
    /// index scans than sequential ones; the most rows read first.
    static func hints(series: [PostgresSample], latest: PostgresSample, rate: RateMath) -> [IndexHint] {
        let first = series.count > 1 ? Dictionary((series.first?.tables ?? []).map { ($0.name, $0) },
                                                  uniquingKeysWith: { a, _ in a }) : [:]
        var hints: [IndexHint] = []
        for table in latest.tables ?? [] {
            var scans = table.sequentialScans, rowsRead = table.sequentialRows, indexScans = table.indexScans
            if series.count > 1 {
                guard let start = first[table.name] else { continue }
                scans = ServiceDerivation.increase(start.sequentialScans, table.sequentialScans)
                rowsRead = ServiceDerivation.increase(start.sequentialRows, table.sequentialRows)
                indexScans = ServiceDerivation.increase(start.indexScans, table.indexScans)
            }
            guard scans >= minimumScans, table.liveRows >= minimumRows, rowsRead / scans >= minimumRows,
                  indexScans < scans else { continue }
            hints.append(IndexHint(table: table.name, sequentialScans: scans, sequentialRowsRead: rowsRead,
                                   rowsPerScan: rowsRead / scans, indexScans: indexScans, liveRows: table.liveRows))
        }
        return Array(hints.sorted { ($0.sequentialRowsRead, $1.table) > ($1.sequentialRowsRead, $0.table) }
            .prefix(listLength))
    }
}
