import Testing
@testable import PerfdashCore

@Suite("Exposition parser: valid input")
struct ExpositionValidTests {
    typealias Support = ExpositionTestSupport

    @Test func prometheusFixtureParsesEveryLine() throws {
        let families = try Exposition.families(from: Support.fixture("valid_004.prom"), contentType: nil)
        let samples = Support.samples(families)
        // 6 summary + 1 aggregate + 1 gauge + 1 underscore + 2 testmetric + 1 indented + 6 histogram + 1 quoted.
        #expect(samples.count == 19)

        let summary = try #require(families.first { $0.name == "go_gc_duration_seconds" })
        #expect(summary.type == .summary)
        #expect(summary.help == "A summary of the GC invocation durations.")
        #expect(summary.samples.map(\.name) == Array(repeating: "go_gc_duration_seconds", count: 4)
            + ["go_gc_duration_seconds_sum", "go_gc_duration_seconds_count"])
        #expect(summary.samples[0].labels == [Label("quantile", "0")])
        #expect(summary.samples[0].value == 4.9351e-05)
        #expect(summary.samples[1].value == 7.424100000000001e-05)
        // Blanks around names, "=" and "," and a trailing comma are allowed in 0.0.4.
        #expect(summary.samples[2].labels == [Label("quantile", "0.5"), Label("a", "b")])
        #expect(summary.samples[3].labels == [Label("quantile", "1"), Label("a", "b")])
        #expect(summary.samples[5].value == 99)

        let help = try #require(families.first { $0.name == "nohelp" })
        #expect(help.help == "")

        let goroutines = try #require(families.first { $0.name == "go_goroutines" })
        #expect(goroutines.type == .gauge)
        // 0.0.4 HELP unescapes \n and \\ only.
        #expect(goroutines.help == "Number of goroutines\nthat exist, path C:\\tmp.")
        #expect(goroutines.samples == [MetricSample(name: "go_goroutines", labels: [], value: 33, timestamp: 123_123)])

        let byName = Dictionary(grouping: samples, by: \.name)
        #expect(byName["some:aggregate:rate5m"]?.first?.labels == [Label("a_b", "c")])
        #expect(byName["_metric_starting_with_underscore"]?.first?.value == -.infinity)
        let test = try #require(byName["testmetric"])
        #expect(test[0].value == .infinity)
        #expect(test[0].label("escaped") == "say \"hi\"\nbye \\ \\x")
        #expect(test[1].label("utf8") == "é ü 世界")
        #expect(test[1].value.isNaN)
        #expect(byName["indented_metric"]?.first?.timestamp == -1000)
        #expect(byName["my.dotted metric"]?.first?.labels == [Label("route", "/a")])

        let histogram = try #require(families.first { $0.name == "http_request_duration_seconds" })
        #expect(histogram.type == .histogram)
        #expect(histogram.samples.compactMap { $0.label("le") } == ["0.1", "0.2", "1e0", "+Inf"])
    }

    @Test func openMetricsFixtureParsesEveryLine() throws {
        let families = try Exposition.families(from: Support.fixture("valid_om.txt"), contentType: nil)
        let byFamily = Dictionary(uniqueKeysWithValues: families.map { ($0.name, $0) })

        let summary = try #require(byFamily["go_gc_duration_seconds"])
        #expect(summary.unit == "seconds")
        #expect(summary.samples.map(\.name).last == "go_gc_duration_seconds_created")
        #expect(summary.samples.last?.value == 1_520_872_607.123)
        #expect(byFamily["help2"]?.help == "escape \\ \n \\ \" \\x chars")
        #expect(byFamily["nounit"]?.unit == "")
        // OpenMetrics timestamps are seconds: 123.123 s → 123123 ms.
        #expect(byFamily["go_goroutines"]?.samples.first?.timestamp == 123_123)

        // Exemplars are parsed and dropped: the sample keeps only its own labels and value.
        let histogram = try #require(byFamily["hh"])
        #expect(histogram.type == .histogram)
        #expect(histogram.samples.map(\.name) == ["hh_bucket", "hh_bucket", "hh_count", "hh_sum", "hh_created"])
        #expect(histogram.samples[1].labels == [Label("le", "+Inf")])
        #expect(histogram.samples[1].value == 1)
        #expect(histogram.samples[1].timestamp == nil)

        #expect(byFamily["gh"]?.type == .gaugehistogram)
        #expect(byFamily["gh"]?.samples.map(\.name) == ["gh_bucket", "gh_gcount", "gh_gsum"])
        #expect(byFamily["ii"]?.type == .info)
        #expect(byFamily["ii"]?.samples.first?.name == "ii_info")
        #expect(byFamily["ss"]?.type == .stateset)
        #expect(byFamily["ss"]?.samples.map(\.value) == [1, 0])
        #expect(byFamily["un"]?.type == .unknown)

        let counter = try #require(byFamily["foo"])
        #expect(counter.type == .counter)
        #expect(counter.samples.map(\.name) == ["foo_total", "foo_created", "foo_total"])
        #expect(counter.samples[0].timestamp == 1_520_879_607_789)
        #expect(counter.samples[2].labels == [Label("a", "b")])

        // UTF-8 quoted names, also after a label.
        let quoted = Support.samples(families).filter { $0.name == "go.gc_duration_seconds" || $0.name == "http.status" }
        #expect(quoted.map(\.labels) == [[Label("quantile", "0.9")], [Label("q", "0.9"), Label("a", "b")]])
    }

    @Test(arguments: [
        (nil as String?, "a 1\n", ExpositionFormat.prometheus),
        (nil, "a 1\n# EOF\n", .openMetrics),
        (nil, "a 1\n# EOF", .openMetrics),
        (nil, "# EOFa 1\n", .prometheus),
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", "a 1\n", .openMetrics),
        ("text/plain; version=0.0.4", "a 1\n# EOF\n", .prometheus),
        ("Application/OpenMetrics-Text", "", .openMetrics),
        ("application/json", "a 1\n# EOF\n", .openMetrics),
    ])
    func formatComesFromContentTypeOrEOF(contentType: String?, body: String, expected: ExpositionFormat) {
        let bytes = Array(body.utf8)
        let format = bytes.withUnsafeBytes { Exposition.format(contentType: contentType, body: $0) }
        #expect(format == expected)
    }

    @Test func emptyPrometheusBodyHasNoSeries() throws {
        #expect(try Support.families("", .prometheus).isEmpty)
        #expect(try Support.families("# just a comment\n\n", .prometheus).isEmpty)
        #expect(try Support.families("# EOF", .openMetrics).isEmpty)
    }

    @Test func escapedValuesAcrossManyLinesDoNotBleed() throws {
        // The scratch buffer is reused per line; escaped and plain values alternate.
        var text = ""
        for index in 0..<300 { text += "m{a=\"x\\\"\(index)\",b=\"plain\(index)\"} \(index)\n" }
        let samples = Support.samples(try Support.families(text, .prometheus))
        #expect(samples.count == 300)
        #expect(samples[299].labels == [Label("a", "x\"299"), Label("b", "plain299")])
        #expect(samples[7].value == 7)
    }

    @Test func manyLabelsGrowTheSlotBuffer() throws {
        let labels = (0..<40).map { "l\($0)=\"v\($0)\"" }.joined(separator: ",")
        let samples = Support.samples(try Support.families("m{\(labels)} 1\nm{\(labels)} 2\n", .prometheus))
        #expect(samples.map { $0.labels.count } == [40, 40])
        #expect(samples[1].label("l39") == "v39")
    }

    @Test func generatedBenchmarkInputParses() throws {
        let bytes = try Support.generatedExposition(series: 2_000)
        let families = try Exposition.families(from: bytes, contentType: nil)
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        let sampleLines = lines.filter { $0.first != UInt8(ascii: "#") }.count
        #expect(Support.samples(families).count == sampleLines)
        #expect(families.map { $0.name } == ["cache_hits_total", "cache_misses_total", "queue_depth",
                                         "http_request_duration_seconds", "process_resident_memory_bytes",
                                         "weird_label_metric"])
        let weird = try #require(families.last?.samples.first)
        #expect(weird.label("path") == "C:\\tmp\\x")
        #expect(weird.label("msg") == "say \"hi\"\nbye")
    }
}
