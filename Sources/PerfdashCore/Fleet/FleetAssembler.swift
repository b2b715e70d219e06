/// Turns the samples of one round's queries into host and service rows, worst first.
///
/// Hosts: every instance in a host query's answer; an instance with node_exporter series is a node host, one with
/// only perfdash series a perfdash host; instances of the same job that are down (`up == 0`) are listed too, marked
/// down. Services: every job (node source) or service (perfdash source) in a service query's answer, plus jobs
/// that have no host series at all (so a service that is down still has its row); instances up / known from `up`.
/// Linear in the number of samples.
enum FleetAssembler {
    static func assemble(_ results: [(FleetQuery, [PromSample])]) -> (hosts: [FleetHostRow], services: [FleetServiceRow]) {
        var hosts: [String: FleetHostRow] = [:]
        var hostOrder: [String] = []
        var services: [String: FleetServiceRow] = [:]
        var serviceOrder: [String] = []
        var targets: [PromSample] = []
        var hostJobs: Set<String> = []

        // node results first, so an instance with node_exporter series is a node host.
        let ordered = results.filter { $0.0.source != .perfdash } + results.filter { $0.0.source == .perfdash }
        for (query, samples) in ordered {
            if query.field == .targets { targets = samples; continue }
            for sample in samples {
                guard let key = sample.labels[query.key] else { continue }
                if query.field.isHost {
                    if hosts[key] == nil {
                        hosts[key] = FleetHostRow(instance: key, source: query.source)
                        hostOrder.append(key)
                    }
                    guard hosts[key]?.source == query.source else { continue }
                    set(query.field, sample, in: &hosts[key]!)
                } else {
                    let id = "\(query.source.rawValue)\u{1F}\(key)"
                    if services[id] == nil {
                        services[id] = FleetServiceRow(name: key, source: query.source)
                        serviceOrder.append(id)
                    }
                    set(query.field, sample.value, in: &services[id]!)
                }
            }
        }
        // Jobs and liveness from `up`.
        var jobOf: [String: String] = [:]
        for sample in targets {
            guard let instance = sample.labels["instance"], let job = sample.labels["job"] else { continue }
            jobOf[instance] = job
            if hosts[instance] != nil { hostJobs.insert(job) }
        }
        var jobCounts: [String: (up: Int, all: Int)] = [:]
        for sample in targets {
            guard let instance = sample.labels["instance"], let job = sample.labels["job"] else { continue }
            let up = sample.value >= 1
            var count = jobCounts[job] ?? (0, 0)
            count.all += 1
            if up { count.up += 1 }
            jobCounts[job] = count
            if hosts[instance] != nil {
                hosts[instance]?.up = up
            } else if hostJobs.contains(job), !up {
                hosts[instance] = FleetHostRow(instance: instance, job: job, source: .node, up: false)
                hostOrder.append(instance)
            }
        }
        for instance in hostOrder { hosts[instance]?.job = jobOf[instance] }
        for job in jobCounts.keys.sorted() where !hostJobs.contains(job) {
            let id = "\(FleetSource.node.rawValue)\u{1F}\(job)"
            if services[id] == nil {
                services[id] = FleetServiceRow(name: job, source: .node)
                serviceOrder.append(id)
            }
        }
        // A host job is not a service (node_exporter's own promhttp_metric_handler_requests_total would make it one).
        serviceOrder.removeAll { id in
            guard let row = services[id], row.source == .node else { return false }
            return hostJobs.contains(row.name)
        }
        for id in serviceOrder where services[id]?.source == .node {
            guard let name = services[id]?.name, let count = jobCounts[name] else { continue }
            services[id]?.instances = count.all
            services[id]?.instancesUp = count.up
        }
        let hostRows = hostOrder.compactMap { hosts[$0] }.sorted { a, b in
            a.severity != b.severity ? a.severity > b.severity : a.instance < b.instance
        }
        let serviceRows = serviceOrder.compactMap { services[$0] }.sorted { a, b in
            let (x, y) = (a.severity, b.severity)
            if x.0 != y.0 { return x.0 > y.0 }
            if x.1 != y.1 { return x.1 > y.1 }
            if x.2 != y.2 { return x.2 > y.2 }
            return a.name < b.name
        }
        return (hostRows, serviceRows)
    }

    /// NaN and infinities are "no value": a rate over no traffic, a quantile of nothing.
    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    private static func set(_ field: FleetField, _ sample: PromSample, in row: inout FleetHostRow) {
        let value = finite(sample.value)
        switch field {
        case .cpuBusy: row.cpuBusyPercent = value
        case .memoryUsed: row.memoryUsedPercent = value
        case .load1: row.load1 = value
        case .diskBytes: row.diskBytesPerSecond = value
        case .diskUtil: row.diskUtilPercent = value
        case .networkBytes: row.networkBytesPerSecond = value
        case .filesystemFullest:
            row.filesystemFullestPercent = value
            row.filesystemFullestMount = sample.labels["mountpoint"]
        case .pressure:
            switch sample.labels["resource"] {
            case "cpu": row.pressureCPUPercent = value
            case "memory": row.pressureMemoryPercent = value
            case "io": row.pressureIOPercent = value
            default: break
            }
        default: break
        }
    }

    private static func set(_ field: FleetField, _ raw: Double, in row: inout FleetServiceRow) {
        let value = finite(raw)
        // Counts from a float: refuse what does not fit rather than trap.
        let count = value.flatMap { Int(exactly: $0.rounded()) }
        switch field {
        case .serviceUp: row.instancesUp = count
        case .serviceInstances: row.instances = count
        case .requests: row.requestsPerSecond = value
        case .errors: row.errorPercent = value
        case .p95: row.p95Seconds = value
        case .cacheHit: row.cacheHitPercent = value
        case .queueDepth: row.queueDepth = value
        default: break
        }
    }
}
