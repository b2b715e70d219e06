import Testing
@testable import PerfdashCore

/// PromQL built from parts: quoting, name validation, the matcher parser behind `[prometheus] hosts/services`.
@Suite struct PromQLTests {
    @Test(arguments: [
        ("web-1", #""web-1""#),
        (#"a"b"#, #""a\"b""#),
        (#"back\slash"#, #""back\\slash""#),
        ("two\nlines", #""two\nlines""#),
        ("tab\there", #""tab\there""#),
        ("bell\u{7}", #""bell\x07""#),
        ("ünïcode ✓", #""ünïcode ✓""#),
        (#"}) or vector(1) #"#, #""}) or vector(1) #""#),
    ])
    func labelValuesAreQuoted(value: String, expected: String) {
        #expect(PromQL.quote(value) == expected)
    }

    @Test func selectorsAreValidated() throws {
        let selector = try PromQL.Selector(metric: "node_load1", [try PromQL.Matcher("instance", .equal, #"x"y"#)])
        #expect(selector.text == #"node_load1{instance="x\"y"}"#)
        #expect(try PromQL.Selector(metric: "up").text == "up")
        #expect(try PromQL.Selector(metric: nil, [try PromQL.Matcher("__name__", .matches, ".+_total")]).text
            == #"{__name__=~".+_total"}"#)
        #expect(throws: PromQLError.self) { try PromQL.Selector(metric: "bad-name") }
        #expect(throws: PromQLError.self) { try PromQL.Selector(metric: "1abc") }
        #expect(throws: PromQLError.self) { try PromQL.Selector(metric: nil) }
        #expect(throws: PromQLError.self) { try PromQL.Matcher("job name", .equal, "x") }
        #expect(throws: PromQLError.self) { try PromQL.Matcher("a:b", .equal, "x") }
        #expect(PromQL.isMetricName("a:b_c9"))
        #expect(!PromQL.isMetricName(""))
    }

    @Test func rangesAreWholeSecondsOrMilliseconds() {
        #expect(PromQL.range(seconds: 60) == "60s")
        #expect(PromQL.range(seconds: 1.5) == "1500ms")
        #expect(PromQL.range(seconds: -5) == "1ms")
        #expect(PromQL.range(seconds: .nan) == "1ms")
        #expect(PromQL.range(seconds: 1e300) == "31536000s")
    }

    @Test func matcherTextIsParsed() throws {
        let matchers = try PromQL.parseMatchers(#"{job="node", env=~"prod|stage",team!="a\"b"}"#)
        #expect(matchers.map(\.text) == [#"job="node""#, #"env=~"prod|stage""#, #"team!="a\"b""#])
        #expect(try PromQL.parseMatchers(#"job!~"x""#).map(\.op) == [.notMatches])
        #expect(try PromQL.parseMatchers("{}").isEmpty)
    }

    @Test(arguments: [
        (#"{job="node""#, "missing } at column 12"),
        (#"{job=node}"#, "expected a double-quoted value at column 6"),
        (#"{job<"x"}"#, "expected =, !=, =~ or !~ after \"job\" at column 5"),
        (#"{job="x} "#, "unterminated string at column 10"),
        (#"{job="x"} extra"#, "unexpected text after } at column 11"),
        (#"{9job="x"}"#, "invalid label name \"9job\""),
    ])
    func badMatcherTextIsRefused(text: String, reason: String) {
        #expect(throws: PromQLError(reason)) { try PromQL.parseMatchers(text) }
    }

    /// Every query of a round aggregates by instance, job or service: the count is a constant of the source.
    @Test func aRoundIsABoundedSetOfAggregatingQueries() throws {
        let node = FleetQueries(source: .node).tickQueries()
        let perfdash = FleetQueries(source: .perfdash).tickQueries()
        let auto = FleetQueries(source: .auto).tickQueries()
        #expect(node.count == 14)
        #expect(perfdash.count == 16)
        #expect(auto.count == 29)
        for query in auto {
            #expect(query.text.contains("by (instance") || query.text.contains("by (job") || query.text.contains("by (service"),
                    "\(query.text)")
        }
        let matcher = try PromQL.Matcher("instance", .equal, #"evil"} or up{x=""#)
        let focused = try #require(FleetQueries().query(.cpuBusy, source: .node, focus: [matcher]))
        #expect(focused.text.contains(#"instance="evil\"} or up{x=\"""#))
    }
}
