import Testing
@testable import PerfdashCore

/// Bad config files give `file:line:column: reason`; the positions below are counted by hand from each text.
@Suite struct ConfigErrorTests {
    static let service = "[[service]]\nname = \"api\"\nurl = \"http://127.0.0.1:8000/metrics\"\n"

    @Test(arguments: [
        // Syntax errors: at the string that runs into the end of its line (its quote, column 10).
        ("interval = \"1s\"\nwindow = \"5m\ntheme = \"x\"\n",
         "bad.toml:2:10: unterminated string: no closing quote before the end of the line"),
        // Unknown top-level key: at the key, with a suggestion.
        ("intervall = \"1s\"\n",
         "bad.toml:1:1: unknown key \"intervall\" in the top level (did you mean \"interval\"?)"),
        // Unknown key in a service, indented by two spaces on line 4.
        (service + "  tiemout = \"1s\"\n",
         "bad.toml:4:3: unknown key \"tiemout\" in [[service]] \"api\" (did you mean \"timeout\"?)"),
        // Wrong type: `timeout = true`, the value at column 11.
        (service + "timeout = true\n",
         "bad.toml:4:11: timeout: expected a duration like \"500ms\" or \"2s\", got boolean"),
        // Bad value: `window = "5 minutes"`, the value at column 10.
        ("window = \"5 minutes\"\n",
         "bad.toml:1:10: window: expected a positive duration like \"500ms\", \"2s\" or \"5m\", got \"5 minutes\""),
        ("[[service]]\nname = \"s\"\nurl = \"http://h/\"\ntimeout = 99999999999\n",
         "bad.toml:4:11: timeout: must be at most 365 days"),
        ("window = 1e300\n", "bad.toml:1:10: window: must be at most 365 days"),
        ("window = \"0.1ms\"\n", "bad.toml:1:10: window: expected a positive duration like \"500ms\", \"2s\" or \"5m\", got \"0.1ms\""),
        ("[[service]]\nname = \"s\"\nurl = \"http://h/\"\ntimeout = \"2h\"\n",
         "bad.toml:4:11: timeout: must be at most 1h, got 2h"),
        ("interval = \"5ms\"\n", "bad.toml:1:12: interval: must be between 10ms and 1h, got 5ms"),
        ("window = \"30s\"\n", "bad.toml:1:10: window: expected 1m, 5m or 15m, got 30s"),
        ("graph = \"dots\"\n", "bad.toml:1:9: graph: expected one of braille, block, ascii, got \"dots\""),
        // A second service without url: at its header, line 5.
        (service + "\n[[service]]\nname = \"db\"\n", "bad.toml:5:1: [[service]] \"db\" needs url or redis"),
        (service + "[[service]]\nurl = \"http://h/\"\n", "bad.toml:4:1: [[service]] #2 needs name"),
        // Duplicate name: at the second name's value (line 5, column 8).
        (service + "[[service]]\nname = \"api\"\nurl = \"http://h/\"\n",
         "bad.toml:5:8: name: a service named \"api\" is already defined"),
        ("[[service]]\nname = \"s\"\nurl = \"ftp://h/metrics\"\n",
         "bad.toml:3:7: url: unsupported URL scheme \"ftp\" (expected http or https)"),
        ("[[service]]\nname = \"s\"\nurl = \"http://h:0/\"\n", "bad.toml:3:7: url: port \"0\" is not a number in 1…65535"),
        // A sub-table of the latest [[service]], line 5.
        (service + "[service.metrics]\ncache_hit = \"x\"\n",
         "bad.toml:5:1: unknown key \"cache_hit\" in [service.metrics] (did you mean \"cache_hits\"?)"),
        // Inside an inline table: `metrics = { "cache_labels" = ["ñ"], latency = 5 }`: columns count scalars, so
        // "ñ" is one: `metrics = { ` is 12, the quoted key 14, ` = ["ñ"], latency = ` 20 more, so 5 is column 47.
        (service + "metrics = { \"cache_labels\" = [\"ñ\"], latency = 5 }\n",
         "bad.toml:4:47: latency: expected a string, got integer"),
        // Array element position: the 2 in `queues = ["a", 2]` is column 16.
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\nqueues = [\"a\", 2]\n",
         "bad.toml:4:16: queues: expected strings, got integer"),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\nqueue_preset = \"celry\"\n",
         "bad.toml:4:16: queue_preset: expected one of celery, rq, sidekiq, bullmq, raw, got \"celry\""),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\npassword = \"a\"\npassword_env = \"B\"\n",
         "bad.toml:5:1: set password or password_env, not both"),
        ("[[service]]\nname = \"r\"\nredis = \"h:1\"\npassword_env = \"UNSET_VARIABLE\"\n",
         "bad.toml:4:16: password_env: environment variable UNSET_VARIABLE is not set"),
        (service + "password = \"x\"\n", "bad.toml:4:1: password applies to redis services only"),
        (service + "redis = \"h:1\"\n", "bad.toml:4:1: [[service]] \"api\" has both url and redis; keep one"),
        ("[[service]]\nname = \"r\"\nredis = \"h\"\nbody_limit = \"1MiB\"\n",
         "bad.toml:4:1: body_limit applies to HTTP services only"),
        (service + "body_limit = \"lots\"\n",
         "bad.toml:4:14: body_limit: expected a positive size like \"32MiB\" or \"512KiB\", got \"lots\""),
        // Positions after a multi-line string and a multi-line array stay exact.
        ("root = \"\"\"\n/a\n\"\"\"\n[[service]]\nname = \"r\"\nredis = \"h:1\"\nqueues = [\n  \"a\",\n  \"b\",\n]\n   bogus = 1\n",
         "bad.toml:11:4: unknown key \"bogus\" in [[service]] \"r\""),
        ("service = 3\n", "bad.toml:1:11: service: expected [[service]] entries, got integer"),
    ])
    func badFile(text: String, expected: String) {
        #expect(throws: (any Error).self) {
            try ConfigLoader.parse(text, file: "bad.toml", environment: [:])
        }
        do {
            _ = try ConfigLoader.parse(text, file: "bad.toml", environment: [:])
        } catch {
            #expect(error.description == expected)
        }
    }
}
