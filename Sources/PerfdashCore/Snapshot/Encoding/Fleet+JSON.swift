// The `fleet` section, written by hand in JSONEncoder's layout: keys in UTF-8 byte order, optionals left out when
// nil, the focus enum as `{"host": {...}}` or `{"service": {...}}` as synthesized Codable writes it.

extension FleetReport: JSONWritable {
    /// The fleet as the Prometheus server reports it.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("detail", ifPresent: detail)
            w.key("evaluated_at_unix_ms"); w.value(evaluatedAtUnixMs)
            w.key("failures"); w.value(failures)
            w.key("hosts"); w.value(hosts)
            w.key("queries_per_round"); w.value(queriesPerRound)
            w.key("round_seconds"); w.value(roundSeconds)
            w.key("server"); w.value(server)
            w.key("services"); w.value(services)
            w.key("source"); w.value(source)
            w.key("state"); w.value(state)
            w.key("window_seconds"); w.value(windowSeconds)
        }
    }
}

extension FleetHostRow: JSONWritable {
    /// One host of the fleet.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("cpu_busy_percent", ifPresent: cpuBusyPercent)
            w.member("disk_bytes_per_second", ifPresent: diskBytesPerSecond)
            w.member("disk_util_percent", ifPresent: diskUtilPercent)
            w.member("filesystem_fullest_mount", ifPresent: filesystemFullestMount)
            w.member("filesystem_fullest_percent", ifPresent: filesystemFullestPercent)
            w.key("instance"); w.value(instance)
            w.member("job", ifPresent: job)
            w.member("load1", ifPresent: load1)
            w.member("memory_used_percent", ifPresent: memoryUsedPercent)
            w.member("network_bytes_per_second", ifPresent: networkBytesPerSecond)
            w.member("pressure_cpu_percent", ifPresent: pressureCPUPercent)
            w.member("pressure_io_percent", ifPresent: pressureIOPercent)
            w.member("pressure_memory_percent", ifPresent: pressureMemoryPercent)
            w.key("source"); w.value(source)
            w.key("up"); w.value(up)
        }
    }
}

extension FleetServiceRow: JSONWritable {
    /// One service of the fleet.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("cache_hit_percent", ifPresent: cacheHitPercent)
            w.member("error_percent", ifPresent: errorPercent)
            w.member("instances", ifPresent: instances)
            w.member("instances_up", ifPresent: instancesUp)
            w.key("name"); w.value(name)
            w.member("p95_seconds", ifPresent: p95Seconds)
            w.member("queue_depth", ifPresent: queueDepth)
            w.member("requests_per_second", ifPresent: requestsPerSecond)
            w.key("source"); w.value(source)
        }
    }
}

extension FleetFailure: JSONWritable {
    /// One query that failed this round.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("id"); w.value(id)
            w.key("kind"); w.value(kind)
            w.key("query"); w.value(query)
            w.key("reason"); w.value(reason)
        }
    }
}

extension FleetDetail: JSONWritable {
    /// The focused host's or service's graphs.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("end_seconds"); w.value(endSeconds)
            w.key("focus"); w.value(focus)
            w.key("graphs"); w.value(graphs)
            w.key("start_seconds"); w.value(startSeconds)
            w.key("step_seconds"); w.value(stepSeconds)
        }
    }
}

extension FleetFocus: JSONWritable {
    /// `{"host": {instance, source}}` or `{"service": {name, source}}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            switch self {
            case .host(let instance, let source):
                w.key("host")
                w.object { w in
                    w.key("instance"); w.value(instance)
                    w.key("source"); w.value(source)
                }
            case .service(let name, let source):
                w.key("service")
                w.object { w in
                    w.key("name"); w.value(name)
                    w.key("source"); w.value(source)
                }
            }
        }
    }
}

extension FleetGraph: JSONWritable {
    /// One field's values over the range, null where the server had none.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("field"); w.value(field)
            w.key("values"); w.value(values)
        }
    }
}
