import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

@Suite struct ConfigLoaderTests {
    static let env = ["JOBS_REDIS_PASSWORD": "from-env"]

    @Test func fullFileGivesEverySetting() throws {
        let path = TestPaths.fixture("config/full.toml").path
        let config = try ConfigLoader.load(path: path, environment: Self.env)
        #expect(config.origin == path)
        #expect(config.interval == .milliseconds(500) && config.window == .seconds(900))
        #expect(config.theme == "nord" && config.graph == .block && config.root == "/host")
        #expect(config.services.map(\.name) == ["api", "jobs", "cache"])

        let api = config.services[0]
        #expect(api.timeout == .milliseconds(750))
        #expect(api.endpoint == .http(
            HTTPEndpoint(host: "127.0.0.1", port: 8000, target: "/metrics"), bodyLimit: 8 * 1024 * 1024,
            metrics: ServiceMetricNames(cacheHits: "lookups_hit_total", cacheMisses: "lookups_miss_total",
                                        cacheEvictions: "lookups_evicted_total", cacheLabels: ["tier"],
                                        queueDepth: ["backlog"], queueLabel: "lane", latency: "_latency_seconds")))

        let jobs = config.services[1]
        #expect(jobs.timeout == .seconds(1))
        #expect(jobs.endpoint == .redis(RedisServiceConfig(
            host: "127.0.0.1", port: 6380, database: 2, username: "monitor", password: "from-env",
            passwordEnv: "JOBS_REDIS_PASSWORD",
            queues: [RedisQueue(name: "celery", preset: .celery), RedisQueue(name: "emails", preset: .celery),
                     RedisQueue(name: "custom:backlog", preset: .raw)])))

        let cache = config.services[2]
        #expect(cache.timeout == .seconds(2))
        #expect(cache.endpoint == .redis(RedisServiceConfig(host: "::1", port: 6379, password: "hunter2")))
    }

    @Test func autoscalersAreParsedWithTheServices() throws {
        let config = try ConfigLoader.load(path: TestPaths.fixture("config/full.toml").path, environment: Self.env)
        #expect(config.autoscalers.map(\.name) == ["workers", "web"])
        let workers = config.autoscalers[0]
        #expect(workers.windowSeconds == 180 && workers.maxReplicas == 12 && workers.minReplicas == 1)
        #expect(workers.inputSeries == ["service.jobs.queue.celery.depth"])
        guard case .target(let target) = workers.policy else {
            Issue.record("workers should be a target policy")
            return
        }
        #expect(target.metrics.first?.target == 20 && target.behavior.scaleDown.selectPolicy == .max)
        #expect(target.behavior.scaleDown.stabilizationWindowSeconds == 120)
        guard case .threshold(let threshold) = config.autoscalers[1].policy else {
            Issue.record("web should be a threshold policy")
            return
        }
        #expect(threshold.scaleUpThreshold == 80 && threshold.scaleDownThreshold == 30)
        #expect(threshold.cooldownUpSeconds == 90 && threshold.cooldownDownSeconds == 90)
        // The raw tables stay, with positions, for `config check` to print back.
        let table = try #require(config.autoscalerTables.first)
        #expect(table.context == "[[autoscaler]] #1" && table["window"]?.position.line == 45)
    }

    @Test(arguments: [
        // A value error points at the value: `max_replicas = 0` on line 7, the value at column 16.
        ("[[service]]\nname = \"api\"\nurl = \"http://h/\"\n\n[[autoscaler]]\nname = \"a\"\nmax_replicas = 0\n"
            + "policy = \"threshold\"\nmetric = \"cpu.busy_percent\"\nscale_up_threshold = 80\n"
            + "scale_down_threshold = 30\n", "c.toml:7:16: autoscaler[0].max_replicas:"),
        // A bad choice points at the value: `policy = "bogus"`, line 3, column 10.
        ("[[autoscaler]]\nname = \"a\"\npolicy = \"bogus\"\n[[autoscaler]]\nwindow = \"5 parsecs\"\n",
         "c.toml:3:10: autoscaler[0].policy: must be \"threshold\" or \"target\""),
        // A required key that is missing points at its table.
        ("interval = \"1s\"\n[autoscaler]\nname = \"solo\"\npolicy = \"threshold\"\n",
         "c.toml:2:1: autoscaler.max_replicas: is required"),
        // An unknown key points at the key: line 3, column 1.
        ("[autoscaler]\nname = \"solo\"\nmax_replica = 3\npolicy = \"threshold\"\n",
         "c.toml:3:1: autoscaler.max_replica: unknown key"),
    ])
    func autoscalerErrorsHaveLineAndColumn(text: String, prefix: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml", environment: [:])
            Issue.record("expected an error starting \(prefix)")
        } catch {
            #expect(error.description.hasPrefix(prefix), "\(error.description)")
        }
    }

    @Test func keyPathsMapToPositions() throws {
        let text = try String(contentsOf: TestPaths.fixture("config/full.toml"), encoding: .utf8)
        let positions = ConfigPositions(root: try ConfigDocument.parse(text, file: "full.toml"))
        // Second [[service]] ("jobs", header on line 23): `db = 2` is line 27, value at column 6.
        #expect(positions.position(of: [.key("service"), .index(1), .key("db")])
                == SourcePosition(file: "full.toml", line: 27, column: 6))
        #expect(positions.position(of: [.key("service"), .index(1)]) == SourcePosition(file: "full.toml", line: 23, column: 1))
        // `queues = ["celery", "emails"]`, line 31: "emails" starts at column 21.
        #expect(positions.position(of: [.key("service"), .index(1), .key("queues"), .index(1)])
                == SourcePosition(file: "full.toml", line: 31, column: 21))
        // [autoscaler.behavior] belongs to the first [[autoscaler]]; a key not written falls back to the table.
        #expect(positions.position(of: [.key("autoscaler"), .index(0), .key("behavior"), .key("scale_up")])
                == SourcePosition(file: "full.toml", line: 47, column: 1))
        #expect(positions.keyPosition(of: [.key("interval")]) == SourcePosition(file: "full.toml", line: 2, column: 1))
    }

    @Test func singleAutoscalerTableCountsAsOne() throws {
        let text = "[autoscaler]\nname = \"web\"\npolicy = \"threshold\"\nmetric = \"cpu.busy_percent\"\n"
            + "scale_up_threshold = 80\nscale_down_threshold = 30\nmax_replicas = 4\n"
        let config = try ConfigLoader.parse(text, file: "a.toml", environment: [:])
        #expect(config.autoscalers.map(\.name) == ["web"])
        #expect(config.autoscalerTables.first?.position == SourcePosition(file: "a.toml", line: 1, column: 1))
    }

    @Test func defaultsWhenTheDefaultFileIsMissing() throws {
        let env = ["XDG_CONFIG_HOME": "/nonexistent-\(UUID().uuidString)"]
        #expect(try ConfigLoader.load(path: nil, environment: env) == .defaults)
        #expect(throws: ConfigError(subject: "/nonexistent.toml", "no such file")) {
            try ConfigLoader.load(path: "/nonexistent.toml", environment: env)
        }
    }

    @Test func defaultPathFollowsXDG() {
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"])
                == "/x/cfg/perfdash/config.toml")
        #expect(ConfigLoader.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/perfdash/config.toml")
        // A relative XDG_CONFIG_HOME is invalid per the XDG spec and ignored.
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u"])
                == "/home/u/.config/perfdash/config.toml")
    }

    @Test func renderedConfigReadsBackTheSame() throws {
        let original = try ConfigLoader.load(path: TestPaths.fixture("config/full.toml").path, environment: Self.env)
        let text = ConfigRenderer.render(original)
        #expect(!text.contains("hunter2") && !text.contains("from-env"))
        var reread = try ConfigLoader.parse(text, file: "rendered.toml", environment: Self.env)
        // The in-file password is deliberately not printed; everything else survives.
        if case .redis(var redis) = reread.services[2].endpoint {
            redis.password = "hunter2"
            reread.services[2].endpoint = .redis(redis)
        }
        #expect(reread.services == original.services)
        #expect(reread.interval == original.interval && reread.window == original.window)
        #expect(reread.autoscalers == original.autoscalers && reread.autoscalers.count == 2)
    }

    @Test func celeryKeysRenderEscaped() throws {
        let text = "[[service]]\nname = \"q\"\nredis = \"127.0.0.1:6379\"\nqueue_keys = [\"tasks\\u0006\\u00163\"]\n"
        let config = try ConfigLoader.parse(text, file: "c.toml", environment: [:])
        guard case .redis(let redis) = config.services[0].endpoint else { Issue.record("not redis"); return }
        #expect(redis.queues == [RedisQueue(name: "tasks\u{06}\u{16}3", keys: ["tasks\u{06}\u{16}3"])])
        #expect(ConfigRenderer.render(config).contains("queue_keys = [\"tasks\\u0006\\u00163\"]"))
    }

    @Test func quickFlags() throws {
        let api = try QuickServiceFlag.scrape("api=http://127.0.0.1:9100/metrics")
        #expect(api == ServiceConfig(name: "api", endpoint: .http(
            HTTPEndpoint(host: "127.0.0.1", port: 9100, target: "/metrics"), bodyLimit: 32 * 1024 * 1024,
            metrics: .defaults)))
        let cache = try QuickServiceFlag.redis("cache=localhost:6380/1", environment: ["REDISCLI_AUTH": "pw"])
        #expect(cache == ServiceConfig(name: "cache", endpoint: .redis(RedisServiceConfig(
            host: "localhost", port: 6380, database: 1, password: "pw", passwordEnv: "REDISCLI_AUTH"))))
        #expect(throws: ConfigError(subject: "--scrape api", "expected NAME=URL, e.g. --scrape api=http://127.0.0.1:8000/metrics")) {
            try QuickServiceFlag.scrape("api")
        }
        #expect(throws: ConfigError(subject: "--redis c=host:99999", "port \"99999\" is not a number in 1…65535")) {
            try QuickServiceFlag.redis("c=host:99999", environment: [:])
        }
        #expect(throws: ConfigError(subject: "--redis c=redis://:pw@host:1",
                                    "credentials in the address are not supported; use password_env or password")) {
            try QuickServiceFlag.redis("c=redis://:pw@host:1", environment: [:])
        }
        let config = try ConfigLoader.parse("[[service]]\nname = \"api\"\nurl = \"http://h/\"\n", file: "f",
                                            environment: [:])
        #expect(throws: ConfigError(subject: "--scrape api", "a service named \"api\" is already configured")) {
            try config.adding([api])
        }
    }

    @Test(arguments: [
        ("1s", Duration.seconds(1)), ("250ms", .milliseconds(250)), ("1.5s", .milliseconds(1500)),
        ("5m", .seconds(300)), ("1h", .seconds(3600)), ("2", .seconds(2)),
    ])
    func durations(text: String, expected: Duration) {
        #expect(ConfigUnits.duration(text) == expected)
        #expect(ConfigUnits.duration(ConfigUnits.format(expected)) == expected)
    }

    @Test(arguments: [("32MiB", 33_554_432), ("512 KiB", 524_288), ("10MB", 10_000_000), ("4096", 4096),
                      ("1GiB", 1_073_741_824), ("2b", 2)])
    func byteSizes(text: String, expected: Int) {
        #expect(ConfigUnits.byteSize(text) == expected)
    }
}
