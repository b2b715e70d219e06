/// `[[service]]` entries for PostgreSQL and memcached, and the queue options of Redis entries.
extension ServiceConfigParser {
    static let postgresKeys: Set<String> = ["postgres", "password", "password_env"]
    static let memcachedKeys: Set<String> = ["memcached"]
    static let redisQueueOptionKeys: Set<String> = ["priority_steps", "sep", "key_prefix", "celery_queues",
                                                     "rq_queues", "sidekiq_queues", "bullmq_queues"]

    /// `celery_queues`, `rq_queues`, `sidekiq_queues`, `bullmq_queues`: one Redis server's queues of several
    /// libraries in one service (perfdash takes out only its own service's probes, so one server is one service).
    static func presetQueues(_ table: ConfigTable, options: RedisQueueOptions) throws(ConfigError) -> [RedisQueue] {
        var queues: [RedisQueue] = []
        for preset in [RedisQueuePreset.celery, .rq, .sidekiq, .bullmq] {
            queues += (try table.strings("\(preset.rawValue)_queues") ?? []).map {
                RedisQueue(name: $0, preset: preset, options: options)
            }
        }
        return queues
    }

    /// `postgres` or `memcached` when the entry names one (by `kind`, by its own address key, or by the URL's
    /// scheme); nil for HTTP and Redis entries.
    static func serverKind(_ table: ConfigTable, kind: String?, url: String?) -> String? {
        if kind == "postgres" || kind == "memcached" { return kind }
        guard kind == nil else { return nil }
        if table["postgres"] != nil { return "postgres" }
        if table["memcached"] != nil { return "memcached" }
        let scheme = url?.lowercased() ?? ""
        if scheme.hasPrefix("postgres://") || scheme.hasPrefix("postgresql://") { return "postgres" }
        if scheme.hasPrefix("memcached://") { return "memcached" }
        return nil
    }

    /// A PostgreSQL or memcached entry; `kind` comes from `serverKind`.
    static func serverService(_ table: ConfigTable, name: String, kind: String,
                              environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        let own = kind == "postgres" ? postgresKeys : memcachedKeys
        try table.rejectUnknownKeys(allowed: commonKeys.union(own))
        let timeout = try table.duration("timeout") ?? HTTPFetcher.defaultTimeout
        guard timeout <= .seconds(3600) else {
            throw table.error("timeout", "must be at most 1h, got \(ConfigUnits.format(timeout))")
        }
        let key = table[kind] != nil ? kind : "url"
        guard let address = try table.string(key) else {
            throw ConfigError(at: table.position, "\(table.context) needs \(kind) (or url)")
        }
        if kind == "memcached" {
            do {
                let (host, port) = try MemcachedAddress.parse(address)
                return ServiceConfig(name: name, endpoint: .memcached(host: host, port: port), timeout: timeout)
            } catch {
                throw table.error(key, error.reason)
            }
        }
        var postgres: PostgresServiceConfig
        do { postgres = try PostgresServiceConfig.parse(address) } catch { throw table.error(key, error.reason) }
        let (password, env) = try passwordSetting(table, environment: environment)
        postgres.password = password ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        postgres.passwordEnv = env ?? (password == nil && postgres.password != nil ? "PGPASSWORD" : nil)
        return ServiceConfig(name: name, endpoint: .postgres(postgres), timeout: timeout)
    }

    /// `password` or `password_env` (the variable must be set); both nil when neither is given.
    static func passwordSetting(_ table: ConfigTable,
                         environment: [String: String]) throws(ConfigError) -> (String?, String?) {
        let password = try table.string("password")
        guard let env = try table.string("password_env") else { return (password, nil) }
        guard password == nil else {
            throw ConfigError(at: table.keyPosition("password_env"), "set password or password_env, not both")
        }
        guard let value = environment[env], !value.isEmpty else {
            throw table.error("password_env", "environment variable \(env) is not set")
        }
        return (value, env)
    }

    /// `priority_steps`, `sep` and `key_prefix` of a Redis entry.
    static func queueOptions(_ table: ConfigTable) throws(ConfigError) -> RedisQueueOptions {
        var options = RedisQueueOptions.defaults
        if let steps = table["priority_steps"] {
            guard case .array(let elements) = steps.content, !elements.isEmpty else {
                throw table.error("priority_steps", "expected a non-empty list of integers, e.g. [0, 3, 6, 9]")
            }
            var values: [Int] = []
            for element in elements {
                guard case .integer(let step) = element.content, (0...255).contains(step) else {
                    throw table.error("priority_steps", "expected integers 0…255")
                }
                values.append(step)
            }
            options.prioritySteps = Array(Set(values)).sorted()
        }
        if let separator = try table.string("sep") {
            guard !separator.isEmpty else { throw table.error("sep", "must not be empty") }
            options.separator = separator
        }
        options.keyPrefix = try table.string("key_prefix")
        return options
    }
}

/// `host:port` or `memcached://host:port` (port 11211 by default).
public enum MemcachedAddress {
    /// Splits the address.
    public static func parse(_ text: String) throws(EndpointError) -> (host: String, port: Int) {
        var rest = Substring(text)
        if rest.lowercased().hasPrefix("memcached://") { rest = rest.dropFirst(12) }
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...].allSatisfy({ $0 == "/" }) else {
                throw EndpointError("memcached has no path or database: \"\(rest[slash...])\"")
            }
            rest = rest[..<slash]
        }
        guard !rest.contains("@") else { throw EndpointError("credentials in the address are not supported") }
        return try HostPort.split(rest, defaultPort: 11211)
    }
}
