/// Presets for the proxies and caches in front of a service, written from their exporters' real output (Debian's
/// packages, captured in `Tests/Fixtures/presets/`).
extension ServicePreset {
    private typealias T = PresetText

    /// The frontend or backend that serves HAProxy's own stats page: what the exporter scrapes, not traffic.
    private static let haproxyStats = #"frontend!="stats",backend!="stats",proxy!="stats""#

    /// HAProxy through prometheus/haproxy_exporter (`frontend`, `backend` labels) or HAProxy's built-in exporter
    /// (`proxy`): responses per frontend as requests, the `5xx` class as errors, backend queues, backend sessions
    /// against their limit. The stats frontend and backend are left out, as `/metrics` is for an application.
    public static let haproxy = ServicePreset(
        name: "haproxy", summary: "HAProxy through prometheus/haproxy_exporter or its built-in exporter",
        signature: ["haproxy_up", "haproxy_process_nbthread"],
        figures: [
            .requests: [T.figure("haproxy_frontend_http_responses_total{\(haproxyStats)}", by: ["frontend", "proxy"])],
            .errors: [T.figure("haproxy_frontend_http_responses_total{\(haproxyStats)}", by: ["frontend", "proxy"],
                               errors: true)],
            .queueDepth: [T.figure("haproxy_backend_current_queue{\(haproxyStats)}", by: ["backend", "proxy"])],
            .poolInUse: [T.figure("haproxy_backend_current_sessions{\(haproxyStats)}", by: ["backend", "proxy"])],
            .poolMax: [T.figure("haproxy_backend_limit_sessions{\(haproxyStats)}", by: ["backend", "proxy"])],
        ])

    /// Varnish Cache through jonnenauha/prometheus_varnish_exporter: cache hits and misses of the main counters,
    /// LRU nukes as evictions, client requests, the worker threads' queue.
    public static let varnish = ServicePreset(
        name: "varnish", summary: "Varnish Cache through prometheus_varnish_exporter",
        signature: ["varnish_up", "varnish_version"],
        figures: [
            .cacheHits: [T.figure("varnish_main_cache_hit", fallback: "varnish")],
            .cacheMisses: [T.figure("varnish_main_cache_miss", fallback: "varnish")],
            .cacheEvictions: [T.figure("varnish_main_n_lru_nuked", fallback: "varnish")],
            .requests: [T.figure("varnish_main_client_req", fallback: "client")],
            .queueDepth: [T.figure("varnish_main_thread_queue_len", fallback: "threads")],
        ])
}
