import Testing
@testable import PerfdashCore

/// Invalid inputs, most from Prometheus' textparse tests (promparse_test.go, openmetricsparse_test.go), each with
/// the exact line and column (1-based, in characters) of the character that is wrong.
@Suite("Exposition parser: invalid input")
struct ExpositionErrorTests {
    typealias Reason = ExpositionError.Reason

    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let format: ExpositionFormat
        let line: Int
        let column: Int
        let reason: Reason
        /// The input's bytes; set directly for inputs a String cannot hold (invalid UTF-8).
        let bytes: [UInt8]
        var testDescription: String { "\(format) \(input.debugDescription)" }

        init(_ input: String, _ format: ExpositionFormat, _ line: Int, _ column: Int, _ reason: Reason,
             bytes: [UInt8]? = nil) {
            (self.input, self.format, self.line, self.column, self.reason) = (input, format, line, column, reason)
            self.bytes = bytes ?? Array(input.utf8)
        }
    }

    static let both: [Case] = [ExpositionFormat.prometheus, .openMetrics].flatMap { format -> [Case] in
        let eof = format == .openMetrics ? "# EOF\n" : ""
        return [
            // a{b="c",,d="e"}: the second comma (column 9) is where a label name must be.
            Case("a{b=\"c\",,d=\"e\"} 1\n" + eof, format, 1, 9, .expectedLabelName(found: "\",\"")),
            Case("{a=\"ok\"} 1\n" + eof, format, 1, 1, .metricNameNotSet),
            Case("a{b='c'} 1\n" + eof, format, 1, 5, .expectedLabelValue(found: "\"'\"")),
            Case("foo 1_2\n" + eof, format, 1, 5, .invalidValue("1_2")),
            Case("foo 0x1p-3\n" + eof, format, 1, 5, .invalidValue("0x1p-3")),
            Case("foo 0x1P-3\n" + eof, format, 1, 5, .invalidValue("0x1P-3")),
            Case("a true\n" + eof, format, 1, 3, .invalidValue("true")),
            Case("a +nan\n" + eof, format, 1, 3, .invalidValue("+nan")),
            Case("a{,b=\"c\"} 1\n" + eof, format, 1, 3, .expectedLabelName(found: "\",\"")),
            Case("a{b=\"c\"d=\"e\"} 1\n" + eof, format, 1, 8, .expectedCommaOrBrace(found: "\"d\"")),
            Case("a{b=\n" + eof, format, 1, 5, .expectedLabelValue(found: "the end of the line")),
            Case("a{b=\"c\n" + eof, format, 1, 5, .unterminatedString),
            // a{b="<0xFF>"} 1: the quote opening the invalid value is at column 5.
            Case("a{b=\"\\xff\"} 1", format, 1, 5, .invalidUTF8,
                 bytes: Array("a{b=\"".utf8) + [0xFF] + Array("\"} 1\n".utf8) + Array(eof.utf8)),
            Case("empty_label_name{=\"\"} 0\n" + eof, format, 1, 18, .expectedLabelName(found: "\"=\"")),
            Case("a{a=\"1\",a=\"2\"} 1\n" + eof, format, 1, 9, .duplicateLabel("a")),
            Case("{\"a\",\"b\"} 1\n" + eof, format, 1, 6, .metricNameSetTwice),
            Case("a{b\\nc=\"d\"} 1\n" + eof, format, 1, 4, .expectedEquals(found: "\"\\\"")),
            // Counting lines and characters (not bytes): ü is one column.
            Case("a 1\nb 2\nc{d=\"e\",,} 3\n" + eof, format, 3, 9, .expectedLabelName(found: "\",\"")),
            Case("a{b=\"ü\",c=d} 1\n" + eof, format, 1, 11, .expectedLabelValue(found: "\"d\"")),
            Case("9 1\n" + eof, format, 1, 1, .expectedMetricName(found: "\"9\"")),
            Case("# TYPE #\n" + eof, format, 1, 8, .expectedMetadataName(keyword: "TYPE", found: "\"#\"")),
            Case("# HELP #\n" + eof, format, 1, 8, .expectedMetadataName(keyword: "HELP", found: "\"#\"")),
            Case("# TYPE m\n" + eof, format, 1, 9, .expectedMetadataText(keyword: "TYPE")),
            Case("# TYPE m summaries\n" + eof, format, 1, 10, .invalidType("summaries")),
        ]
    }

    static let prometheusOnly: [Case] = [
        Case("a", .prometheus, 1, 2, .expectedValue(found: "the end of the input")),
        Case("a\n", .prometheus, 1, 2, .expectedValue(found: "the end of the line")),
        Case("foo 0 1_2\n", .prometheus, 1, 7, .invalidTimestamp("1_2")),
        Case("foo 0 1.5\n", .prometheus, 1, 7, .invalidTimestamp("1.5")),
        Case("a 1 2 3\n", .prometheus, 1, 7, .expectedEndOfLine(found: "\"3\"")),
        // Exemplars are OpenMetrics only.
        Case("a 1 # {x=\"y\"} 1\n", .prometheus, 1, 5, .invalidTimestamp("#")),
        Case("# TYPE x unknown\n", .prometheus, 1, 10, .invalidType("unknown")),
        Case("a{b=\"c\"}x 1\n", .prometheus, 1, 9, .expectedValue(found: "\"x\"")),
    ]

    static let openMetricsOnly: [Case] = [
        Case("# EOF\na 1", .openMetrics, 2, 1, .dataAfterEOF),
        Case("# EOF\n\n", .openMetrics, 2, 1, .dataAfterEOF),
        Case("# EOFa 1", .openMetrics, 1, 6, .dataAfterEOF),
        Case("", .openMetrics, 1, 1, .missingEOF),
        Case("metric 1", .openMetrics, 1, 9, .missingEOF),
        Case("metric 1\n", .openMetrics, 2, 1, .missingEOF),
        Case("\n# EOF\n", .openMetrics, 1, 1, .emptyLine),
        Case(" a 1\n# EOF\n", .openMetrics, 1, 1, .expectedMetricName(found: "a blank")),
        Case("# TYPE u untyped\n# EOF\n", .openMetrics, 1, 10, .invalidType("untyped")),
        Case("# TYPE c counter \n# EOF\n", .openMetrics, 1, 10, .invalidType("counter ")),
        Case("# TYPE c  counter\n# EOF\n", .openMetrics, 1, 10, .invalidType(" counter")),
        Case("#  TYPE c counter\n# EOF\n", .openMetrics, 1, 3, .invalidComment),
        Case("#\tTYPE c counter\n# EOF\n", .openMetrics, 1, 2, .invalidComment),
        Case("# a comment\n# EOF\n", .openMetrics, 1, 3, .invalidComment),
        Case("# TYPE \n# EOF\n", .openMetrics, 1, 8, .expectedMetadataName(keyword: "TYPE", found: "the end of the line")),
        Case("# HELP m\n# EOF\n", .openMetrics, 1, 9, .expectedMetadataText(keyword: "HELP")),
        Case("# UNIT m\n# EOF\n", .openMetrics, 1, 9, .expectedMetadataText(keyword: "UNIT")),
        Case("# UNIT metric suffix\n# EOF\n", .openMetrics, 1, 15, .unitNotSuffix(unit: "suffix", metric: "metric")),
        Case("# UNIT metricsuffix suffix\n# EOF\n", .openMetrics, 1, 21,
             .unitNotSuffix(unit: "suffix", metric: "metricsuffix")),
        Case("a\t1\n# EOF\n", .openMetrics, 1, 2, .expectedValue(found: "a tab")),
        Case("a  1\n# EOF\n", .openMetrics, 1, 3, .expectedValue(found: "a blank")),
        Case("a 1\t2\n# EOF\n", .openMetrics, 1, 3, .invalidValue("1\t2")),
        Case("a 1 2 \n# EOF\n", .openMetrics, 1, 6, .expectedEndOfLine(found: "a blank")),
        Case("a 1 \n# EOF\n", .openMetrics, 1, 4, .expectedEndOfLine(found: "a blank")),
        Case("a 1 1z\n# EOF\n", .openMetrics, 1, 5, .invalidTimestamp("1z")),
        Case("a 1 1 1\n# EOF\n", .openMetrics, 1, 7, .expectedEndOfLine(found: "\"1\"")),
        Case("a 1 NaN\n# EOF\n", .openMetrics, 1, 5, .invalidTimestamp("NaN")),
        Case("a 1 -Inf\n# EOF\n", .openMetrics, 1, 5, .invalidTimestamp("-Inf")),
        // OpenMetrics has no blank between name and labels: "{" is read as the value.
        Case("a { b=\"c\"} 1\n# EOF\n", .openMetrics, 1, 3, .invalidValue("{")),
        Case("a{b=\"c\"}  1\n# EOF\n", .openMetrics, 1, 10, .expectedValue(found: "a blank")),
        // Exemplars: validated, then ignored.
        Case("custom_metric_total 1 # {aa=bb}\n# EOF\n", .openMetrics, 1, 29, .expectedLabelValue(found: "\"b\"")),
        Case("custom_metric_total 1 # {aa=\"bb\"}\n# EOF\n", .openMetrics, 1, 34,
             .invalidExemplar("expected a value after the exemplar labels, found the end of the line")),
        Case("custom_metric_total 1 # {bb}\n# EOF\n", .openMetrics, 1, 28, .expectedEquals(found: "\"}\"")),
        Case("custom_metric_total 1 # {aa=\"bb\",,cc=\"dd\"} 1\n# EOF\n", .openMetrics, 1, 34,
             .expectedLabelName(found: "\",\"")),
        Case("custom_metric_total 1 # {aa=\"bb\"} 1_2\n# EOF\n", .openMetrics, 1, 35, .invalidExemplar("value \"1_2\"")),
        Case("custom_metric_total 1 #{aa=\"bb\"} 1\n# EOF\n", .openMetrics, 1, 23, .invalidExemplar("expected \" # {\"")),
        Case("hhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 NaN\n# EOF\n", .openMetrics, 1, 39,
             .invalidExemplar("timestamp \"NaN\"")),
        Case("hhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 1 2\n# EOF\n", .openMetrics, 1, 40,
             .expectedEndOfLine(found: "a blank")),
    ]

    @Test(arguments: both + prometheusOnly + openMetricsOnly)
    func refusedWithLineAndColumn(_ testCase: Case) throws {
        let bytes = testCase.bytes
        var error: ExpositionError?
        do {
            _ = try Exposition.families(from: bytes, contentType: ExpositionTestSupport.contentType(testCase.format))
        } catch let thrown {
            error = thrown
        }
        let thrown = try #require(error, "\(testCase.input.debugDescription) parsed without error")
        #expect(thrown == ExpositionError(line: testCase.line, column: testCase.column, reason: testCase.reason))
    }

    @Test func descriptionNamesLineColumnAndReason() {
        let error = ExpositionTestSupport.error("a{b=\"c\",,d=\"e\"} 1\n", .prometheus)
        #expect(error?.description == "line 1, column 9: expected a label name, found \",\"")
    }

    @Test func theSampleMappingRefusesTheSameInput() {
        #expect(throws: ExpositionError(line: 2, column: 5, reason: .invalidValue("1_2"))) {
            try Exposition.sample(from: Array("ok 1\nfoo 1_2\n".utf8), contentType: nil, names: .defaults)
        }
    }
}
