/// The presets, written from each project's documented metric names (see docs/services.md for the sources).
extension ServicePreset {
    private typealias T = PresetText

    /// oliver006/redis_exporter: keyspace hits and misses, evictions, commands as requests, clients vs maxclients.
    public static let redisExporter = ServicePreset(
        name: "redis_exporter", summary: "Redis through oliver006/redis_exporter",
        signature: ["redis_up", "redis_exporter_build_info"],
        figures: [
            .cacheHits: [T.figure("redis_keyspace_hits_total", fallback: "keyspace")],
            .cacheMisses: [T.figure("redis_keyspace_misses_total", fallback: "keyspace")],
            .cacheEvictions: [T.figure("redis_evicted_keys_total", fallback: "keyspace")],
            .requests: [T.figure("redis_commands_processed_total", fallback: "commands")],
            // A key of the same name in another database is another queue: `db1/jobs` beside `jobs` (db0).
            .queueDepth: [T.figure("redis_key_size", by: ["key"], qualifier: ("db", unless: "db0"))],
            .poolInUse: [T.figure("redis_connected_clients", fallback: "clients")],
            .poolMax: [T.figure("redis_config_maxclients", fallback: "clients")],
            .poolPending: [T.figure("redis_blocked_clients", fallback: "clients")],
            .limiterRejections: [T.figure("redis_rejected_connections_total", fallback: "connections")],
        ])

    /// prometheus/memcached_exporter: get hits and misses from `memcached_commands_total`, connections vs max.
    public static let memcachedExporter = ServicePreset(
        name: "memcached_exporter", summary: "memcached through prometheus/memcached_exporter",
        signature: ["memcached_up"],
        figures: [
            .cacheHits: [T.figure("memcached_commands_total{command=\"get\",status=\"hit\"}", fallback: "memcached")],
            .cacheMisses: [T.figure("memcached_commands_total{command=\"get\",status=\"miss\"}",
                                    fallback: "memcached")],
            .cacheEvictions: [T.figure("memcached_items_evicted_total", fallback: "memcached")],
            .requests: [T.figure("memcached_commands_total", by: ["command"])],
            .poolInUse: [T.figure("memcached_current_connections", fallback: "connections")],
            .poolMax: [T.figure("memcached_max_connections", fallback: "connections")],
            .limiterRejections: [T.figure("memcached_connections_rejected_total", fallback: "connections")],
        ])

    /// prometheus-community/postgres_exporter: buffer cache per database, transactions as requests, rollbacks as
    /// errors, backends vs max_connections. Its pg_stat_database rows include the templates and, on PostgreSQL 15+,
    /// the shared-objects row (`datid="0"`, `datname=""`): neither is a database anyone uses, both are left out.
    public static let postgresExporter = ServicePreset(
        name: "postgres_exporter", summary: "PostgreSQL through prometheus-community/postgres_exporter",
        signature: ["pg_up", "pg_exporter_last_scrape_duration_seconds"],
        figures: [
            .cacheHits: [T.figure("pg_stat_database_blks_hit{\(T.userDatabases)}", by: ["datname"])],
            .cacheMisses: [T.figure("pg_stat_database_blks_read{\(T.userDatabases)}", by: ["datname"])],
            .requests: [T.figure("pg_stat_database_xact_commit{\(T.userDatabases)}", by: ["datname"]),
                        T.figure("pg_stat_database_xact_rollback{\(T.userDatabases)}", by: ["datname"])],
            .errors: [T.figure("pg_stat_database_xact_rollback{\(T.userDatabases)}", by: ["datname"])],
            .poolInUse: [T.figure("pg_stat_database_numbackends", fallback: "connections")],
            .poolMax: [T.figure("pg_settings_max_connections", fallback: "connections")],
        ])

    /// danihodovic/celery-exporter: finished tasks as requests, failures as errors, runtime, queue lengths.
    public static let celeryExporter = ServicePreset(
        name: "celery_exporter", summary: "Celery through danihodovic/celery-exporter",
        signature: ["celery_worker_up", "celery_queue_length", "celery_task_sent_total"],
        figures: [
            .requests: [T.figure("celery_task_succeeded_total", by: ["name"]),
                        T.figure("celery_task_failed_total", by: ["name"])],
            .errors: [T.figure("celery_task_failed_total", by: ["name"])],
            .latency: [T.figure("celery_task_runtime", by: ["name"])],
            .queueDepth: [T.figure("celery_queue_length", by: ["queue_name"])],
            .poolInUse: [T.figure("celery_active_process_count", by: ["queue_name"])],
            .limiterRejections: [T.figure("celery_task_rejected_total", by: ["name"])],
        ])

    /// korfuri/django-prometheus: requests and latency by view, 5xx responses, cache gets by backend.
    public static let djangoPrometheus = ServicePreset(
        name: "django_prometheus", summary: "Django through korfuri/django-prometheus",
        signature: ["django_http_requests_before_middlewares_total",
                    "django_http_requests_total_by_view_transport_method_total"],
        figures: [
            .requests: [T.figure(T.withoutProbes("django_http_requests_total_by_view_transport_method_total", "view"),
                                 by: ["view"])],
            .errors: [T.figure(T.withoutProbes("django_http_responses_total_by_status_view_method_total", "view"),
                               by: ["view"], errors: true)],
            .latency: [T.figure(T.withoutProbes("django_http_requests_latency_seconds_by_view_method", "view"),
                                by: ["view"])],
            .cacheHits: [T.figure("django_cache_get_hits_total", by: ["backend"])],
            .cacheMisses: [T.figure("django_cache_get_misses_total", by: ["backend"])],
        ])

    /// Micrometer (Spring Boot Actuator): http.server.requests by uri, cache gets by result, HikariCP pools,
    /// executors (active vs max threads, queued tasks).
    public static let micrometer = ServicePreset(
        name: "micrometer", summary: "Micrometer / Spring Boot Actuator",
        signature: ["http_server_requests_seconds_count", "hikaricp_connections", "hikaricp_connections_active",
                    "jvm_memory_used_bytes", "cache_gets_total", "executor_active_threads"],
        figures: T.red(requests: "http_server_requests_seconds_count", latency: "http_server_requests_seconds",
                       route: "uri").merging([
            .cacheHits: [T.figure("cache_gets_total{result=\"hit\"}", by: ["cache"])],
            .cacheMisses: [T.figure("cache_gets_total{result=\"miss\"}", by: ["cache"])],
            .cacheEvictions: [T.figure("cache_evictions_total", by: ["cache"])],
            .poolInUse: [T.figure("hikaricp_connections_active", by: ["pool"]),
                         T.figure("executor_active_threads", by: ["name"])],
            .poolIdle: [T.figure("hikaricp_connections_idle", by: ["pool"])],
            .poolMax: [T.figure("hikaricp_connections_max", by: ["pool"]),
                       T.figure("executor_pool_max_threads", by: ["name"])],
            .poolPending: [T.figure("hikaricp_connections_pending", by: ["pool"])],
            .poolAcquire: [T.figure("hikaricp_connections_acquire_seconds", by: ["pool"])],
            .queueDepth: [T.figure("executor_queued_tasks", by: ["name"])],
        ]) { $1 })

    /// OpenTelemetry semantic conventions as the Prometheus exporter writes them (dots → underscores, unit
    /// suffixes): http.server.request.duration by http.route, db.client.connection.* pools (and the older
    /// db.client.connections.* names). A request no route matched has no http.route (the conventions say so):
    /// it is the route "(no route)".
    public static let openTelemetry = ServicePreset(
        name: "opentelemetry", summary: "OpenTelemetry semantic conventions (Prometheus exporter)",
        signature: ["http_server_request_duration_seconds_count", "db_client_connection_count",
                    "db_client_connections_usage", "target_info"],
        figures: T.red(requests: "http_server_request_duration_seconds_count",
                       latency: "http_server_request_duration_seconds", route: "http_route",
                       fallback: "(no route)").merging([
            .poolInUse: [T.figure("db_client_connection_count{db_client_connection_state=\"used\"}",
                                  by: ["db_client_connection_pool_name"]),
                         T.figure("db_client_connections_usage{state=\"used\"}", by: ["pool_name"])],
            .poolIdle: [T.figure("db_client_connection_count{db_client_connection_state=\"idle\"}",
                                 by: ["db_client_connection_pool_name"]),
                        T.figure("db_client_connections_usage{state=\"idle\"}", by: ["pool_name"])],
            .poolMax: [T.figure("db_client_connection_max", by: ["db_client_connection_pool_name"]),
                       T.figure("db_client_connections_max", by: ["pool_name"])],
            .poolPending: [T.figure("db_client_connection_pending_requests", by: ["db_client_connection_pool_name"]),
                           T.figure("db_client_connections_pending_requests", by: ["pool_name"])],
            .poolAcquire: [T.figure("db_client_connection_wait_time_seconds", by: ["db_client_connection_pool_name"])],
        ]) { $1 })

    /// Go's client_golang: promhttp's InstrumentHandler* names (`code`, `method`, `handler` when curried), also
    /// namespaced (`CounterOpts.Namespace`: the Prometheus server's own `prometheus_http_requests_total{handler}`),
    /// and the database/sql DBStats collector. A namespaced series counts only with a `handler` label, so another
    /// program's `<x>_http_requests_total{route}` stays with the preset that knows it.
    public static let clientGolang = ServicePreset(
        name: "client_golang", summary: "Go prometheus/client_golang (promhttp, DBStats collector)",
        signature: ["go_info", "go_goroutines"],
        figures: T.red(requests: "http_requests_total", latency: "http_request_duration_seconds", route: "handler")
            .merging(T.red(requests: "{__name__=~\".+_http_requests_total\"}",
                           latency: "{__name__=~\".+_http_request_duration_seconds\"}", route: "handler",
                           keepUnlabelled: false)) { $0 + $1 }
            .merging([
                .poolInUse: [T.figure("go_sql_in_use_connections", by: ["db_name"])],
                .poolIdle: [T.figure("go_sql_idle_connections", by: ["db_name"])],
                .poolMax: [T.figure("go_sql_max_open_connections", by: ["db_name"])],
            ]) { $1 })

    /// Node prom-client with express-prom-bundle's `http_request_duration_seconds{method,path,status_code}`.
    public static let promClient = ServicePreset(
        name: "prom_client", summary: "Node prom-client (express-prom-bundle)",
        signature: ["nodejs_version_info", "nodejs_eventloop_lag_seconds"],
        figures: T.red(requests: "http_request_duration_seconds_count", latency: "http_request_duration_seconds",
                       route: "path"))

    /// Python prometheus_client with the usual HTTP instrumentations: prometheus-fastapi-instrumentator
    /// (`http_requests_total{handler,status}`), prometheus-flask-exporter and starlette_exporter.
    public static let prometheusClient = ServicePreset(
        name: "prometheus_client", summary: "Python prometheus_client (FastAPI instrumentator, Flask, Starlette)",
        signature: ["python_info", "python_gc_objects_collected_total"],
        figures: [
            .requests: [T.figure(T.withoutProbes("http_requests_total", "handler"), by: ["handler", "route", "path"]),
                        T.figure(T.withoutProbes("flask_http_request_total", "path"), by: ["path", "url_rule"]),
                        T.figure(T.withoutProbes("starlette_requests_total", "path"), by: ["path"])],
            .errors: [T.figure(T.withoutProbes("http_requests_total", "handler"), by: ["handler", "route", "path"],
                               errors: true),
                      T.figure(T.withoutProbes("flask_http_request_total", "path"), by: ["path", "url_rule"],
                               errors: true),
                      T.figure(T.withoutProbes("starlette_requests_total", "path"), by: ["path"], errors: true)],
            .latency: [T.figure(T.withoutProbes("http_request_duration_seconds", "handler"),
                                by: ["handler", "route", "path"]),
                       T.figure(T.withoutProbes("flask_http_request_duration_seconds", "path"),
                                by: ["path", "url_rule"]),
                       T.figure(T.withoutProbes("starlette_request_duration_seconds", "path"), by: ["path"])],
        ])

    /// perfdash's own conventions (the demo follows them): `*http_requests_total` split by `route` with a
    /// `status` label, `*http_request_duration_seconds`, `*pool_connections_in_use|idle|max|pending` by `pool`,
    /// `*pool_acquire_seconds`, `*rate_limiter_rejections_total` by `limiter`.
    public static let perfdash = ServicePreset(
        name: "perfdash", summary: "perfdash's default names",
        signature: [],
        figures: [
            .requests: [T.figure("{__name__=~\"(.+_)?http_requests_total\",route!~\"\(T.probeRoutes)\"}",
                                 by: ["route", "handler", "path"])],
            .errors: [T.figure("{__name__=~\"(.+_)?http_requests_total\",route!~\"\(T.probeRoutes)\"}",
                               by: ["route", "handler", "path"], errors: true)],
            .latency: [T.figure("{__name__=~\"(.+_)?http_request_duration_seconds\",route!~\"\(T.probeRoutes)\"}",
                                by: ["route", "handler", "path"])],
            .poolInUse: [T.figure("{__name__=~\"(.+_)?pool_connections_in_use\"}", by: ["pool"], fallback: "db")],
            .poolIdle: [T.figure("{__name__=~\"(.+_)?pool_connections_idle\"}", by: ["pool"], fallback: "db")],
            .poolMax: [T.figure("{__name__=~\"(.+_)?pool_connections_max\"}", by: ["pool"], fallback: "db")],
            .poolPending: [T.figure("{__name__=~\"(.+_)?pool_connections_pending\"}", by: ["pool"], fallback: "db")],
            .poolAcquire: [T.figure("{__name__=~\"(.+_)?pool_acquire_seconds\"}", by: ["pool"], fallback: "db")],
            .limiterRejections: [T.figure("{__name__=~\"(.+_)?rate_limiter_rejections_total\"}", by: ["limiter"],
                                          fallback: "requests")],
        ])
}
