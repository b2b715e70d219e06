/// The `[prometheus]` section: the server the Fleet panel, `snapshot --prometheus` and PromQL autoscaler inputs read.
///
/// ```toml
/// [prometheus]
/// url = "https://prom.example:9090"   # required
/// token_env = "PROM_TOKEN"            # bearer token from the environment (or token = "…")
/// # username = "perfdash"; password_env = "PROM_PASSWORD"  (basic auth, or password = "…")
/// source = "auto"                     # node, perfdash or auto
/// window = "1m"                       # rate window (default: the stats window)
/// interval = "2s"                     # time between rounds (at least 1s)
/// timeout = "2s"                      # per query
/// hosts = '{job="node"}'              # matchers narrowing host series
/// services = '{env="prod"}'           # matchers narrowing service series
/// history = "15m"                     # drill-down graph span
/// ```
enum PrometheusConfigParser {
    static let keys: Set<String> = ["url", "token", "token_env", "username", "password", "password_env", "source",
                                    "window", "interval", "timeout", "hosts", "services", "history"]

    /// The section, validated; secrets from `environment` when named by `*_env` keys.
    static func parse(_ table: ConfigTable, environment: [String: String]) throws(ConfigError) -> PrometheusConfig {
        try table.rejectUnknownKeys(allowed: keys)
        guard let urlText = try table.string("url") else { throw ConfigError(at: table.position, "[prometheus] needs url") }
        let endpoint: HTTPEndpoint
        do {
            endpoint = try HTTPEndpoint(parsing: urlText)
        } catch {
            throw table.error("url", error.reason)
        }
        let token = try secret(table, "token", environment)
        let password = try secret(table, "password", environment)
        let tokenEnv = try table.string("token_env")
        let passwordEnv = try table.string("password_env")
        let username = try table.string("username")
        var auth = PrometheusServer.Auth.none
        if let token {
            guard username == nil, password == nil else {
                throw table.error("token", "use a bearer token or username/password, not both")
            }
            auth = .bearer(token)
        } else if let username {
            auth = .basic(user: username, password: password ?? "")
        } else if password != nil {
            throw table.error(table["password"] != nil ? "password" : "password_env", "needs username")
        }
        var config = PrometheusConfig(endpoint: endpoint, auth: auth)
        config.tokenEnv = tokenEnv
        config.passwordEnv = passwordEnv
        if let source = try table.choice("source", FleetSource.allCases.map(\.rawValue)) {
            config.source = FleetSource(rawValue: source) ?? .auto
        }
        config.window = try table.duration("window")
        if let interval = try table.duration("interval") {
            guard interval >= .seconds(1) else { throw table.error("interval", "must be at least 1s") }
            config.interval = interval
        }
        if let timeout = try table.duration("timeout") {
            guard timeout <= .seconds(60) else { throw table.error("timeout", "must be at most 60s") }
            config.timeout = timeout
        }
        if let history = try table.duration("history") {
            guard history >= .seconds(60), history <= .seconds(7 * 86_400) else {
                throw table.error("history", "must be between 1m and 7 days")
            }
            config.historySeconds = history.seconds
        }
        for key in ["hosts", "services"] {
            guard let text = try table.string(key) else { continue }
            do {
                let matchers = try PromQL.parseMatchers(text)
                if key == "hosts" { config.hostMatchers = matchers } else { config.serviceMatchers = matchers }
            } catch {
                throw table.error(key, "\(error.reason) in \(text)")
            }
        }
        return config
    }

    /// `key` or `key_env` (not both); the variable must be set and non-empty.
    private static func secret(_ table: ConfigTable, _ key: String,
                               _ environment: [String: String]) throws(ConfigError) -> String? {
        let direct = try table.string(key)
        guard let variable = try table.string(key + "_env") else { return direct }
        guard direct == nil else {
            throw ConfigError(at: table.keyPosition(key + "_env"), "set \(key) or \(key)_env, not both")
        }
        guard let value = environment[variable], !value.isEmpty else {
            throw table.error(key + "_env", "environment variable \(variable) is not set")
        }
        return value
    }
}

/// The `[prometheus]` settings, before the command line adds its own.
public struct PrometheusConfig: Sendable, Equatable {
    /// The server's base URL.
    public var endpoint: HTTPEndpoint
    /// The credentials.
    public var auth: PrometheusServer.Auth
    /// The variable the bearer token came from (`token_env`), so the config prints back without the secret.
    public var tokenEnv: String?
    /// The variable the basic-auth password came from (`password_env`).
    public var passwordEnv: String?
    /// node, perfdash or auto.
    public var source: FleetSource = .auto
    /// The rate window; nil: the stats window.
    public var window: Duration?
    /// Time between rounds; nil: the sampling interval, at least 1 s.
    public var interval: Duration?
    /// Per-query deadline.
    public var timeout: Duration = PrometheusServer.defaultTimeout
    /// Drill-down span, seconds.
    public var historySeconds: Double = 900
    /// Matchers narrowing host series.
    public var hostMatchers: [PromQL.Matcher] = []
    /// Matchers narrowing service series.
    public var serviceMatchers: [PromQL.Matcher] = []

    /// Creates settings.
    public init(endpoint: HTTPEndpoint, auth: PrometheusServer.Auth = .none) {
        self.endpoint = endpoint
        self.auth = auth
    }

    /// The server given on the command line (`--prometheus URL`): credentials from `PERFDASH_PROMETHEUS_TOKEN`
    /// (bearer) or `PERFDASH_PROMETHEUS_USER` / `PERFDASH_PROMETHEUS_PASSWORD` (basic), never from argv.
    public static func commandLine(url: String, environment: [String: String]) throws(EndpointError) -> PrometheusConfig {
        let endpoint = try HTTPEndpoint(parsing: url)
        if let token = environment["PERFDASH_PROMETHEUS_TOKEN"], !token.isEmpty {
            return PrometheusConfig(endpoint: endpoint, auth: .bearer(token))
        }
        if let user = environment["PERFDASH_PROMETHEUS_USER"], !user.isEmpty {
            return PrometheusConfig(endpoint: endpoint,
                                    auth: .basic(user: user, password: environment["PERFDASH_PROMETHEUS_PASSWORD"] ?? ""))
        }
        return PrometheusConfig(endpoint: endpoint)
    }

    /// The fleet settings with the sampler's interval and window as defaults.
    public func settings(interval sampling: Duration, window: StatsWindow) -> FleetSettings {
        FleetSettings(
            server: PrometheusServer(endpoint: endpoint, auth: auth, timeout: timeout),
            queries: FleetQueries(source: source, windowSeconds: (self.window ?? window.duration).seconds,
                                  hostMatchers: hostMatchers, serviceMatchers: serviceMatchers),
            interval: interval ?? max(sampling, .seconds(1)), historySeconds: historySeconds)
    }
}
