import Testing
@testable import PerfdashCore

/// The `[prometheus]` section and PromQL autoscaler inputs: what is accepted, and bad files refused with
/// `file:line:column`, positions counted by hand.
@Suite struct PrometheusConfigTests {
    @Test func aFullSectionIsRead() throws {
        let text = """
            window = "5m"
            [prometheus]
            url = "https://prom.example:9443/prometheus/"
            token_env = "PROM_TOKEN"
            source = "perfdash"
            window = "2m"
            interval = "5s"
            timeout = "3s"
            hosts = '{job="node",env=~"prod|stage"}'
            history = "1h"

            [[autoscaler]]
            name = "workers"
            policy = "target"
            query = 'sum(perfdash_service_queue_depth{queue="high"})'
            target = 100
            max_replicas = 20
            """
        let config = try ConfigLoader.parse(text, file: "ok.toml", environment: ["PROM_TOKEN": "t0ken"])
        let prometheus = try #require(config.prometheus)
        #expect(prometheus.auth == .bearer("t0ken"))
        #expect(prometheus.source == .perfdash)
        #expect(prometheus.hostMatchers.map(\.text) == [#"job="node""#, #"env=~"prod|stage""#])
        let settings = prometheus.settings(interval: .seconds(1), window: .fiveMinutes)
        #expect(settings.server.url == "https://prom.example:9443/prometheus")
        #expect(settings.queries.windowSeconds == 120 && settings.interval == .seconds(5))
        #expect(settings.server.timeout == .seconds(3) && settings.historySeconds == 3600)
        #expect(PrometheusClient(server: settings.server).target("/api/v1/query", [("query", "up{a=\"b c\"}")])
            == "/prometheus/api/v1/query?query=up%7Ba%3D%22b%20c%22%7D")
        let inputs = try #require(config.autoscalers.first).promQLInputs
        #expect(inputs.map(\.series) == ["promql.workers"])
        #expect(inputs.map(\.query) == [#"sum(perfdash_service_queue_depth{queue="high"})"#])
    }

    @Test func theSectionPrintsBackWithoutSecrets() throws {
        let text = """
            [prometheus]
            url = "https://prom.example:9443/prometheus"
            username = "u"
            password_env = "P"
            source = "node"
            window = "2m"
            hosts = '{job="no\\"de",env=~"prod|stage"}'
            services = '{team!="x"}'
            history = "1h"
            """
        let environment = ["P": "s3cret"]
        let original = try #require(try ConfigLoader.parse(text, file: "a.toml", environment: environment).prometheus)
        #expect(original.hostMatchers.first?.value == #"no"de"#)
        let rendered = ConfigRenderer.render(try ConfigLoader.parse(text, file: "a.toml", environment: environment))
        #expect(!rendered.contains("s3cret"))
        let reread = try #require(try ConfigLoader.parse(rendered, file: "b.toml", environment: environment).prometheus)
        #expect(reread == original)
        let inline = "[prometheus]\nurl = \"http://p:9090\"\ntoken = \"t0p\"\n"
        let printed = ConfigRenderer.render(try ConfigLoader.parse(inline, file: "c.toml", environment: [:]))
        #expect(!printed.contains("t0p") && printed.contains("# token = (set in the config file, not shown)"))
    }

    @Test func basicAuthAndDefaults() throws {
        let text = "[prometheus]\nurl = \"http://127.0.0.1:9090\"\nusername = \"u\"\npassword_env = \"P\"\n"
        let prometheus = try #require(try ConfigLoader.parse(text, file: "ok.toml", environment: ["P": "pw"]).prometheus)
        #expect(prometheus.auth == .basic(user: "u", password: "pw"))
        let settings = prometheus.settings(interval: .milliseconds(250), window: .oneMinute)
        #expect(settings.interval == .seconds(1) && settings.queries.windowSeconds == 60)
        #expect(settings.queries.source == .auto)
    }

    @Test func credentialsComeFromTheEnvironmentOnTheCommandLine() throws {
        let token = try PrometheusConfig.commandLine(url: "http://p:9090", environment: ["PERFDASH_PROMETHEUS_TOKEN": "x"])
        #expect(token.auth == .bearer("x"))
        let basic = try PrometheusConfig.commandLine(url: "http://p:9090", environment: [
            "PERFDASH_PROMETHEUS_USER": "u", "PERFDASH_PROMETHEUS_PASSWORD": "p"])
        #expect(basic.auth == .basic(user: "u", password: "p"))
        #expect(try PrometheusConfig.commandLine(url: "http://p:9090", environment: [:]).auth == .none)
        #expect(throws: EndpointError.self) { try PrometheusConfig.commandLine(url: "http://u:p@p:9090", environment: [:]) }
    }

    @Test(arguments: [
        ("[prometheus]\nurl = \"http://p:9090\"\ntokn = \"x\"\n",
         "bad.toml:3:1: unknown key \"tokn\" in [prometheus] (did you mean \"token\"?)"),
        ("[prometheus]\nsource = \"node\"\n", "bad.toml:1:1: [prometheus] needs url"),
        ("[prometheus]\nurl = \"ftp://p\"\n", "bad.toml:2:7: url: unsupported URL scheme \"ftp\" (expected http or https)"),
        ("[prometheus]\nurl = \"http://p:9090\"\ntoken_env = \"NOPE\"\n",
         "bad.toml:3:13: token_env: environment variable NOPE is not set"),
        ("[prometheus]\nurl = \"http://p:9090\"\ntoken = \"a\"\ntoken_env = \"T\"\n",
         "bad.toml:4:1: set token or token_env, not both"),
        ("[prometheus]\nurl = \"http://p:9090\"\ntoken = \"a\"\nusername = \"u\"\n",
         "bad.toml:3:9: token: use a bearer token or username/password, not both"),
        ("[prometheus]\nurl = \"http://p:9090\"\nsource = \"consul\"\n",
         "bad.toml:3:10: source: expected one of node, perfdash, auto, got \"consul\""),
        ("[prometheus]\nurl = \"http://p:9090\"\ninterval = \"200ms\"\n", "bad.toml:3:12: interval: must be at least 1s"),
        ("[prometheus]\nurl = \"http://p:9090\"\nhosts = '{job=\"node\"'\n",
         "bad.toml:3:9: hosts: missing } at column 12 in {job=\"node\""),
        ("[[autoscaler]]\nname = \"a\"\npolicy = \"threshold\"\nmetric = \"cpu.busy_percent\"\nquery = \"up\"\n"
            + "scale_up_threshold = 80\nscale_down_threshold = 20\nmax_replicas = 3\n",
         "bad.toml:5:9: autoscaler[0].query: use either metric or query, not both"),
        ("[[autoscaler]]\nname = \"a\"\npolicy = \"target\"\nquery = \"  \"\ntarget = 5\nmax_replicas = 3\n",
         "bad.toml:4:9: autoscaler[0].query: must be a PromQL expression"),
    ])
    func badSectionsAreRefused(text: String, expected: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "bad.toml", environment: ["T": "t"]) }
        do {
            _ = try ConfigLoader.parse(text, file: "bad.toml", environment: ["T": "t"])
        } catch {
            #expect(error.description == expected)
        }
    }
}
