/// The queries of one fleet tick, built from selectors: each aggregates `by (instance)` (hosts) or `by (job)` /
/// `by (service)` (services), so their number does not depend on the size of the fleet.
///
/// node source (node_exporter and services' own metrics), with W the window:
/// - CPU busy % = 100·(1 − Σrate(idle+iowait) / Σrate(all modes)), as perfdash defines it on one host;
/// - memory used % = 100·(1 − MemAvailable / MemTotal); load = node_load1;
/// - disk = Σrate(read + written bytes) over whole disks (dm-*, md* left out), busiest disk = max rate(io_time)·100;
/// - network = Σrate(receive + transmit bytes) without lo and virtual interfaces;
/// - fullest filesystem = topk by instance of 100·(1 − avail/size) over real filesystems (its `mountpoint` kept);
/// - PSI = 100·rate(node_pressure_<res>_waiting_seconds_total) ("some"), by `resource`;
/// - services by job: requests/s = Σrate(*_requests_total), else Σrate(*_request_duration_seconds_count);
///   error % = 5xx (`status` or `code`) over all; p95 = histogram_quantile(0.95, Σrate(*_request_duration_seconds_bucket)
///   by le); worst cache hit % = min over levels of Σrate(hits) / Σrate(hits + misses); queue = Σ*_queue_depth|length.
/// perfdash source: the agents' series (already rates and percentages) averaged over W with avg_over_time.
public struct FleetQueries: Sendable, Equatable {
    /// Which sets of series.
    public var source: FleetSource
    /// The rate window, seconds.
    public var windowSeconds: Double
    /// Matchers added to every host selector (e.g. `job="node"`).
    public var hostMatchers: [PromQL.Matcher]
    /// Matchers added to every service selector.
    public var serviceMatchers: [PromQL.Matcher]

    /// Creates a query set.
    public init(source: FleetSource = .auto, windowSeconds: Double = 60, hostMatchers: [PromQL.Matcher] = [],
                serviceMatchers: [PromQL.Matcher] = []) {
        self.source = source
        self.windowSeconds = windowSeconds
        self.hostMatchers = hostMatchers
        self.serviceMatchers = serviceMatchers
    }

    /// Every query of a tick: targets first, then hosts, then services, for each source in use.
    public func tickQueries() -> [FleetQuery] {
        var queries = [FleetQuery(field: .targets, source: .node, key: "instance",
                                  text: "max by (instance, job) (\(selector("up", [], host: false)))")]
        let sources: [FleetSource] = source == .auto ? [.node, .perfdash] : [source]
        for source in sources {
            for field in FleetField.allCases where field != .targets {
                if let query = query(field, source: source, focus: []) { queries.append(query) }
            }
        }
        return queries
    }

    /// The query of `field` from `source`, with `focus` matchers (one instance, job or service) added to every
    /// selector; nil when the source has no such figure.
    public func query(_ field: FleetField, source: FleetSource, focus: [PromQL.Matcher]) -> FleetQuery? {
        let text: String?
        if field.isHost {
            text = source == .perfdash ? perfdashHost(field, focus) : nodeHost(field, focus)
        } else {
            text = source == .perfdash ? perfdashService(field, focus) : nodeService(field, focus)
        }
        guard let text else { return nil }
        let key = field.isHost ? "instance" : (source == .perfdash ? "service" : "job")
        return FleetQuery(field: field, source: source == .auto ? .node : source, key: key, text: text)
    }

    private var w: String { PromQL.range(seconds: windowSeconds) }

    /// `name{matchers}` with the host or service matchers, the fixed ones and the focus.
    private func selector(_ name: String, _ fixed: [(String, PromQL.Operator, String)], host: Bool,
                          _ focus: [PromQL.Matcher] = []) -> String {
        // Names and labels here are literals of this file; only user matchers come from outside, already validated.
        var matchers = fixed.compactMap { try? PromQL.Matcher($0.0, $0.1, $0.2) }
        matchers += (host ? hostMatchers : serviceMatchers) + focus
        let named = PromQL.isMetricName(name) ? name : nil
        if named == nil, let pattern = try? PromQL.Matcher("__name__", .matches, name) { matchers.insert(pattern, at: 0) }
        return (try? PromQL.Selector(metric: named, matchers).text) ?? name
    }

    private static let realDisks = ("device", PromQL.Operator.notMatches, "(dm-|md).*")
    private static let physicalInterfaces = ("device", PromQL.Operator.notMatches, "lo|veth.*|docker.*|br-.*|virbr.*")
    private static let realFilesystems: [(String, PromQL.Operator, String)] = [
        ("fstype", .notMatches, "tmpfs|ramfs|devtmpfs|overlay|squashfs|nsfs|autofs|proc|sysfs|cgroup2?|fuse\\..*"),
        ("mountpoint", .notMatches, "/(run|dev|sys|proc)($|/.*)"),
    ]

    private func nodeHost(_ field: FleetField, _ focus: [PromQL.Matcher]) -> String? {
        func s(_ name: String, _ fixed: [(String, PromQL.Operator, String)] = []) -> String {
            selector(name, fixed, host: true, focus)
        }
        switch field {
        case .cpuBusy:
            return "100 * (1 - sum by (instance) (rate(\(s("node_cpu_seconds_total", [("mode", .matches, "idle|iowait")]))[\(w)]))"
                + " / sum by (instance) (rate(\(s("node_cpu_seconds_total"))[\(w)])))"
        case .memoryUsed:
            return "100 * (1 - sum by (instance) (\(s("node_memory_MemAvailable_bytes")))"
                + " / sum by (instance) (\(s("node_memory_MemTotal_bytes"))))"
        case .load1:
            return "sum by (instance) (\(s("node_load1")))"
        case .diskBytes:
            return "sum by (instance) (rate(\(s("node_disk_read_bytes_total", [Self.realDisks]))[\(w)]))"
                + " + sum by (instance) (rate(\(s("node_disk_written_bytes_total", [Self.realDisks]))[\(w)]))"
        case .diskUtil:
            return "100 * max by (instance) (rate(\(s("node_disk_io_time_seconds_total", [Self.realDisks]))[\(w)]))"
        case .networkBytes:
            return "sum by (instance) (rate(\(s("node_network_receive_bytes_total", [Self.physicalInterfaces]))[\(w)]))"
                + " + sum by (instance) (rate(\(s("node_network_transmit_bytes_total", [Self.physicalInterfaces]))[\(w)]))"
        case .filesystemFullest:
            return "topk by (instance) (1, 100 * (1 - \(s("node_filesystem_avail_bytes", Self.realFilesystems))"
                + " / (\(s("node_filesystem_size_bytes", Self.realFilesystems)) > 0)))"
        case .pressure:
            return ["cpu", "memory", "io"].map { resource in
                "label_replace(100 * sum by (instance) (rate(\(s("node_pressure_\(resource)_waiting_seconds_total"))[\(w)]))"
                    + ", \"resource\", \"\(resource)\", \"\", \"\")"
            }.joined(separator: " or ")
        default:
            return nil
        }
    }

    private func perfdashHost(_ field: FleetField, _ focus: [PromQL.Matcher]) -> String? {
        func avg(_ name: String) -> String { "avg_over_time(\(selector(name, [], host: true, focus))[\(w)])" }
        switch field {
        case .cpuBusy: return "avg by (instance) (\(avg("perfdash_cpu_busy_percent")))"
        case .memoryUsed: return "avg by (instance) (\(selector("perfdash_memory_used_percent", [], host: true, focus)))"
        case .load1: return "avg by (instance) (\(selector("perfdash_load_1m", [], host: true, focus)))"
        case .diskBytes:
            return "sum by (instance) (\(avg("perfdash_disk_total_read_bytes_per_second")))"
                + " + sum by (instance) (\(avg("perfdash_disk_total_write_bytes_per_second")))"
        case .diskUtil: return "max by (instance) (\(avg("perfdash_disk_util_percent")))"
        case .networkBytes:
            return "sum by (instance) (\(avg("perfdash_net_total_rx_bytes_per_second")))"
                + " + sum by (instance) (\(avg("perfdash_net_total_tx_bytes_per_second")))"
        case .filesystemFullest:
            return "topk by (instance) (1, \(selector("perfdash_fs_used_percent", [], host: true, focus)))"
        case .pressure:
            let stall = selector("perfdash_pressure_stall_percent", [("kind", .equal, "some")], host: true, focus)
            return "max by (instance, resource) (avg_over_time(\(stall)[\(w)]))"
        default: return nil
        }
    }

    private func nodeService(_ field: FleetField, _ focus: [PromQL.Matcher]) -> String? {
        func rate(_ pattern: String, _ fixed: [(String, PromQL.Operator, String)] = [],
                  by: String = "job") -> String {
            "sum by (\(by)) (rate(\(selector(pattern, fixed, host: false, focus))[\(w)]))"
        }
        let requests = ".+_requests_total"
        switch field {
        case .requests:
            return "\(rate(requests)) or \(rate(".+_request_duration_seconds_count"))"
        case .errors:
            return "100 * ((\(rate(requests, [("status", .matches, "5..|error")])) or "
                + "\(rate(requests, [("code", .matches, "5..")]))) or 0 * \(rate(requests))) / \(rate(requests))"
        case .p95:
            return "histogram_quantile(0.95, \(rate(".+_request_duration_seconds_bucket", by: "job, le")))"
        case .cacheHit:
            let hits = rate(".+cache_hits_total", by: "job, level, cache")
            let misses = rate(".+cache_misses_total", by: "job, level, cache")
            return "min by (job) ((100 * \(hits) / (\(hits) + \(misses))) >= 0)"
        case .queueDepth:
            return "sum by (job) (\(selector(".+_queue_depth|.+_queue_length", [], host: false, focus)))"
        default:
            return nil
        }
    }

    private func perfdashService(_ field: FleetField, _ focus: [PromQL.Matcher]) -> String? {
        func s(_ name: String) -> String { selector(name, [], host: false, focus) }
        switch field {
        case .serviceUp: return "sum by (service) (\(s("perfdash_service_up")))"
        case .serviceInstances: return "count by (service) (\(s("perfdash_service_up")))"
        case .requests: return "sum by (service) (\(s("perfdash_service_requests_per_second")))"
        case .errors: return "max by (service) (\(s("perfdash_service_error_percent")))"
        case .p95: return "max by (service) (\(s("perfdash_service_latency_p95_seconds")))"
        case .cacheHit: return "min by (service) (\(s("perfdash_service_cache_hit_rate_percent")))"
        case .queueDepth: return "sum by (service) (\(s("perfdash_service_queue_depth")))"
        default: return nil
        }
    }
}
