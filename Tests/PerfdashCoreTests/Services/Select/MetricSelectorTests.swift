import Foundation
import Testing
@testable import PerfdashCore

/// PromQL's selector syntax and matcher semantics.
@Suite("Metric selectors")
struct MetricSelectorTests {
    @Test func parsesNamesMatchersAndQuotes() throws {
        let selector = try MetricSelector(parsing: #" cache_gets_total { result = "hit", cache!~'sess.*' , uri!=`/a\b` } "#)
        #expect(selector.metric == "cache_gets_total")
        #expect(selector.matchers.map(\.label) == ["result", "cache", "uri"])
        #expect(selector.matchers.map(\.op) == [.equal, .notMatches, .notEqual])
        #expect(selector.matchers[2].value == "/a\\b")
        #expect(selector.description == #"cache_gets_total{result="hit",cache!~"sess.*",uri!="/a\\b"}"#)
        #expect(try MetricSelector(parsing: "up").matchers.isEmpty)
        #expect(try MetricSelector(parsing: "ns:job:rate5m{}").metric == "ns:job:rate5m")
        #expect(try MetricSelector(parsing: #"{__name__="up",job="x"}"#) == MetricSelector(
            metric: "up", matchers: [try LabelMatcher("job", .equal, "x")]))
        let byRegex = try MetricSelector(parsing: #"{__name__=~"(.+_)?requests_total"}"#)
        #expect(byRegex.selectsName("app_requests_total") && byRegex.selectsName("requests_total"))
        #expect(!byRegex.selectsName("requests_total_x"))
        #expect(try MetricSelector(parsing: #"x{a="q\"uote\\n"}"#).matchers[0].value == "q\"uote\\n")
    }

    /// As in PromQL: a missing label is the empty value.
    @Test func missingLabelsAreEmpty() throws {
        let labels: [String: String] = ["route": "/api", "status": "503"]
        func run(_ text: String) throws -> Bool { try MetricSelector(parsing: text).matches { labels[$0] } }
        #expect(try run(#"x{code=""}"#))
        #expect(try !run(#"x{route=""}"#))
        #expect(try run(#"x{code!~".+"}"#))
        #expect(try run(#"x{code=~"|5.."}"#))
        #expect(try run(#"x{status=~"5.."}"#))
        #expect(try !run(#"x{status=~"5"}"#))
        #expect(try run(#"x{route!~"/metrics|/health.*",status!="200"}"#))
        #expect(try !run(#"x{route!~"/a.*"}"#))
    }

    /// (text, offset of the fault, reason fragment)
    static let refused: [(String, Int, String)] = [
        ("", 0, "empty selector"), ("{}", 0, "expected a metric name"), ("9up", 0, "expected a metric name"),
        ("up{", 2, "missing \"}\""), ("up{a}", 4, "expected =, !=, =~ or !~"), ("up{a=b}", 5, "quoted label value"),
        ("up{a=\"b\"", 2, "missing \"}\""), ("up{a=\"b\" c=\"d\"}", 9, "expected \",\" or \"}\""),
        ("up{a=\"b}", 5, "unterminated string"), ("up{a=~\"(x\"}", 7, "missing \")\""),
        ("up{a=~\"5..**\"}", 11, "repeated repetition"), ("up x", 3, "unexpected \"x\""),
        ("up{a=\"\\q\"}", 6, "unknown escape"), ("up{__name__=\"x\"}", 0, "without a metric name"),
        ("up{1a=\"x\"}", 3, "expected a label name"),
    ]

    @Test(arguments: refused)
    func badSelectorsAreRefusedWithTheirOffset(text: String, offset: Int, reason: String) {
        #expect {
            try MetricSelector(parsing: text)
        } throws: { error in
            guard let error = error as? SelectorError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func boundsHold() {
        #expect(throws: SelectorError.self) { try MetricSelector(parsing: "x" + String(repeating: "a", count: 9000)) }
        let many = (0..<65).map { "l\($0)=\"v\"" }.joined(separator: ",")
        #expect(throws: SelectorError.self) { try MetricSelector(parsing: "x{\(many)}") }
    }

    /// Every preset's selectors parse (a literal that did not would silently select nothing).
    @Test func everyPresetSelectorParses() {
        for preset in ServicePreset.all {
            for (figure, selectors) in preset.figures {
                for selector in selectors {
                    #expect(!selector.selector.metric.hasPrefix("\u{0}"), "\(preset.name).\(figure.rawValue)")
                }
            }
        }
        #expect(Set(ServicePreset.all.map(\.name)).count == ServicePreset.all.count)
    }
}
