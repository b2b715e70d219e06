import ArgumentParser
import Foundation
import PerfdashCore

/// `--config`, `--scrape`, `--redis`, `--postgres` and `--memcached`: shared by every command that watches services.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/perfdash/config.toml).",
                                            valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Scrape a Prometheus/OpenMetrics endpoint (repeatable).",
                                            valueName: "name=url"))
    var scrape: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Watch a Redis server (repeatable); queues after the address, e.g. ,preset=rq,queues=default,high; "
            + "its password, if any, from REDISCLI_AUTH.", valueName: "name=host:port[,queues=…]"))
    var redis: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Watch a PostgreSQL database (repeatable); its password, if any, from PGPASSWORD.",
        valueName: "name=postgres://user@host:port/db"))
    var postgres: [String] = []

    @Option(name: .long, help: ArgumentHelp("Watch a memcached server (repeatable).", valueName: "name=host:port"))
    var memcached: [String] = []

    /// The effective config: the file (or defaults) plus the quick-flag services.
    func load(path: String? = nil,
              environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> PerfdashConfig {
        var quick: [ServiceConfig] = []
        for argument in scrape { quick.append(try QuickServiceFlag.scrape(argument)) }
        for argument in redis { quick.append(try QuickServiceFlag.redis(argument, environment: environment)) }
        for argument in postgres { quick.append(try QuickServiceFlag.postgres(argument, environment: environment)) }
        for argument in memcached { quick.append(try QuickServiceFlag.memcached(argument)) }
        return try ConfigLoader.load(path: path ?? config, environment: environment).adding(quick)
    }

    /// `load()` with its error as the one line the user sees (`file:line:column: reason`).
    func effective() throws(CommandLineError) -> PerfdashConfig {
        do {
            return try load()
        } catch {
            throw CommandLineError(error.description)
        }
    }
}
