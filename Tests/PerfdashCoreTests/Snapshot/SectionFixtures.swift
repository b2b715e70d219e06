import Foundation
@testable import PerfdashCore

/// Realistic and awkward values for every hand-written snapshot section. Types whose initialisers derive their
/// values (a service's window report, PostgreSQL's statements…) are decoded from the snake-case JSON below, the
/// way `SnapshotJSON.decode` reads them; the rest are built directly.
enum SectionFixtures {
    /// A name needing every kind of escape, a slash and non-ASCII.
    static let awkward = "q\"uo\\te/\u{1}\u{1f}\t\n\r\u{8}\u{c} é ≥ 😀"

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// An up service with every member present (caches with and without traffic, queues, both latency sources,
    /// RED, pools, limiters, presets, a PostgreSQL server), an up Redis, an up memcached with sparse members, a
    /// down service and a pending one.
    static func services() throws -> [ServiceReport] {
        try decode([ServiceReport].self, """
        [{"name": "api", "kind": "prometheus", "address": "http://127.0.0.1:9100/metrics", "state": "up",
          "scrape_duration_seconds": 0.0123, "series_count": 100000,
          "metrics": {"window": "1m", "scrapes": 61, "span_seconds": 60.0001,
            "caches": [{"level": "l1", "hits": 1e21, "misses": 0.1, "hit_rate_percent": 99.99999999999999,
                        "evictions": 3, "expirations": 9007199254740993},
                       {"level": "\(escaped)", "hits": 0, "misses": 0, "hit_rate_percent": "n/a"}],
            "queues": [{"queue": "jobs", "now": 12, "avg": 11.5, "p95": 1.7976931348623157e308, "max": 1e-300},
                       {"queue": "\(escaped)", "now": -0.0, "avg": 0, "p95": 0, "max": 0}],
            "latencies": [{"family": "http_request_duration_seconds", "source": "histogram", "observations": 1200,
                           "mean_seconds": 0.021, "p50_seconds": 0.0125, "p95_seconds": 0.0475, "p99_seconds": 0.25},
                          {"family": "rpc", "source": "summary", "observations": 0}],
            "red": {"route": "", "requests": 1234, "errors": 5, "requests_per_second": 20.5666, "error_percent": 0.405,
                    "mean_seconds": 0.02, "p50_seconds": 0.01, "p95_seconds": 0.05, "p99_seconds": 0.1},
            "routes": [{"route": "/api/v1/items", "requests": 10},
                       {"route": "GET /", "requests": 2, "errors": 0, "error_percent": 0}],
            "pools": [{"pool": "hikari", "in_use": 3, "idle": 7, "max": 10, "pending": 0, "utilization_percent": 30,
                       "avg_utilization_percent": 25.5, "max_pending": 2, "acquire_p50_seconds": 0.001,
                       "acquire_p95_seconds": 0.002, "acquire_p99_seconds": 0.004}, {"pool": "bare"}],
            "limiters": [{"limiter": "login", "rejections": 4, "rejections_per_second": 0.0666},
                         {"limiter": "other", "rejections": 0}],
            "presets": ["micrometer", "\(escaped)"],
            "server": {"postgres": {"server_version": "16.4", "buffer_hit_percent": 99.5, "transactions_per_second": 12,
              "rollbacks_per_second": 0, "deadlocks": 1, "temp_files": 2, "temp_bytes": 4096,
              "connections": {"used": 7, "max": 100, "reserved": 3, "used_percent": 7.2164948453608249,
                              "by_state": [{"state": "active", "count": 2}, {"state": "idle", "count": 5}],
                              "waiting_on_locks": 0},
              "statements": {"top_by_total": [{"query_id": "-4611686018427387904", "query": "SELECT \\"x\\" FROM t",
                                               "calls": 10, "calls_per_second": 0.5, "mean_milliseconds": 1.25,
                                               "total_milliseconds": 12.5, "rows": 10}],
                             "top_by_mean": [], "hidden": 2},
              "index_hints": [{"table": "public.t", "sequential_scans": 20, "sequential_rows_read": 2e6,
                               "rows_per_scan": 1e5, "index_scans": 0, "live_rows": 1e5}],
              "unreadable": [{"section": "pg_stat_statements", "reason": "\(escaped)"}]}}}},
         {"name": "cache", "kind": "redis", "address": "127.0.0.1:6379/2", "state": "up",
          "scrape_duration_seconds": 0.001, "series_count": 12,
          "metrics": {"window": "5m", "scrapes": 1, "span_seconds": 0, "caches": [], "queues": [], "latencies": [],
            "server": {"redis": {"version": "7.2.4", "clients": 3, "blocked_clients": 1, "max_clients": 10000,
              "ops_per_second": 250, "used_memory_bytes": 1048576, "max_memory_bytes": 0, "memory_used_percent": 12.5,
              "eviction_policy": "noeviction",
              "queues": [{"queue": "jobs", "parts": [{"part": "jobs", "size": 4, "in_depth": true},
                                                    {"part": "jobs:processing", "size": 1, "in_depth": false}]}],
              "shared": [{"part": "\(escaped)", "size": 0, "in_depth": false}]}}}},
         {"name": "mc", "kind": "memcached", "address": "127.0.0.1:11211", "state": "up",
          "scrape_duration_seconds": 0.002, "series_count": 0,
          "metrics": {"window": "15m", "scrapes": 2, "span_seconds": 1, "caches": [], "queues": [], "latencies": [],
            "server": {"memcached": {"version": "1.6.21", "items": 0, "bytes": 0, "limit_bytes": 67108864,
                                     "connections": 2}}}},
         {"name": "\(escaped)", "kind": "prometheus", "address": "http://[::1]:1/m", "state": "down",
          "last_error": "\(escaped)", "error_kind": "bodyLimit", "down_for_seconds": 12.5,
          "scrape_duration_seconds": 2, "series_count": 0},
         {"name": "late", "kind": "prometheus", "address": "http://h/m", "state": "pending",
          "scrape_duration_seconds": 0, "series_count": 0}]
        """)
    }

    /// A fleet with hosts and services fully and sparsely known, a failure and a detail with gaps.
    static func fleet() throws -> FleetReport {
        var fleet = try decode(FleetReport.self, """
        {"server": "http://prom:9090", "source": "auto", "window_seconds": 300, "evaluated_at_unix_ms": 1795312940989,
         "round_seconds": 0.0421, "queries_per_round": 14, "state": "degraded",
         "hosts": [{"instance": "web-1:9100", "job": "node", "source": "node", "up": true, "cpu_busy_percent": 42.5,
                    "memory_used_percent": 61, "load1": 1.25, "disk_bytes_per_second": 1e9, "disk_util_percent": 3,
                    "network_bytes_per_second": 12345.678, "filesystem_fullest_percent": 88.1,
                    "filesystem_fullest_mount": "/var", "pressure_cpu_percent": 1, "pressure_memory_percent": 0,
                    "pressure_io_percent": 0.5},
                   {"instance": "\(escaped)", "source": "perfdash", "up": false}],
         "services": [{"name": "api", "source": "perfdash", "instances_up": 2, "instances": 3,
                       "requests_per_second": 20, "error_percent": 0.5, "p95_seconds": 0.05, "cache_hit_percent": 97,
                       "queue_depth": 4}, {"name": "bare", "source": "node"}],
         "failures": [{"id": "node.cpu_busy_percent", "query": "sum(rate(x[5m]))", "kind": "httpStatus",
                       "reason": "\(escaped)"}],
         "detail": {"focus": {"host": {"instance": "web-1:9100", "source": "node"}}, "start_seconds": 1795312640,
                    "end_seconds": 1795312940, "step_seconds": 15,
                    "graphs": [{"field": "cpu_busy_percent", "values": [1, null, 2.5, null]},
                               {"field": "targets", "values": []}]}}
        """)
        fleet.hosts[1].pressureIOPercent = 1e-7
        return fleet
    }

    /// A predictive autoscaler reading its replicas from a series, with a forecast and a decision.
    static func predictiveAutoscaler() throws -> AutoscalerStatus {
        try decode(AutoscalerStatus.self, """
        {"name": "\(escaped)", "summary": "predictive", "replicas": 4, "missing_series": ["svc.api.queue.jobs.depth"],
         "spec": {"name": "p", "window_seconds": 60, "aggregate": "p95", "min_replicas": 1, "max_replicas": 20,
                  "replicas": {"metric": "svc.replicas", "fallback": 2},
                  "policy": {"predictive": {"horizon_seconds": 120, "alpha": 0.5, "beta": 0.1, "gamma": 0.3,
                    "season_seconds": 86400,
                    "target": {"tolerance": 0.1, "metrics": [{"metric": {"series": "cpu.busy_percent", "label": "cpu",
                                                                         "query": "avg(x)"},
                                                              "type": "average_value", "target": 50}],
                               "behavior": {"scale_up": {"stabilization_window_seconds": 0, "select_policy": "Max",
                                                         "policies": [{"type": "Pods", "value": 4, "period_seconds": 15}],
                                                         "tolerance": 0.05},
                                            "scale_down": {"stabilization_window_seconds": 300,
                                                           "select_policy": "Disabled", "policies": []}}}}}},
         "recommendation": {"autoscaler": "p", "policy": "predictive", "time": 12.5, "action": "none", "from": 4,
                            "to": 4, "rule": "ScaleDownStabilized", "reason": "\(escaped)",
                            "stabilization_seconds_left": 287.5,
                            "metrics": [{"series": "cpu.busy_percent", "label": "cpu", "aggregate": "p95",
                                         "window_seconds": 60, "value": 41, "average": 40.5, "p95": 44, "samples": 60,
                                         "proposal": 4, "forecast": {"horizon_seconds": 120, "value": 45,
                                                                     "low": 40, "high": 50}},
                                        {"series": "x", "label": "x", "aggregate": "last", "window_seconds": 0,
                                         "samples": 0}]},
         "decisions": [{"timestamp": "2026-11-22T02:02:22.989Z", "timestamp_unix_ms": 1795312942989,
                        "time_seconds": 2, "action": "up", "from": 3, "to": 4, "rule": "ScaleUpLimit",
                        "reason": "limit"}]}
        """)
    }

    /// Two filesystems (one without inodes, one at the limits of the counters).
    static let filesystems = [
        FilesystemReading(device: "/dev/sda1", mountPoint: "/", type: "ext4", sizeBytes: 500_000_000_000,
                          usedBytes: 123_456_789_012, availableBytes: 350_000_000_000, usedPercent: 26.07,
                          inodesTotal: 30_000_000, inodesUsed: 1_234_567, inodesUsedPercent: 4.115),
        FilesystemReading(device: awkward, mountPoint: "/mnt/with space", type: "fuse.sshfs", sizeBytes: .max,
                          usedBytes: .max, availableBytes: 0, usedPercent: 100, inodesTotal: 0, inodesUsed: 0,
                          inodesUsedPercent: nil),
    ]

    static let pressure = PressureReading(
        cpu: ResourcePressure(some: PressureFigures(avg10: 1.5, avg60: 0.75, avg300: 0.1, stallPercent: 2.125),
                              full: nil),
        memory: ResourcePressure(some: PressureFigures(avg10: 0, avg60: 0, avg300: 0, stallPercent: 0),
                                 full: PressureFigures(avg10: 99.99, avg60: 1e-05, avg300: 100, stallPercent: 1 / 3)),
        io: nil)

    static let processes = ProcessesSection(
        total: 312, running: 2, threads: Int.max, ioUnreadable: 290, sortedBy: .cpu,
        top: [ProcessReading(pid: 1, parentPid: 0, user: "root", uid: 0, name: "systemd", command: "/sbin/init splash",
                             state: "S", cpuPercent: 0.5, rssBytes: 12_345_678, memoryPercent: 0.15,
                             readBytesPerSecond: nil, writeBytesPerSecond: nil, threads: 1, startUnixMs: 0),
              ProcessReading(pid: Int.max, parentPid: -1, user: awkward, uid: 4_294_967_294, name: awkward,
                             command: awkward, state: "R", cpuPercent: 199.5, rssBytes: .max, memoryPercent: 100,
                             readBytesPerSecond: 1e21, writeBytesPerSecond: 0, threads: 64,
                             startUnixMs: .max)])

    static let cgroupCPU = CgroupCPUReading(limitCores: 1.5, usageCores: 0.25, throttledPercent: 12.5,
                                            throttledSecondsPerSecond: 0.0125)
    static let sensors = SensorsReading(temperatures: [Temperature(chip: "coretemp", label: "Package id 0", celsius: 45),
                                                       Temperature(chip: awkward, label: "", celsius: -12.5)],
                                        frequencies: [CoreFrequency(cpu: 0, mhz: 2_400.125), CoreFrequency(cpu: 1, mhz: 0)])
    static let swap = SwapActivity(inPagesPerSecond: 0, outPagesPerSecond: 12.75)

    /// `awkward` as it sits inside a JSON string literal of the fixtures above.
    private static var escaped: String {
        var writer = JSONWriter(pretty: false)
        writer.value(awkward)
        return String(writer.out.text.dropFirst().dropLast())
    }
}
