/// The demo's L3 database as PostgreSQL's statistics views would count it: synthetic totals, derived from the
/// queries the workload runs, shaped like pg_stat_database, pg_stat_statements, pg_stat_user_tables and
/// pg_stat_activity so `perfdash --demo` fills the database part of the Services panel as a PostgreSQL source would.
///
/// The model is deliberately plain and deterministic (no random draws of its own, so the seeded workload repeats):
/// a lookup by id reads 3 buffers (index root, leaf, heap), one lookup in 25 finds its heap block outside shared
/// buffers; the search route has no usable index and scans all of `listings` (834 blocks, 5 % of them read from
/// disk), which is what its index hint says. A lookup that finds no row rolls its transaction back (the
/// application's 404 path); every other query and every job start commits.
public struct DatabaseStats: Sendable, Equatable {
    /// One statement's totals, as pg_stat_statements keeps them.
    public struct Statement: Sendable, Equatable {
        /// Normalized text.
        public var text: String
        /// Times executed.
        public var calls = 0
        /// Total execution time, milliseconds.
        public var totalMilliseconds = 0.0
        /// Rows returned or affected.
        public var rows = 0
    }

    /// One table's scan totals, as pg_stat_user_tables keeps them.
    public struct Table: Sendable, Equatable {
        /// `schema.table`.
        public var name: String
        /// Live rows (fixed: the demo's tables do not grow).
        public var liveRows: Int
        /// Sequential scans started.
        public var sequentialScans = 0
        /// Rows read by sequential scans.
        public var sequentialRows = 0
        /// Index scans started.
        public var indexScans = 0
    }

    /// Transactions committed.
    public var commits = 0
    /// Transactions rolled back.
    public var rollbacks = 0
    /// Buffer reads found in shared buffers.
    public var blocksHit = 0
    /// Buffer reads that went to disk.
    public var blocksRead = 0
    /// The statements, in a fixed order: products by id, users by id, the search, the health check, job starts.
    public var statements: [Statement] = [
        Statement(text: "SELECT id, name, price FROM products WHERE id = $1"),
        Statement(text: "SELECT id, email, name FROM users WHERE id = $1"),
        Statement(text: "SELECT id, title, price FROM listings WHERE title ILIKE $1 ORDER BY title LIMIT $2"),
        Statement(text: "SELECT $1"),
        Statement(text: "UPDATE jobs SET state = $1, started_at = now() WHERE id = $2"),
    ]
    /// The tables: products, users, jobs, listings.
    public var tables: [Table] = [
        Table(name: "public.products", liveRows: 20_000),
        Table(name: "public.users", liveRows: 20_000),
        Table(name: "public.jobs", liveRows: 5_000),
        Table(name: "public.listings", liveRows: listingRows),
    ]
    /// Sessions running a query now (the application pool's connections in use).
    public var active = 0
    /// Open sessions waiting for work (the rest of the application pool).
    public var idle = 0
    /// The server's `max_connections`.
    public var maxConnections = 100
    /// Its `superuser_reserved_connections`.
    public var reservedConnections = 3

    /// Rows in `listings`, all read by the search's sequential scan.
    static let listingRows = 50_000
    /// Its heap blocks (about 60 rows per 8 KiB block).
    static let listingBlocks = 834

    /// Creates empty totals.
    public init() {}

    /// Counts one query of `route` (see `DemoMetrics.routes`) for `key` that took `latency` and found its row or not.
    mutating func query(route: String, key: Int, latency: Duration, found: Bool) {
        let statement: Int
        var rows = found ? 1 : 0
        switch route {
        case DemoMetrics.routes[0]: statement = 0; tables[0].indexScans += 1
        case DemoMetrics.routes[1]: statement = 1; tables[1].indexScans += 1
        case DemoMetrics.routes[2]:
            statement = 2
            rows = found ? 20 : 0
            tables[3].sequentialScans += 1
            tables[3].sequentialRows += Self.listingRows
        default: statement = 3
        }
        statements[statement].calls += 1
        statements[statement].totalMilliseconds += latency.seconds * 1_000
        statements[statement].rows += rows
        switch statement {
        case 2:
            let read = Self.listingBlocks / 20
            blocksRead += read
            blocksHit += Self.listingBlocks - read
        case 3: break
        default:
            let cold = abs(key % 25) == 0 ? 1 : 0
            blocksRead += cold
            blocksHit += 3 - cold
        }
        if found { commits += 1 } else { rollbacks += 1 }
    }

    /// Counts one job start: a worker marks it started (an index lookup and an update of one row).
    mutating func jobStarted() {
        statements[4].calls += 1
        statements[4].totalMilliseconds += 0.4
        statements[4].rows += 1
        tables[2].indexScans += 1
        blocksHit += 4
        commits += 1
    }
}
