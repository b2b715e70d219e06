/// Parses the quick flags `--scrape NAME=URL` and `--redis NAME=HOST:PORT` into services with default settings.
public enum QuickServiceFlag {
    /// `--scrape api=http://127.0.0.1:8000/metrics`.
    public static func scrape(_ argument: String) throws(ConfigError) -> ServiceConfig {
        let (name, value) = try split(argument, flag: "--scrape", example: "api=http://127.0.0.1:8000/metrics")
        do {
            let endpoint = try HTTPEndpoint(parsing: value)
            return ServiceConfig(name: name, endpoint: .http(endpoint, bodyLimit: HTTPFetcher.defaultBodyLimit,
                                                             metrics: .defaults))
        } catch {
            throw ConfigError(subject: "--scrape \(argument)", error.reason)
        }
    }

    /// `--redis cache=127.0.0.1:6379[/DB][,preset=rq,queues=default,high]`; the password, if any, comes from
    /// `REDISCLI_AUTH` (as for redis-cli). The options are those of `RedisAddressOptions`.
    public static func redis(_ argument: String, environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        let (name, value) = try split(argument, flag: "--redis", example: "cache=127.0.0.1:6379")
        do {
            let parsed = try RedisAddressOptions.parse(value)
            let address = try RedisServiceConfig.address(parsed.address)
            let password = environment["REDISCLI_AUTH"].flatMap { $0.isEmpty ? nil : $0 }
            return ServiceConfig(name: name, endpoint: .redis(RedisServiceConfig(
                host: address.host, port: address.port, database: parsed.database ?? address.database,
                password: password, passwordEnv: password == nil ? nil : "REDISCLI_AUTH", queues: parsed.queues)))
        } catch {
            throw ConfigError(subject: "--redis \(argument)", error.reason)
        }
    }

    /// `--postgres db=postgres://monitor@127.0.0.1:5432/app`; the password, if any, comes from `PGPASSWORD`
    /// (as for psql), never from the command line.
    public static func postgres(_ argument: String, environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        let (name, value) = try split(argument, flag: "--postgres", example: "db=postgres://monitor@127.0.0.1:5432/app")
        do {
            var config = try PostgresServiceConfig.parse(value)
            config.password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            config.passwordEnv = config.password == nil ? nil : "PGPASSWORD"
            return ServiceConfig(name: name, endpoint: .postgres(config))
        } catch {
            throw ConfigError(subject: "--postgres \(argument)", error.reason)
        }
    }

    /// `--memcached sessions=127.0.0.1:11211`.
    public static func memcached(_ argument: String) throws(ConfigError) -> ServiceConfig {
        let (name, value) = try split(argument, flag: "--memcached", example: "sessions=127.0.0.1:11211")
        do {
            let (host, port) = try MemcachedAddress.parse(value)
            return ServiceConfig(name: name, endpoint: .memcached(host: host, port: port))
        } catch {
            throw ConfigError(subject: "--memcached \(argument)", error.reason)
        }
    }

    private static func split(_ argument: String, flag: String,
                              example: String) throws(ConfigError) -> (String, String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex,
              argument.index(after: equals) != argument.endIndex else {
            throw ConfigError(subject: "\(flag) \(argument)", "expected NAME=\(flag == "--redis" || flag == "--memcached" ? "HOST:PORT" : "URL"), e.g. \(flag) \(example)")
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
