// A service's `server` member (PostgreSQL, memcached, Redis figures), written by hand in JSONEncoder's layout:
// keys in UTF-8 byte order, optionals left out when nil.

extension ServerReport: JSONWritable {
    /// The one server kind present.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("memcached", ifPresent: memcached)
            w.member("postgres", ifPresent: postgres)
            w.member("redis", ifPresent: redis)
        }
    }
}

extension PostgresReport: JSONWritable {
    /// PostgreSQL's figures over the window.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("buffer_hit_percent", ifPresent: bufferHitPercent)
            w.key("connections"); w.value(connections)
            w.key("deadlocks"); w.value(deadlocks)
            w.member("index_hints", ifPresent: indexHints)
            w.member("rollbacks_per_second", ifPresent: rollbacksPerSecond)
            w.key("server_version"); w.value(serverVersion)
            w.member("statements", ifPresent: statements)
            w.key("temp_bytes"); w.value(tempBytes)
            w.key("temp_files"); w.value(tempFiles)
            w.member("transactions_per_second", ifPresent: transactionsPerSecond)
            w.key("unreadable"); w.value(unreadable)
        }
    }
}

extension UnreadableSection: JSONWritable {
    /// A section the role may not read, and why.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("reason"); w.value(reason)
            w.key("section"); w.value(section)
        }
    }
}

extension PostgresConnections: JSONWritable {
    /// Connections used, allowed and by state.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("by_state"); w.value(byState)
            w.key("max"); w.value(max)
            w.key("reserved"); w.value(reserved)
            w.key("used"); w.value(used)
            w.member("used_percent", ifPresent: usedPercent)
            w.key("waiting_on_locks"); w.value(waitingOnLocks)
        }
    }
}

extension StateCount: JSONWritable {
    /// Connections in one state.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("count"); w.value(count)
            w.key("state"); w.value(state)
        }
    }
}

extension PostgresStatements: JSONWritable {
    /// The top statements by total and by mean time.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("hidden"); w.value(hidden)
            w.key("top_by_mean"); w.value(topByMean)
            w.key("top_by_total"); w.value(topByTotal)
        }
    }
}

extension StatementReport: JSONWritable {
    /// One statement's calls and times.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("calls"); w.value(calls)
            w.member("calls_per_second", ifPresent: callsPerSecond)
            w.key("mean_milliseconds"); w.value(meanMilliseconds)
            w.key("query"); w.value(query)
            w.key("query_id"); w.value(queryId)
            w.key("rows"); w.value(rows)
            w.key("total_milliseconds"); w.value(totalMilliseconds)
        }
    }
}

extension IndexHint: JSONWritable {
    /// A table read by sequential scans that an index might serve.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("index_scans"); w.value(indexScans)
            w.key("live_rows"); w.value(liveRows)
            w.key("rows_per_scan"); w.value(rowsPerScan)
            w.key("sequential_rows_read"); w.value(sequentialRowsRead)
            w.key("sequential_scans"); w.value(sequentialScans)
            w.key("table"); w.value(table)
        }
    }
}

extension MemcachedReport: JSONWritable {
    /// memcached's figures over the window.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("bytes"); w.value(bytes)
            w.key("connections"); w.value(connections)
            w.member("gets_per_second", ifPresent: getsPerSecond)
            w.key("items"); w.value(items)
            w.key("limit_bytes"); w.value(limitBytes)
            w.member("max_connections", ifPresent: maxConnections)
            w.member("memory_used_percent", ifPresent: memoryUsedPercent)
            w.member("sets_per_second", ifPresent: setsPerSecond)
            w.key("version"); w.value(version)
        }
    }
}

extension RedisServerReport: JSONWritable {
    /// Redis's figures over the window, with its queues' parts.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("blocked_clients"); w.value(blockedClients)
            w.key("clients"); w.value(clients)
            w.key("eviction_policy"); w.value(evictionPolicy)
            w.member("max_clients", ifPresent: maxClients)
            w.key("max_memory_bytes"); w.value(maxMemoryBytes)
            w.member("memory_used_percent", ifPresent: memoryUsedPercent)
            w.member("ops_per_second", ifPresent: opsPerSecond)
            w.key("queues"); w.value(queues)
            w.key("shared"); w.value(shared)
            w.key("used_memory_bytes"); w.value(usedMemoryBytes)
            w.key("version"); w.value(version)
        }
    }
}

extension RedisQueueReading: JSONWritable {
    /// One queue and the sizes of its parts.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("parts"); w.value(parts)
            w.key("queue"); w.value(queue)
        }
    }
}

extension RedisPartReading: JSONWritable {
    /// One key of a queue (or a shared key) and its size.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("in_depth"); w.value(inDepth)
            w.key("part"); w.value(part)
            w.key("size"); w.value(size)
        }
    }
}
