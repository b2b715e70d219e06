/// Which series a fleet reads its rows from.
public enum FleetSource: String, Sendable, Equatable, Codable, CaseIterable {
    /// node_exporter hosts and services' own histograms, counters and gauges.
    case node
    /// perfdash agents (`perfdash serve`): their host series and their services' derived figures.
    case perfdash
    /// Both sets every tick; an instance is a node_exporter host when the server has node series for it.
    case auto
}

/// One figure of a fleet row.
public enum FleetField: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// `up` of every target, by instance and job (hosts and service instances).
    case targets
    /// Host: CPU busy %.
    case cpuBusy = "cpu_busy_percent"
    /// Host: memory used %.
    case memoryUsed = "memory_used_percent"
    /// Host: 1-minute load.
    case load1 = "load1"
    /// Host: disk read + write bytes/s.
    case diskBytes = "disk_bytes_per_second"
    /// Host: the busiest disk's busy %.
    case diskUtil = "disk_util_percent"
    /// Host: network receive + transmit bytes/s (physical interfaces).
    case networkBytes = "network_bytes_per_second"
    /// Host: the fullest filesystem's used % (label `mountpoint`).
    case filesystemFullest = "filesystem_fullest_percent"
    /// Host: PSI "some" stall % per resource (label `resource`).
    case pressure = "pressure_some_percent"
    /// Service (perfdash agents): instances whose last scrape succeeded.
    case serviceUp = "service_up"
    /// Service (perfdash agents): instances reporting it.
    case serviceInstances = "service_instances"
    /// Service: requests per second.
    case requests = "requests_per_second"
    /// Service: failed requests, %.
    case errors = "error_percent"
    /// Service: 95th percentile latency, seconds.
    case p95 = "p95_seconds"
    /// Service: worst cache level's hit rate, %.
    case cacheHit = "cache_hit_percent"
    /// Service: jobs queued, all queues.
    case queueDepth = "queue_depth"

    /// Whether the field belongs to host rows.
    public var isHost: Bool {
        switch self {
        case .cpuBusy, .memoryUsed, .load1, .diskBytes, .diskUtil, .networkBytes, .filesystemFullest, .pressure: true
        default: false
        }
    }

    /// The host fields graphed in a host's drill-down.
    public static let hostGraphs: [FleetField] = [.cpuBusy, .memoryUsed, .load1, .diskBytes, .networkBytes]
    /// The service fields graphed in a service's drill-down.
    public static let serviceGraphs: [FleetField] = [.requests, .errors, .p95, .cacheHit, .queueDepth]
}

/// One PromQL query of a fleet tick: what it computes, from which source, and the label its rows are keyed by.
public struct FleetQuery: Sendable, Equatable {
    /// The figure.
    public var field: FleetField
    /// node (node_exporter and services' own metrics) or perfdash (agents' series).
    public var source: FleetSource
    /// The label naming the row: `instance` for hosts, `job` or `service` for services.
    public var key: String
    /// The PromQL.
    public var text: String

    /// Creates a query.
    public init(field: FleetField, source: FleetSource, key: String, text: String) {
        self.field = field
        self.source = source
        self.key = key
        self.text = text
    }

    /// A stable identity: field and source.
    public var id: String { "\(source.rawValue).\(field.rawValue)" }
}
