import Testing
@testable import PerfdashCore

/// `preset`, `interval` and `[service.selectors]` in a `[[service]]`; error positions counted by hand.
@Suite struct SelectorConfigTests {
    static let service = "[[service]]\nname = \"api\"\nurl = \"http://127.0.0.1:8000/metrics\"\n"

    @Test func selectorsPresetAndIntervalAreRead() throws {
        let text = Self.service + """
            interval = "15s"
            preset = "micrometer"
            [service.selectors]
            cache_hits = 'cache_gets_total{result="hit"}'
            cache_misses = ['cache_gets_total{result="miss"}', 'other_misses_total']
            route_by = ["uri", "handler"]
            pool_by = "pool"

            """
        let config = try ConfigLoader.parse(text, file: "ok.toml", environment: [:])
        let service = try #require(config.services.first)
        #expect(service.interval == .seconds(15))
        guard case .http(_, _, let names) = service.endpoint else {
            Issue.record("not an HTTP service")
            return
        }
        #expect(names.selectors.preset == .named("micrometer"))
        #expect(names.selectors.overrides[.cacheHits] == [try MetricSelector(parsing: #"cache_gets_total{result="hit"}"#)])
        #expect(names.selectors.overrides[.cacheMisses]?.count == 2)
        #expect(names.selectors.by[.route] == ["uri", "handler"] && names.selectors.by[.pool] == ["pool"])
        let defaults = try ConfigLoader.parse(Self.service, file: "ok.toml", environment: [:])
        #expect(defaults.services.first?.interval == nil)
    }

    /// `perfdash config` prints selectors, preset and interval back as TOML that reads to the same services.
    @Test func renderedSelectorsReadBackTheSame() throws {
        let text = Self.service + """
            interval = "30s"
            preset = "none"
            [service.selectors]
            errors = ['x_total{code=~"5..",path!="/a\\"b"}', '{__name__=~"(.+_)?y_total"}']
            latency = "lat_seconds"
            pool_by = ["pool", "db"]
            [[service]]
            name = "r"
            redis = "127.0.0.1:6379"
            interval = "2s"

            """
        let original = try ConfigLoader.parse(text, file: "s.toml", environment: [:])
        let rendered = ConfigRenderer.render(original)
        let reread = try ConfigLoader.parse(rendered, file: "rendered.toml", environment: [:])
        #expect(reread.services == original.services, "\(rendered)")
        #expect(reread.services.map(\.interval) == [.seconds(30), .seconds(2)])
    }

    @Test(arguments: [
        // The fault inside the string: `requests = 'up{a=b}'` — value at column 12, `b` 5 further in.
        (service + "[service.selectors]\nrequests = 'up{a=b}'\n",
         "bad.toml:5:18: selectors.requests: expected a quoted label value in 'up{a=b}'"),
        // A bad regex: the second `*` of `5..**` at offset 14 of the selector, whose quote is at column 10.
        (service + "[service.selectors]\nerrors = 'up{code=~\"5..**\"}'\n",
         "bad.toml:5:25: selectors.errors: repeated repetition in regex in 'up{code=~\"5..**\"}'"),
        // Second element of an array: at its own position (its quote at column 26).
        (service + "[service.selectors]\nlatency = [\"ok_seconds\", \"{}\"]\n",
         "bad.toml:5:27: selectors.latency: expected a metric name in '{}'"),
        (service + "[service.selectors]\nrequest = 'x'\n",
         "bad.toml:5:1: unknown key \"request\" in [service.selectors] (did you mean \"requests\"?)"),
        (service + "[service.selectors]\nroute_by = \"2x\"\n",
         "bad.toml:5:12: selectors.route_by: \"2x\" is not a label name"),
        (service + "[service.selectors]\nrequests = 5\n",
         "bad.toml:5:12: requests: expected a string or an array of strings"),
        (service + "preset = \"spring\"\n",
         "bad.toml:4:10: preset: expected one of auto, none, redis_exporter, memcached_exporter, postgres_exporter, celery_exporter, haproxy, varnish, django_prometheus, micrometer, opentelemetry, client_golang, prom_client, prometheus_client, perfdash, got \"spring\""),
        (service + "interval = \"50ms\"\n", "bad.toml:4:12: interval: must be between 100ms and 1h, got 50ms"),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\npreset = \"micrometer\"\n",
         "bad.toml:4:1: preset applies to HTTP services only"),
    ])
    func badSelectorConfig(text: String, expected: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "bad.toml", environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == expected)
        }
    }
}
