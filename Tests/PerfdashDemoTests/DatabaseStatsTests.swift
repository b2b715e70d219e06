import PerfdashDemo
import Prometheus
import Testing

/// The demo's database tier as PostgreSQL's statistics views would count it, followed by hand on scripted traffic.
@Suite struct DatabaseStatsTests {
    static func run(_ script: [DemoRequest]) async -> WorkloadStats {
        var workload = Workload(configuration: ScriptedWorkloadTests.configuration,
                                registry: PrometheusCollectorRegistry(), traffic: ScriptedTraffic(script))
        await workload.step(count: script.count)
        return workload.stats
    }

    /// The hand trace of `ScriptedWorkloadTests`: 5 queries reach L3 (keys 1, 2, 3, 4, 5, all products by id), key 4
    /// has no row; 2 jobs start.
    @Test func theScriptedTraceCountsEveryQuery() async {
        let stats = await Self.run(ScriptedWorkloadTests.script)
        let database = stats.database
        let started = stats.started.values.reduce(0, +)
        #expect(started == 2)
        #expect(database.statements[0].calls == 5 && database.statements[0].rows == 4)
        #expect(database.statements[4].calls == started && database.statements[4].rows == started)
        // The missing row rolls its transaction back; the other queries and the job starts commit.
        #expect(database.rollbacks == 1 && database.commits == 4 + started)
        // 3 buffers per lookup by id (none of keys 1…5 is a cold one), 4 per job start.
        #expect(database.blocksHit == 5 * 3 + started * 4 && database.blocksRead == 0)
        #expect(database.tables.map(\.indexScans) == [5, 0, started, 0])
        #expect(database.tables.map(\.sequentialScans) == [0, 0, 0, 0])
        // The statements' time is the L3 time the workload drew for those queries.
        #expect(database.statements[0].totalMilliseconds > 0)
    }

    /// A cold heap block, a search (a sequential scan of listings) and a user lookup.
    @Test func searchScansListingsAndColdBlocksAreRead() async {
        let stats = await Self.run([DemoRequest(arrival: .milliseconds(100), key: 25),
                                    DemoRequest(arrival: .milliseconds(200), key: 90),
                                    DemoRequest(arrival: .milliseconds(300), key: 61)])
        let database = stats.database
        #expect(database.statements.map(\.calls) == [1, 1, 1, 0, 0])
        #expect(database.statements[2].rows == 20)
        let listings = database.tables[3]
        #expect(listings.name == "public.listings" && listings.sequentialScans == 1)
        #expect(listings.sequentialRows == listings.liveRows && listings.indexScans == 0)
        // Key 25: 2 hits, 1 read; the scan: 834 blocks, 834 / 20 = 41 read; key 61: 3 hits.
        #expect(database.blocksRead == 1 + 41 && database.blocksHit == 2 + 793 + 3)
        #expect(database.commits == 3 && database.rollbacks == 0)
        // Connections: the pool's, in use or idle.
        #expect(database.active + database.idle == ScriptedWorkloadTests.configuration.poolSize)
    }
}
