/// Reads `[[service]]` tables into `ServiceConfig`s.
enum ServiceConfigParser {
    static let commonKeys: Set<String> = ["name", "kind", "url", "redis", "timeout"]
    static let httpKeys: Set<String> = ["body_limit", "metrics"]
    static let redisKeys: Set<String> = ["password", "password_env", "username", "db", "queue_preset", "queues",
                                         "queue_keys"]
    static let metricKeys: Set<String> = ["cache_hits", "cache_misses", "cache_evictions", "cache_labels",
                                          "queue_depth", "queue_label", "latency"]

    static func parse(_ table: ConfigTable, environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        var table = table
        guard case .string(let name) = try table.required("name").content, !name.isEmpty else {
            throw table.error("name", "expected a non-empty string")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw table.error("name", "must not contain control characters")
        }
        table.context = "[[service]] \"\(name)\""
        let kind = try table.choice("kind", ["prometheus", "redis"])
        let url = try table.string("url")
        let redis = try table.string("redis")
        let isRedis = kind == "redis" || redis != nil || (url?.lowercased().hasPrefix("redis://") ?? false)
        for entry in table.entries where (isRedis ? httpKeys : redisKeys).contains(entry.key) {
            throw ConfigError(at: entry.keyPosition, "\(entry.key) applies to \(isRedis ? "HTTP" : "redis") services only")
        }
        try table.rejectUnknownKeys(allowed: commonKeys.union(isRedis ? redisKeys : httpKeys))
        let timeout = try table.duration("timeout") ?? HTTPFetcher.defaultTimeout
        guard timeout <= .seconds(3600) else {
            throw table.error("timeout", "must be at most 1h, got \(ConfigUnits.format(timeout))")
        }

        if url != nil, redis != nil {
            throw ConfigError(at: table.keyPosition("redis"), "\(table.context) has both url and redis; keep one")
        }
        if isRedis {
            guard let address = redis ?? url else { throw ConfigError(at: table.position, "\(table.context) needs redis") }
            return ServiceConfig(name: name, endpoint: .redis(try redisConfig(table, address: address,
                                                                            environment: environment)),
                                 timeout: timeout)
        }
        guard let url else { throw ConfigError(at: table.position, "\(table.context) needs url or redis") }
        let endpoint: HTTPEndpoint
        do { endpoint = try HTTPEndpoint(parsing: url) } catch { throw table.error("url", error.reason) }
        let bodyLimit = try table.byteSize("body_limit") ?? HTTPFetcher.defaultBodyLimit
        // The body is held in memory whole: past 1 GiB a limit protects nothing.
        guard bodyLimit <= 1 << 30 else { throw table.error("body_limit", "must be at most 1GiB") }
        let metrics = try metricNames(table.table("metrics"))
        return ServiceConfig(name: name, endpoint: .http(endpoint, bodyLimit: bodyLimit, metrics: metrics),
                             timeout: timeout)
    }

    private static func redisConfig(_ table: ConfigTable, address: String,
                                     environment: [String: String]) throws(ConfigError) -> RedisServiceConfig {
        let key = table["redis"] != nil ? "redis" : "url"
        let parsed: (host: String, port: Int, database: Int?)
        do { parsed = try RedisServiceConfig.address(address) } catch { throw table.error(key, error.reason) }
        var database = parsed.database
        if let db = try table.integer("db") {
            guard db >= 0 else { throw table.error("db", "expected a database number ≥ 0, got \(db)") }
            database = db
        }
        var password = try table.string("password")
        let passwordEnv = try table.string("password_env")
        if let passwordEnv {
            guard password == nil else {
                throw ConfigError(at: table.keyPosition("password_env"), "set password or password_env, not both")
            }
            guard let value = environment[passwordEnv], !value.isEmpty else {
                throw table.error("password_env", "environment variable \(passwordEnv) is not set")
            }
            password = value
        }
        let presetName = try table.choice("queue_preset", RedisQueuePreset.allCases.map(\.rawValue)) ?? "raw"
        let preset = RedisQueuePreset(rawValue: presetName) ?? .raw
        var queues = (try table.strings("queues") ?? []).map { RedisQueue(name: $0, preset: preset) }
        queues += (try table.strings("queue_keys") ?? []).map { RedisQueue(name: $0, preset: .raw) }
        var seen: Set<String> = []
        for queue in queues where !seen.insert(queue.name).inserted {
            throw table.error(table["queue_keys"] != nil ? "queue_keys" : "queues", "queue \"\(queue.name)\" is listed twice")
        }
        return RedisServiceConfig(host: parsed.host, port: parsed.port, database: database,
                                  username: try table.string("username"), password: password,
                                  passwordEnv: passwordEnv, queues: queues)
    }

    private static func metricNames(_ table: ConfigTable?) throws(ConfigError) -> ServiceMetricNames {
        var names = ServiceMetricNames.defaults
        guard var table else { return names }
        table.context = "[service.metrics]"
        try table.rejectUnknownKeys(allowed: metricKeys)
        func text(_ key: String) throws(ConfigError) -> String? {
            guard let value = try table.string(key) else { return nil }
            guard !value.isEmpty else { throw table.error(key, "must not be empty") }
            return value
        }
        if let value = try text("cache_hits") { names.cacheHits = value }
        if let value = try text("cache_misses") { names.cacheMisses = value }
        if let value = try text("cache_evictions") { names.cacheEvictions = value }
        if let value = try table.strings("cache_labels") { names.cacheLabels = value }
        if let value = try table.strings("queue_depth") { names.queueDepth = value }
        if let value = try text("queue_label") { names.queueLabel = value }
        if let value = try text("latency") { names.latency = value }
        return names
    }
}
