/// The fleet as a snapshot shows it: one row per host and per service, worst first, with the queries that failed.
///
/// Values the server did not return (no such series, NaN: no traffic) are nil, absent from the JSON. When a query
/// fails, its column keeps the values of its last success and `failures` says which query failed and why.
public struct FleetReport: Sendable, Equatable, Codable {
    /// The server's base URL.
    public var server: String
    /// Which series the rows come from (`node`, `perfdash` or `auto`).
    public var source: FleetSource
    /// The rate window, seconds.
    public var windowSeconds: Double
    /// The evaluation time of the last round (Unix ms); 0 before the first.
    public var evaluatedAtUnixMs: Int64
    /// Wall time the last round took (all queries, concurrently).
    public var roundSeconds: Double
    /// Queries sent per round (a constant of the source, whatever the fleet's size; +5 with a drill-down open).
    public var queriesPerRound: Int
    /// Up when the last round's queries all succeeded, down when all failed, degraded in between; pending at first.
    public var state: FleetState
    /// Hosts, worst first.
    public var hosts: [FleetHostRow]
    /// Services, worst first.
    public var services: [FleetServiceRow]
    /// The queries of the last round that failed, each with its one-line reason.
    public var failures: [FleetFailure]
    /// The drill-down's history, when one is open.
    public var detail: FleetDetail?

    /// An empty report, before the first round.
    public static func pending(server: String, source: FleetSource, windowSeconds: Double) -> FleetReport {
        FleetReport(server: server, source: source, windowSeconds: windowSeconds, evaluatedAtUnixMs: 0, roundSeconds: 0,
                    queriesPerRound: 0, state: .pending, hosts: [], services: [], failures: [], detail: nil)
    }

    /// Creates a report.
    public init(server: String, source: FleetSource, windowSeconds: Double, evaluatedAtUnixMs: Int64,
                roundSeconds: Double, queriesPerRound: Int, state: FleetState, hosts: [FleetHostRow],
                services: [FleetServiceRow], failures: [FleetFailure], detail: FleetDetail?) {
        self.server = server
        self.source = source
        self.windowSeconds = windowSeconds
        self.evaluatedAtUnixMs = evaluatedAtUnixMs
        self.roundSeconds = roundSeconds
        self.queriesPerRound = queriesPerRound
        self.state = state
        self.hosts = hosts
        self.services = services
        self.failures = failures
        self.detail = detail
    }

    /// The rows as series: `fleet.host.<instance>.<field>` (family `fleet.host.<field>`, label `instance`) and
    /// `fleet.service.<name>.<field>` (family `fleet.service.<field>`, label `service`), plus `fleet.up`.
    public func flatSeries() -> [FlatSeries] {
        var out: [FlatSeries] = []
        out.append(FlatSeries(name: "fleet.up", value: state == .up ? 1 : 0, unit: .count))
        for host in hosts {
            let label = [SeriesLabel("instance", host.instance)]
            func add(_ field: FleetField, _ value: Double?, _ unit: SeriesUnit) {
                guard let value else { return }
                out.append(FlatSeries(name: "fleet.host.\(host.instance).\(field.rawValue)",
                                      family: "fleet.host.\(field.rawValue)", labels: label, value: value, unit: unit))
            }
            add(.cpuBusy, host.cpuBusyPercent, .percent)
            add(.memoryUsed, host.memoryUsedPercent, .percent)
            add(.load1, host.load1, .load)
            add(.diskBytes, host.diskBytesPerSecond, .bytesPerSecond)
            add(.diskUtil, host.diskUtilPercent, .percent)
            add(.networkBytes, host.networkBytesPerSecond, .bytesPerSecond)
            add(.filesystemFullest, host.filesystemFullestPercent, .percent)
        }
        for service in services {
            let label = [SeriesLabel("service", service.name)]
            func add(_ field: FleetField, _ value: Double?, _ unit: SeriesUnit) {
                guard let value else { return }
                out.append(FlatSeries(name: "fleet.service.\(service.name).\(field.rawValue)",
                                      family: "fleet.service.\(field.rawValue)", labels: label, value: value, unit: unit))
            }
            add(.requests, service.requestsPerSecond, .perSecond)
            add(.errors, service.errorPercent, .percent)
            add(.p95, service.p95Seconds, .seconds)
            add(.cacheHit, service.cacheHitPercent, .percent)
            add(.queueDepth, service.queueDepth, .count)
        }
        return out
    }
}

/// How the last round went.
public enum FleetState: String, Sendable, Equatable, Codable {
    /// No round finished yet.
    case pending
    /// Every query answered.
    case up
    /// Some queries failed: their columns keep their last values.
    case degraded
    /// Every query failed: the rows are the last ones known.
    case down
}

/// One host of the fleet.
public struct FleetHostRow: Sendable, Equatable, Codable {
    /// The `instance` label.
    public var instance: String
    /// The `job` label, when known.
    public var job: String?
    /// Where the figures come from: node (node_exporter) or perfdash (an agent).
    public var source: FleetSource
    /// False when the server's last scrape of the instance failed (`up == 0`).
    public var up: Bool
    /// CPU busy %.
    public var cpuBusyPercent: Double?
    /// Memory used %.
    public var memoryUsedPercent: Double?
    /// 1-minute load.
    public var load1: Double?
    /// Disk read + write bytes/s.
    public var diskBytesPerSecond: Double?
    /// The busiest disk's busy %.
    public var diskUtilPercent: Double?
    /// Network receive + transmit bytes/s.
    public var networkBytesPerSecond: Double?
    /// The fullest filesystem's used %.
    public var filesystemFullestPercent: Double?
    /// Its mount point.
    public var filesystemFullestMount: String?
    /// PSI "some" stall % of CPU, memory and I/O, when the host exposes pressure.
    public var pressureCPUPercent: Double?
    /// PSI memory "some" %.
    public var pressureMemoryPercent: Double?
    /// PSI I/O "some" %.
    public var pressureIOPercent: Double?

    // The acronyms as `convertFromSnakeCase` spells them (`pressure_cpu_percent` → `pressureCpuPercent`), so that a
    // snapshot decodes the fields it wrote.
    private enum CodingKeys: String, CodingKey {
        case instance, job, source, up, cpuBusyPercent, memoryUsedPercent, load1, diskBytesPerSecond, diskUtilPercent
        case networkBytesPerSecond, filesystemFullestPercent, filesystemFullestMount, pressureMemoryPercent
        case pressureCPUPercent = "pressureCpuPercent"
        case pressureIOPercent = "pressureIoPercent"
    }

    /// A row with nothing known yet.
    public init(instance: String, job: String? = nil, source: FleetSource, up: Bool = true) {
        self.instance = instance
        self.job = job
        self.source = source
        self.up = up
    }

    /// How bad the host looks, 0…: the highest of CPU busy %, memory used %, fullest filesystem %, busiest disk %
    /// and 4 × the highest PSI %; a host that is down ranks above every other.
    public var severity: Double {
        guard up else { return .infinity }
        let pressure = [pressureCPUPercent, pressureMemoryPercent, pressureIOPercent].compactMap { $0 }.max().map { 4 * $0 }
        return [cpuBusyPercent, memoryUsedPercent, filesystemFullestPercent, diskUtilPercent, pressure]
            .compactMap { $0 }.max() ?? 0
    }
}

/// One service of the fleet: a job (node source) or a perfdash service name (perfdash source).
public struct FleetServiceRow: Sendable, Equatable, Codable {
    /// The job or service name.
    public var name: String
    /// node (the job's own metrics) or perfdash (agents' derived figures).
    public var source: FleetSource
    /// Instances up.
    public var instancesUp: Int?
    /// Instances known.
    public var instances: Int?
    /// Requests per second.
    public var requestsPerSecond: Double?
    /// Failed requests, %.
    public var errorPercent: Double?
    /// 95th percentile latency, seconds.
    public var p95Seconds: Double?
    /// The worst cache level's hit rate, %.
    public var cacheHitPercent: Double?
    /// Jobs queued over all queues.
    public var queueDepth: Double?

    /// A row with nothing known yet.
    public init(name: String, source: FleetSource) {
        self.name = name
        self.source = source
    }

    /// Sort key, higher is worse: instances down first, then error %, then p95 latency.
    public var severity: (Int, Double, Double) {
        let down = (instances ?? 0) - (instancesUp ?? instances ?? 0)
        return (max(0, down), errorPercent ?? 0, p95Seconds ?? 0)
    }
}

/// A query that failed in the last round.
public struct FleetFailure: Sendable, Equatable, Codable {
    /// The query's field and source (`node.cpu_busy_percent`).
    public var id: String
    /// The PromQL.
    public var query: String
    /// The class of failure.
    public var kind: SourceError.Kind
    /// The one-line reason.
    public var reason: String

    /// Creates a failure.
    public init(_ error: FleetQueryError, id: String) {
        self.id = id
        query = error.query
        kind = error.kind
        reason = error.reason
    }

    /// `reason · query: …`.
    public var line: String { FleetQueryError(query: query, kind: kind, reason: reason).description }
}

/// The history of one host or service, for the drill-down's graphs.
public struct FleetDetail: Sendable, Equatable, Codable {
    /// What the drill-down is on.
    public var focus: FleetFocus
    /// From (Unix seconds).
    public var startSeconds: Double
    /// To (Unix seconds).
    public var endSeconds: Double
    /// Seconds between points.
    public var stepSeconds: Double
    /// One series per graphed field (absent when the server has none), values in time order (nil: no point).
    public var graphs: [FleetGraph]

    /// Creates a detail.
    public init(focus: FleetFocus, startSeconds: Double, endSeconds: Double, stepSeconds: Double,
                graphs: [FleetGraph]) {
        self.focus = focus
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.stepSeconds = stepSeconds
        self.graphs = graphs
    }
}

/// One graphed field of a drill-down.
public struct FleetGraph: Sendable, Equatable, Codable {
    /// The field.
    public var field: FleetField
    /// Values at start, start + step, … (nil where the server had no point).
    public var values: [Double?]

    /// Creates a graph.
    public init(field: FleetField, values: [Double?]) {
        self.field = field
        self.values = values
    }
}

/// What a drill-down shows.
public enum FleetFocus: Sendable, Equatable, Hashable, Codable {
    /// One host, by instance, from the given source.
    case host(instance: String, source: FleetSource)
    /// One service, by job or service name, from the given source.
    case service(name: String, source: FleetSource)
}
