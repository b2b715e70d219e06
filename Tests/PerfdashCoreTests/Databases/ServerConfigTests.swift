import Testing
@testable import PerfdashCore

/// `[[service]]` entries and quick flags for PostgreSQL, memcached and Redis queue options.
@Suite struct ServerConfigTests {
    @Test func entriesForEachKind() throws {
        let text = """
            [[service]]
            name = "db"
            postgres = "postgres://monitor@127.0.0.1:5433/app"
            password_env = "PG_SECRET"

            [[service]]
            name = "cache"
            url = "memcached://10.0.0.5"

            [[service]]
            name = "jobs"
            redis = "127.0.0.1:6379"
            queue_preset = "celery"
            queues = ["hi"]
            priority_steps = [9, 0, 5, 5]
            sep = ":"
            rq_queues = ["default"]
            """
        let config = try ConfigLoader.parse(text, file: "ok.toml", environment: ["PG_SECRET": "s3"])
        #expect(config.services.map(\.kind) == ["postgres", "memcached", "redis"])
        #expect(config.services[0].endpoint == .postgres(PostgresServiceConfig(
            host: "127.0.0.1", port: 5433, user: "monitor", database: "app", password: "s3", passwordEnv: "PG_SECRET")))
        #expect(config.services[1].endpoint == .memcached(host: "10.0.0.5", port: 11211))
        guard case .redis(let redis) = config.services[2].endpoint else { throw SourceError(.other, "not redis") }
        #expect(redis.queues[0].keys == ["hi", "hi:5", "hi:9"])
        #expect(redis.queues.map(\.preset) == [.celery, .rq])
        // The effective config prints back to the same services, without the password.
        let rendered = ConfigRenderer.render(config)
        #expect(!rendered.contains("s3"))
        let again = try ConfigLoader.parse(rendered, file: "again.toml", environment: ["PG_SECRET": "s3"])
        #expect(again.services == config.services)
    }

    @Test(arguments: [
        ("[[service]]\nname = \"db\"\npostgres = \"postgres://u:pw@h/db\"\n",
         "bad.toml:3:12: postgres: a password in the URL is not accepted; use password_env or PGPASSWORD"),
        ("[[service]]\nname = \"db\"\nkind = \"postgres\"\n", "bad.toml:1:1: [[service]] \"db\" needs postgres (or url)"),
        ("[[service]]\nname = \"db\"\npostgres = \"postgres://u@h/db\"\nqueues = [\"x\"]\n",
         "bad.toml:4:1: unknown key \"queues\" in [[service]] \"db\""),
        ("[[service]]\nname = \"m\"\nmemcached = \"h:99999\"\n",
         "bad.toml:3:13: memcached: port \"99999\" is not a number in 1…65535"),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\npriority_steps = [0, 300]\n",
         "bad.toml:4:18: priority_steps: expected integers 0…255"),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\nsep = \"\"\n", "bad.toml:4:7: sep: must not be empty"),
    ])
    func badEntries(text: String, expected: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "bad.toml", environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func quickFlags() throws {
        let postgres = try QuickServiceFlag.postgres("db=postgres://monitor@h:6000/app",
                                                     environment: ["PGPASSWORD": "pw"])
        #expect(postgres.endpoint == .postgres(PostgresServiceConfig(host: "h", port: 6000, user: "monitor",
                                                                     database: "app", password: "pw",
                                                                     passwordEnv: "PGPASSWORD")))
        #expect(postgres.address == "postgres://monitor@h:6000/app")
        #expect(throws: ConfigError.self) { try QuickServiceFlag.postgres("db=mysql://h/x", environment: [:]) }
        #expect(try QuickServiceFlag.memcached("m=[::1]:1").endpoint == .memcached(host: "::1", port: 1))
        #expect(try QuickServiceFlag.memcached("m=[::1]:1").address == "memcached://[::1]:1")
    }
}
