import Testing
@testable import PerfdashCore

/// One scanner, two rule sets: config/flag durations (`seconds`) and the stricter sampling interval.
@Suite struct DurationTextTests {
    @Test(arguments: [
        ("10ms", Duration.milliseconds(10)), ("250ms", .milliseconds(250)), ("2s", .seconds(2)), ("1m", .seconds(60)),
        ("1.5s", .milliseconds(1500)), ("1h", .seconds(3600)), (" 2s ", .seconds(2)), ("1m30s", .seconds(90)),
        ("5", .seconds(5)), ("0.25", .milliseconds(250)),
    ])
    func accepted(text: String, expected: Duration) throws {
        #expect(try DurationText.parseInterval(text) == expected)
    }

    @Test(arguments: [
        ("0", "must be greater than zero"), ("0s", "must be greater than zero"),
        ("abc", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("0.005", "the shortest interval is 10ms"), ("3days", "unknown unit 'days' (use ms, s, m or h)"),
        ("9ms", "the shortest interval is 10ms"), ("366d", "unknown unit 'd' (use ms, s, m or h)"),
        ("8761h", "must be at most 365 days"), ("-1s", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
    ])
    func refused(text: String, reason: String) {
        #expect(throws: DurationText.ParseError(text: text, reason: reason)) {
            try DurationText.parseInterval(text)
        }
    }

    /// Config and flag durations: a bare number is seconds, zero is allowed, units add up.
    @Test(arguments: [("90", 90.0), ("90s", 90), ("5m", 300), ("1h", 3600), ("1m30s", 90), ("250ms", 0.25),
                      ("0", 0), ("1.5m", 90), ("1h0m5s", 3605)])
    func configSeconds(text: String, seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
    }

    @Test(arguments: [
        ("", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("-3", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("m5", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("5 minutes", "unknown unit ' minutes' (use ms, s, m or h)"),
        ("5x", "unknown unit 'x' (use ms, s, m or h)"),
        ("5m30", "missing unit (ms, s, m or h)"),
    ])
    func configRefused(text: String, reason: String) {
        #expect(throws: DurationText.ParseError(text: text, reason: reason)) {
            try DurationText.seconds(text)
        }
    }
}
