import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// perfdash's TOML parser on the TOML 1.0 spec's cases that matter; expected trees were produced by Python's
/// `tomllib` on the same texts (`d` below prints them the way the script did).
@Suite struct TOMLParserTests {
    /// The tree as `{key: value, ...}` in file order, strings quoted with `\"`, `\\`, `\n`, `\t`, `\r` escaped.
    static func d(_ value: ConfigValue) -> String {
        switch value.content {
        case .table(let table):
            return "{" + table.entries.map { "\($0.key): \(d($0.value))" }.joined(separator: ", ") + "}"
        case .array(let elements): return "[" + elements.map(d).joined(separator: ", ") + "]"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .float(let number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number > 0 ? "inf" : "-inf" }
            return "\(number)"
        case .string(let text):
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        case .dateTime: return "date"
        }
    }

    static func parse(_ text: String) throws -> String {
        let root = try ConfigDocument.parse(text, file: "t.toml")
        return d(ConfigValue(.table(root), at: root.position))
    }

    @Test(arguments: [
        (#"a = "tab\there \"q\" \\ \u00e9 \U0001F600""# + "\n" + #"b = 'C:\path\'"#,
         #"{a: "tab\there \"q\" \\ é 😀", b: "C:\\path\\"}"#),
        ("c = \"\"\"\nline1 \\\n    line2\nend\"\"\"\nd = \"\"\"x\"\"\"\"\"\ne = '''\nfirst\n  second'''",
         #"{c: "line1 line2\nend", d: "x\"\"", e: "first\n  second"}"#),
        (#"f = { x = 1, y.z = "w" }"#, #"{f: {x: 1, y: {z: "w"}}}"#),
        ("[[t]]\nn = 1\n[[t]]\nn = 2\n[t.sub]\nk = 3", "{t: [{n: 1}, {n: 2, sub: {k: 3}}]}"),
        ("a.b.c = 1\na.b.d = 2\na.e = 3", "{a: {b: {c: 1, d: 2}, e: 3}}"),
        ("i = [1_000, 0xDEAD_beef, 0o755, 0b1101, -17, +5, 0, 9223372036854775807, -9223372036854775808]",
         "{i: [1000, 3735928559, 493, 13, -17, 5, 0, 9223372036854775807, -9223372036854775808]}"),
        ("f = [1.5, -0.0, 5e+22, 1e06, -2E-2, 6.626e-34, 9_224_617.445_991, inf, -inf, +inf]",
         "{f: [1.5, -0.0, 5e+22, 1000000.0, -0.02, 6.626e-34, 9224617.445991, inf, -inf, inf]}"),
        ("n = [nan, +nan, -nan]", "{n: [nan, nan, nan]}"),
        ("[ a . \"b c\" . 'd' ]\nx = 1", "{a: {b c: {d: {x: 1}}}}"),
        ("[a.b]\nx = 1\n[a]\ny = 2", "{a: {b: {x: 1}, y: 2}}"),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true",
         #"{fruit: {apple: {color: "red", texture: {smooth: true}}}}"#),
        ("m = [ 1, \"two\", [3, [4]], { five = 5 }, # comment\n  6,\n]", #"{m: [1, "two", [3, [4]], {five: 5}, 6]}"#),
        ("d = [1979-05-27T07:32:00Z, 1979-05-27T00:32:00.999999-07:00, 1979-05-27 07:32:00, 1979-05-27, 07:32:00.5]",
         "{d: [date, date, date, date, date]}"),
        ("\u{FEFF}# only a comment\r\n\r\nk = 'v' # trailing\r\n", #"{k: "v"}"#),
        ("", "{}"),
        ("e = {}\nq = \"\"\nl = ''\narr = []", #"{e: {}, q: "", l: "", arr: []}"#),
    ])
    func validDocuments(text: String, expected: String) throws {
        #expect(try Self.parse(text) == expected)
    }

    /// Each refused with the line and column a person would look at, and a reason naming the problem.
    @Test(arguments: [
        ("[[[", "1:3: expected a key"),
        ("[[\n", "1:3: expected a key"),
        ("[,[a]]", "1:2: expected a key"),
        ("[a", "1:3: expected ] to close the header"),
        ("[[a]", "1:5: expected ]] to close the header"),
        ("a = 1\na = 2", "2:1: duplicate key a"),
        ("[a]\n[a]", "2:1: table [a] is defined twice"),
        ("a = {}\n[a]", "2:1: [a] cannot be defined: a is already an inline table"),
        ("a = {}\n[a.b]", "2:1: a is already defined as an inline table"),
        ("a = {b = 1}\na.c = 2", "2:1: a is already defined as an inline table; a dotted key cannot add to it"),
        ("a = [1]\n[[a]]", "2:1: [[a]] cannot be defined: a is already an array"),
        ("[[a]]\n[a]", "2:1: [a] cannot be defined: a is already an array of tables"),
        ("a.b = 1\n[a]", "2:1: [a] cannot be defined: a is already a table (made by dotted keys)"),
        ("[a.b]\n[a]\nb = 1", "3:1: duplicate key b"),
        ("[a]\nb.c = 1\n[a.b]", "3:1: [a.b] cannot be defined"),
        ("a = 1\na.b = 2", "2:1: a is already defined as an integer"),
        ("a = 01", "1:5: invalid or out-of-range number 01"),
        ("a = 1__0", "1:5: invalid or out-of-range number 1__0"),
        ("a = _1", "1:5: expected a value"),
        ("a = 1_", "1:5: invalid or out-of-range number 1_"),
        ("a = 9223372036854775808", "1:5: invalid or out-of-range number 9223372036854775808"),
        ("a = 0xffffffffffffffff", "1:5: invalid or out-of-range number"),
        ("a = 1.", "1:5: invalid or out-of-range number 1."),
        ("a = .5", "1:5: expected a value"),
        ("a = 1e", "1:5: invalid or out-of-range number 1e"),
        ("a = -0x1", "1:5: invalid or out-of-range number -0x1"),
        (#"a = "\x""#, #"1:6: invalid escape "\x""#),
        (#"a = "\uD800""#, "1:6: escape is not a Unicode scalar value"),
        (#"a = "\u12""#, #"1:6: a \u escape needs 4 hex digits"#),
        ("a = { b = 1, }", "1:14: expected a key"),
        ("a = { b = 1\n}", "1:12: expected \",\" or \"}\" in the inline table"),
        ("a = 1 b = 2", "1:7: expected a newline after the value"),
        ("a = tru", "1:5: expected a value (a string in quotes, a number, true or false), found tru"),
        ("a = 1979-13-01", "1:5: invalid or out-of-range number 1979-13-01"),
        ("= 1", "1:1: expected a key"),
        ("a = \"\"\"abc", "1:5: unterminated string: no closing quote before the end of the file"),
        ("a = \"x\u{01}\"", "1:7: control character U+0001 in a string"),
        ("a = 1 # \u{7F}", "1:9: control character U+007F in a comment"),
        ("a = [1 2]", "1:8: expected \",\" or \"]\" in the array"),
        ("[a]b = 1", "1:4: expected a newline after the value"),
        ("a = \"\"\"x\"\"\"\"\"\"", "1:9: too many quotes at the end of a multi-line string"),
        ("a\r= 1", "1:2: expected \"=\" after the key a"),
        ("a = 1\rb = 2", "1:6: expected a newline after the value"),
        ("\"\"\"k\"\"\" = 1", "1:1: a key cannot be a multi-line string"),
        ("a =", "1:4: expected a value, found the end of the file"),
        ("a = [" + String(repeating: "[", count: 100_000), "1:69: value nested too deeply"),
        (String(repeating: "a.", count: 100_000) + "b = 1", "1:1: key nested too deeply"),
        ("[" + String(repeating: "a.", count: 100) + "b]", "1:1: table nested too deeply"),
    ])
    func invalidDocuments(text: String, expected: String) {
        do {
            let tree = try Self.parse(text)
            Issue.record("accepted: \(tree)")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix("t.toml:" + expected), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// A bad value is quoted back cut to 80 characters, so the error stays one short line.
    @Test func longBadValuesAreCut() throws {
        let text = "a = " + String(repeating: "9", count: 3_000_000)
        do {
            _ = try ConfigDocument.parse(text, file: "t.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "t.toml:1:5: invalid or out-of-range number " + String(repeating: "9", count: 80) + "…")
        }
    }

    /// The parse is linear: a 40,000-line document (about 1 MB) takes about 50 ms in a release build and 2 s in a
    /// debug one; a quadratic step would take hours.
    @Test func largeDocumentsParseQuickly() throws {
        var text = ""
        for index in 0..<10_000 {
            text += "[[service]]\nname = \"s\(index)\"\nurl = \"http://h:\(index)/metrics\"\nlabels = { a = 1, b.c = [1, 2] }\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let root = try ConfigDocument.parse(text, file: "t.toml")
        #expect(clock.now - start < .seconds(15))
        #expect(try root.tables("service")?.count == 10_000)
    }

    /// Every fixture config parses to the tree Python's tomllib reads from it.
    @Test(arguments: [
        ("config/full.toml",
         #"{interval: "500ms", window: "15m", theme: "nord", graph: "block", root: "/host", service: [{name: "api", url: "http://127.0.0.1:8000/metrics", timeout: "750ms", body_limit: "8MiB", metrics: {cache_hits: "lookups_hit_total", cache_misses: "lookups_miss_total", cache_evictions: "lookups_evicted_total", cache_labels: ["tier"], queue_depth: ["backlog"], queue_label: "lane", latency: "_latency_seconds"}}, {name: "jobs", kind: "redis", redis: "127.0.0.1:6380", db: 2, username: "monitor", password_env: "JOBS_REDIS_PASSWORD", queue_preset: "celery", queues: ["celery", "emails"], queue_keys: ["custom:backlog"]}, {name: "cache", redis: "redis://[::1]:6379", password: "hunter2", timeout: 2}], autoscaler: [{name: "workers", policy: "target", metric: "service.jobs.queue.celery.depth", target: 20.0, window: "3m", max_replicas: 12, behavior: {scale_down: {select_policy: "Max", stabilization_window_seconds: 120}}}, {name: "web", policy: "threshold", metric: "cpu.busy_percent", scale_up_threshold: 80, scale_down_threshold: 30, max_replicas: 8, cooldown: "90s"}]}"#),
        ("autoscale/autoscalers.toml",
         #"{autoscaler: [{name: "web-cpu", policy: "threshold", metric: "cpu.busy_percent", label: "cpu", window: "5m", scale_up_threshold: 80, scale_down_threshold: 30, step: 1, cooldown: "60s", cooldown_down: "2m", min_replicas: 1, max_replicas: 10, replicas: 3}, {name: "workers", policy: "target", window: "1m", aggregate: "p95", min_replicas: 2, max_replicas: 40, replicas_metric: "service.workers.replicas", replicas: 4, tolerance: 0.05, metrics: [{series: "service.workers.queue.high.depth", type: "average_value", target: 30}, {series: "cpu.busy_percent", target: 60}], behavior: {scale_up: {stabilization_window_seconds: 30, select_policy: "Min", policies: [{type: "Pods", value: 2, period_seconds: 60}, {type: "Percent", value: 50, period_seconds: 60}]}, scale_down: {stabilization_window_seconds: 600}}}]}"#),
    ])
    func fixturesParse(path: String, expected: String) throws {
        let text = try String(contentsOf: TestPaths.fixture(path), encoding: .utf8)
        #expect(try Self.parse(text) == expected)
    }
}
