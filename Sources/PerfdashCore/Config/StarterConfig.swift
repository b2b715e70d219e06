/// The commented config `perfdash config init` writes: every setting at its default, services and an autoscaler
/// as commented-out examples, so the file is valid as written and documents itself.
public enum StarterConfig {
    /// The file's text (valid TOML; `perfdash config check` accepts it unchanged).
    public static let text = #"""
        # perfdash configuration (written by `perfdash config init`).
        # Flags given on the command line win over this file, which wins over the built-in defaults.
        # Durations: "250ms", "2s", "5m", "1h", "1m30s", or a bare number of seconds. Check with `perfdash config check`.

        interval = "1s"         # time between samples (at least 10ms)
        window = "1m"           # statistics window shown first: 1m, 5m or 15m (`w` cycles them)
        theme = "default"       # default, light, high-contrast, dusk, or a path to a btop .theme file
        graph = "braille"       # braille, block or ascii
        root = "/"              # the directory holding proc/ and sys/ (a container's filesystem)

        # A Prometheus / OpenMetrics endpoint: cache hit rates, queue depths and latencies of your service.
        # [[service]]
        # name = "api"
        # url = "http://127.0.0.1:8000/metrics"
        # timeout = "1s"

        # A Redis server: its hit rate, and the depth of your task queues (celery, rq, sidekiq or bullmq).
        # [[service]]
        # name = "jobs"
        # redis = "127.0.0.1:6379"
        # password_env = "REDISCLI_AUTH"   # the password is read from this variable, never written here
        # queue_preset = "rq"
        # queues = ["default", "high"]

        # A PostgreSQL database (buffer hit rate, transactions, connections, top statements) and a memcached server.
        # [[service]]
        # name = "db"
        # kind = "postgres"
        # url = "postgres://monitor@127.0.0.1:5432/app"
        # password_env = "PGPASSWORD"

        # An alert rule on any series perfdash records (built-in host rules are on; `[alerts] builtin = false`).
        # [[alert]]
        # name = "api-latency"
        # series = "service.api.p95_seconds"
        # aggregate = "avg"
        # window = "5m"
        # warning = 0.25
        # critical = 1
        # for = "2m"

        # An autoscaler that recommends replicas from any series perfdash records.
        # [[autoscaler]]
        # name = "web"
        # policy = "threshold"
        # metric = "cpu.busy_percent"
        # scale_up_threshold = 80.0
        # scale_down_threshold = 30.0
        # cooldown = "3m"

        """#
}
