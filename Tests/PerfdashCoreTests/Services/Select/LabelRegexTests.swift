import Foundation
import Testing
@testable import PerfdashCore

/// RE2 semantics as PromQL applies them to label values: anchored at both ends, linear on hostile input.
@Suite("Label regex")
struct LabelRegexTests {
    /// (pattern, value, matches) — each checked by hand against Go's regexp with `^(?:pattern)$`.
    static let cases: [(String, String, Bool)] = [
        ("5..", "503", true), ("5..", "5034", false), ("5..", "x503", false), ("5..", "", false),
        ("", "", true), ("", "a", false), (".*", "", true), (".+", "", false),
        ("/api/.*", "/api/users", true), ("/api/.*", "/apix", false),
        ("GET|POST", "POST", true), ("GET|POST", "GETPOST", false), ("(GET|POST)s?", "GETs", true),
        ("a(?:b|c)*d", "abcbcd", true), ("a(?:b|c)*d", "abxd", false),
        ("[a-c]+", "abccba", true), ("[^a-c]+", "xyz", true), ("[^a-c]+", "xaz", false),
        ("[-a]", "-", true), ("[a-]", "-", true), ("[]a]", "]", true),
        ("\\d{3}", "404", true), ("\\d{3}", "40", false), ("\\d{2,3}", "4044", false), ("\\d{2,}", "40440", true),
        ("x{0}", "", true), ("a{2}b", "aab", true), ("a{2}b", "ab", false),
        ("\\w+", "user_id9", true), ("\\W", "_", false), ("\\s", " ", true), ("\\S+", "a b", false),
        ("\\.", ".", true), ("\\.", "x", false), ("a\\|b", "a|b", true), ("[\\d.]+", "1.25", true),
        ("(?i)get", "GeT", true), ("(?i)[a-c]x", "BX", true), ("get", "GET", false),
        ("^/metrics$", "/metrics", true), ("/health.*|/metrics", "/healthz", true),
        ("a{,2}", "a{,2}", true), ("a{x}", "a{x}", true),
        ("é+", "éé", true), (".", "é", true), ("..", "é", false), (".", "\n", true),
        ("a*?b", "aab", true), ("(a|ab)(c|bcd)(d*)", "abcd", true),
    ]

    @Test(arguments: cases)
    func matchesWholeValues(pattern: String, value: String, expected: Bool) throws {
        #expect(try LabelRegex(pattern).matches(value) == expected)
    }

    /// Patterns that make backtracking engines exponential finish at once: the VM keeps one thread per instruction.
    @Test(arguments: ["(a*)*b", "(a|a)*b", "(a|aa)+$b", "(.*a){20}", "((a+)+)+c", "(x+x+)+y"])
    func pathologicalPatternsStayLinear(pattern: String) throws {
        let regex = try LabelRegex(pattern)
        let value = String(repeating: "a", count: 20_000) + "!"
        #expect(!regex.matches(value))
        #expect(!regex.matches(String(repeating: "x", count: 20_000)))
    }

    /// (pattern, offset of the fault, reason fragment)
    static let refused: [(String, Int, String)] = [
        ("(abc", 0, "missing \")\""), ("abc)", 3, "unexpected \")\""), ("[a-", 0, "missing \"]\""),
        ("*a", 0, "nothing to repeat"), ("a**", 2, "repeated repetition"), ("a{1001}", 1, "above 1000"),
        ("a{3,2}", 1, "bad repeat range"), ("\\1", 0, "unsupported escape"), ("(?P<n>a)", 0, "group flag"),
        ("[z-a]", 1, "bad range"), ("a\\", 1, "trailing backslash"),
    ]

    @Test(arguments: refused)
    func badPatternsAreRefusedWithTheirOffset(pattern: String, offset: Int, reason: String) {
        #expect {
            try LabelRegex(pattern)
        } throws: { error in
            guard let error = error as? SelectorError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func sizeBoundsHold() {
        #expect(throws: SelectorError.self) { try LabelRegex(String(repeating: "a", count: 5000)) }
        // 1000 × 1000 instructions would be a million: refused, not built.
        #expect(throws: SelectorError.self) { try LabelRegex("(a{1000}){1000}") }
        #expect(throws: SelectorError.self) { try LabelRegex(String(repeating: "(", count: 300) + "a"
                                                              + String(repeating: ")", count: 300)) }
        #expect(throws: Never.self) { try LabelRegex(String(repeating: "(", count: 150) + "a"
                                                     + String(repeating: ")", count: 150)) }
    }
}

/// The required-suffix prefilter refuses a value before the VM runs; it must never change an answer.
@Suite("Label regex: required suffix")
struct LabelRegexSuffixTests {
    /// (pattern, the suffix every match must end with), worked out by hand.
    @Test(arguments: [
        ("(.+_)?http_requests_total", "http_requests_total"), (".+_pool_connections_max", "_pool_connections_max"),
        ("abc", "abc"), ("a.c", "c"), ("a.", ""), ("x(ab|cb)", "b"), ("(ab|cb)x?", ""), ("(xab)+", "xab"),
        ("(xab)*", ""), ("foo$", "foo"), ("(?i)foo", ""), ("a|", ""), ("[a-z]+_total", "_total"),
        ("(a(bc|dc))", "c"), ("a\\.b", "a.b"), ("x{2}", "x"), ("é+", "é"),
    ])
    func suffixOfPattern(pattern: String, suffix: String) throws {
        #expect(try LabelRegex(pattern).requiredSuffix == suffix.unicodeScalars.map(\.value))
    }

    /// Every case of the main table, plus values that share or miss the suffix, answer as the VM alone does.
    @Test func prefilterAgreesWithTheVM() throws {
        let patterns = LabelRegexTests.cases.map(\.0) + [
            "(.+_)?http_requests_total", ".+_http_requests_total", "x(ab|cb)", "(xab)+", "a\\.b", "[a-z]+_total",
        ]
        let values = LabelRegexTests.cases.map(\.1) + [
            "http_requests_total", "app_http_requests_total", "_http_requests_total", "http_requests_totals",
            "xab", "xabxab", "xcb", "xb", "b", "a.b", "ab", "errors_total", "_total", "", "é",
        ]
        for pattern in patterns {
            let regex = try LabelRegex(pattern)
            for value in values {
                #expect(regex.matches(value) == regex.program.matches(value.unicodeScalars), "\(pattern) on \(value)")
            }
        }
    }
}
