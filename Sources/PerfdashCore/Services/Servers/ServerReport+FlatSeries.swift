extension ServerReport {
    /// The server's figures as History series of service `service` (see `ServerSeries`): PostgreSQL's buffer hit
    /// rate, transactions, rollbacks, connections, lock waits, deadlocks and temp bytes; Redis' ops, memory, clients
    /// and each queue key's size; memcached's memory, items and connections. A figure that cannot be known (a rate
    /// from one scrape, a percent without a limit) is left out, never written as 0. The tables of the index hints
    /// also give `db.table.<table>.seq_scans_per_second`, `.seq_rows_per_second` and `.idx_scans_per_second` over
    /// the window's `span` seconds (the advisor's sequential-scan rule reads them).
    func flatSeries(service: String, span: Double) -> [FlatSeries] {
        var out: [FlatSeries] = []
        let label = SeriesLabel("service", service)
        func append(_ metric: String, family: String, labels: [SeriesLabel], _ value: Double?, _ unit: SeriesUnit) {
            guard let value, value.isFinite else { return }
            out.append(FlatSeries(name: SeriesName.service(service, metric), family: "service.\(family)",
                                  labels: [label] + labels, value: value, unit: unit))
        }
        func append(_ metric: String, _ value: Double?, _ unit: SeriesUnit) {
            append(metric, family: metric, labels: [], value, unit)
        }
        if let db = postgres {
            append(ServerSeries.dbBufferHitPercent, db.bufferHitPercent, .percent)
            append(ServerSeries.dbTransactionsPerSecond, db.transactionsPerSecond, .perSecond)
            append(ServerSeries.dbRollbacksPerSecond, db.rollbacksPerSecond, .perSecond)
            append(ServerSeries.dbConnectionsUsedPercent, db.connections.usedPercent, .percent)
            append(ServerSeries.dbWaitingOnLocks, Double(db.connections.waitingOnLocks), .count)
            append(ServerSeries.dbDeadlocks, db.deadlocks, .count)
            append(ServerSeries.dbTempBytes, db.tempBytes, .bytes)
            for hint in db.indexHints ?? [] where span > 0 {
                let table = [SeriesLabel("table", hint.table)]
                for (metric, value) in [("seq_scans_per_second", hint.sequentialScans),
                                        ("seq_rows_per_second", hint.sequentialRowsRead),
                                        ("idx_scans_per_second", hint.indexScans)] {
                    append("db.table.\(hint.table).\(metric)", family: "db.table.\(metric)", labels: table,
                           value / span, .perSecond)
                }
            }
        }
        if let redis {
            append(ServerSeries.redisOpsPerSecond, redis.opsPerSecond, .perSecond)
            append(ServerSeries.redisMemoryUsedPercent, redis.memoryUsedPercent, .percent)
            append(ServerSeries.redisClients, redis.clients, .count)
            for queue in redis.queues where queue.parts.count > 1 {
                for part in queue.parts {
                    let labels = [SeriesLabel("queue", queue.queue), SeriesLabel("part", part.part)]
                    append(ServerSeries.queuePart(queue.queue, part.part), family: "queue.part_size", labels: labels,
                           part.size, .count)
                }
            }
        }
        if let memcached {
            append(ServerSeries.memcachedMemoryUsedPercent, memcached.memoryUsedPercent, .percent)
            append(ServerSeries.memcachedItems, memcached.items, .count)
            append(ServerSeries.memcachedConnections, memcached.connections, .count)
        }
        return out
    }
}
