import Testing
@testable import PerfdashCore

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("10ms", Duration.milliseconds(10)), ("250ms", .milliseconds(250)), ("2s", .seconds(2)), ("1m", .seconds(60)),
        ("1.5s", .milliseconds(1500)), ("1h", .seconds(3600)), (" 2s ", .seconds(2)),
    ])
    func accepted(text: String, expected: Duration) throws {
        #expect(try DurationText.parseInterval(text) == expected)
    }

    @Test(arguments: [
        ("0", "must be greater than zero"), ("0s", "must be greater than zero"),
        ("abc", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
        ("5", "missing unit (ms, s, m or h)"), ("3days", "unknown unit 'days' (use ms, s, m or h)"),
        ("9ms", "the shortest interval is 10ms"), ("-1s", "expected a number and a unit, such as 10ms, 250ms, 2s or 1m"),
    ])
    func refused(text: String, reason: String) {
        #expect(throws: DurationText.ParseError(text: text, reason: reason)) {
            try DurationText.parseInterval(text)
        }
    }
}
