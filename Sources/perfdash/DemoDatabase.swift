import PerfdashCore
import PerfdashDemo

/// `perfdash --demo`'s database tier, `demo-db`: the demo's simulated L3 read as a PostgreSQL source reads a real
/// server, so the database part of the Services panel (buffer cache hit %, transactions/s, connections by state
/// against max_connections, top statements, index hints) has something to show. Synthetic, and labelled so: no
/// PostgreSQL runs; the figures are the workload's own totals (`DatabaseStats`) in a `PostgresSample`.
struct DemoDatabaseSource: ServiceSource {
    /// The service name the tier is shown as.
    static let name = "demo-db"
    /// The `server_version` it reports: says what it is wherever a version is shown.
    static let version = "synthetic (perfdash --demo)"

    /// The running demo whose totals are read.
    let handle: DemoHandle

    /// The `[[service]]` entry the panel lists; its address says the tier is in-process.
    static var config: ServiceConfig {
        ServiceConfig(name: name, endpoint: .postgres(PostgresServiceConfig(host: "in-process", port: 0,
                                                                            user: "demo", database: "demo")))
    }

    func scrape() async throws -> ServiceSample {
        Self.sample(handle.stats.database)
    }

    /// The sample a PostgreSQL source would return for these totals.
    static func sample(_ stats: DatabaseStats) -> ServiceSample {
        let statements = stats.statements.enumerated().map { index, statement in
            StatementCounters(id: String(index + 1), text: statement.text, calls: Double(statement.calls),
                              totalMilliseconds: statement.totalMilliseconds, rows: Double(statement.rows))
        }
        let tables = stats.tables.map {
            TableCounters(name: $0.name, sequentialScans: Double($0.sequentialScans),
                          sequentialRows: Double($0.sequentialRows), indexScans: Double($0.indexScans),
                          liveRows: Double($0.liveRows))
        }
        let server = PostgresSample(
            serverVersion: version, commits: Double(stats.commits), rollbacks: Double(stats.rollbacks),
            maxConnections: stats.maxConnections, reservedConnections: stats.reservedConnections,
            connectionsByState: ["active": stats.active, "idle": stats.idle], statements: statements,
            tables: tables)
        return ServiceSample(seriesCount: 6 + statements.count + tables.count,
                             caches: [PostgresSource.cacheName: CacheCounters(hits: Double(stats.blocksHit),
                                                                              misses: Double(stats.blocksRead))],
                             server: .postgres(server))
    }
}
