import PerfdashCore
@testable import PerfdashTUI
import Testing

/// The drill-down of PostgreSQL, Redis and memcached services, from reports derived the real way (two samples in a
/// ServiceWindow 10 s apart), with the figures worked out in the comments.
@Suite struct ServerDetailViewTests {
    /// A PostgreSQL service: 600 commits and 10 rollbacks in 10 s (60 tx/s, 1 rollback/s); 9900 buffer hits and 100
    /// reads (99.0 %); 23 client backends + perfdash's = 24 of 100; one statement ran 300 times for 450 ms
    /// (1.50 ms mean), another 5 times for 5 s (1.00 s mean); big got 20 sequential scans of 5000 rows.
    static let postgres: ServiceReport = {
        func sample(_ step: Double) -> ServiceSample {
            let db = PostgresSample(
                serverVersion: "15.4 (Debian 15.4-1)", commits: 1000 + 600 * step, rollbacks: 5 + 10 * step,
                maxConnections: 100, reservedConnections: 3,
                connectionsByState: ["active": 5, "idle": 15, "idle in transaction": 3], waitingOnLocks: 2,
                statements: [
                    StatementCounters(id: "1", text: "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
                                      calls: 100 + 300 * step, totalMilliseconds: 10 + 450 * step, rows: 300 * step),
                    StatementCounters(id: "2", text: "SELECT * FROM big WHERE x = $1", calls: 5 * step,
                                      totalMilliseconds: 5000 * step, rows: 5 * step),
                ],
                tables: [TableCounters(name: "public.big", sequentialScans: 20 * step, sequentialRows: 100_000 * step,
                                       indexScans: 0, liveRows: 5000)])
            return ServiceSample(seriesCount: 20, caches: ["buffers": CacheCounters(hits: 9900 * step, misses: 100 * step)],
                                 server: .postgres(db))
        }
        var window = ServiceWindow(capacity: 4)
        window.append(sample(0), at: 0)
        window.append(sample(1), at: 10)
        return ServiceReport(name: "db", kind: "postgres", address: "postgres://monitor@127.0.0.1:5432/app",
                             state: .up, lastError: nil, errorKind: nil, downForSeconds: nil,
                             scrapeDurationSeconds: 0.004, seriesCount: 20,
                             metrics: ServiceWindowReport(window.metrics(over: 60)!, window: .oneMinute))
    }()

    /// Redis with an RQ queue (4 queued, 1 scheduled, 2 failed) and 1 200 commands in 10 s (120 ops/s), 25 MiB of a
    /// 100 MiB maxmemory.
    static let redis: ServiceReport = {
        func sample(_ commands: Double) -> ServiceSample {
            let queue = RedisQueueReading(queue: "default", parts: [
                RedisPartReading(part: "queued", size: 4, inDepth: true),
                RedisPartReading(part: "started", size: 0, inDepth: false),
                RedisPartReading(part: "scheduled", size: 1, inDepth: false),
                RedisPartReading(part: "deferred", size: 0, inDepth: false),
                RedisPartReading(part: "failed", size: 2, inDepth: false),
            ])
            let server = RedisServerSample(version: "7.0.15", clients: 3, blockedClients: 2, commands: commands,
                                           usedMemory: 25 * 1_048_576, maxMemory: 100 * 1_048_576,
                                           evictionPolicy: "allkeys-lru", queues: [queue])
            return ServiceSample(seriesCount: 13, caches: ["redis": CacheCounters(hits: 0, misses: 0)],
                                 queues: ["default": 4], server: .redis(server))
        }
        var window = ServiceWindow(capacity: 4)
        window.append(sample(5000), at: 0)
        window.append(sample(6200), at: 10)
        return ServiceReport(name: "jobs", kind: "redis", address: "127.0.0.1:6379", state: .up, lastError: nil,
                             errorKind: nil, downForSeconds: nil, scrapeDurationSeconds: 0.001, seriesCount: 13,
                             metrics: ServiceWindowReport(window.metrics(over: 60)!, window: .oneMinute))
    }()

    static func render(_ report: ServiceReport, width: Int, height: Int) -> Canvas {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.serviceDetail = true
        state.selection[.services] = 0
        return KnownHost.render(.services, width: width, height: height, model: KnownServices.model([report]),
                                state: state)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func postgresFiguresStatementsAndHints(width: Int, height: Int) {
        let canvas = Self.render(Self.postgres, width: width, height: height)
        let text = canvas.lines.joined(separator: "\n")
        var missing: [String] = []
        func expect(_ needle: String, in haystack: String? = nil) {
            if !(haystack ?? text).contains(needle) { missing.append(needle) }
        }
        expect("PostgreSQL 15.4 · 60 tx/s · 1.0 rollbacks/s · buffer hit 99.0%")
        expect("24 of 100 (3 reserved)")
        expect("active 5")
        expect("Top by total time")
        // The slow statement leads both lists: 5 s in total, 1.00 s per call, 5 calls in 10 s.
        let slow = canvas.line(containing: "SELECT * FROM big")
        expect("1.00 s", in: slow)
        expect(" 0.5 ", in: slow)
        // Both lists and the index hints share the rows: each shows, at 80×24 too.
        expect("Top by mean time")
        // 100 000 rows read by 20 scans.
        let hint = canvas.line(containing: "public.big")
        expect(" 20 ", in: hint)
        expect("5.00k", in: hint)
        if height >= 40 {
            expect("2 waiting on")
            let update = canvas.line(containing: "UPDATE pgbench_accounts")
            expect(" 30 ", in: update)
            expect("1.50 ms", in: update)
            expect("450 ms", in: update)
        }
        #expect(missing.isEmpty, "\(width)×\(height) lacks \(missing)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func redisServerAndQueueParts(width: Int, height: Int) {
        let text = Self.render(Self.redis, width: width, height: height).lines.joined(separator: "\n")
        #expect(text.contains("Redis 7.0.15 · 3 clients (2 blocked) · 120 ops/s"))
        #expect(text.contains("25.0 MiB of 100 MiB (25.0%) · allkeys-lru"))
        #expect(text.contains("default: queued 4 · started 0* · scheduled 1* · deferred 0* · failed 2*"))
    }
}
