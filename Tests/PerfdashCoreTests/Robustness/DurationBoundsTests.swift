import Testing
@testable import PerfdashCore

/// Durations from flags: huge ones are refused before any conversion to integer nanoseconds could trap.
@Suite struct DurationBoundsTests {
    @Test(arguments: [
        ("18446744073709551616m", "must be at most 365 days"),
        ("8761h", "must be at most 365 days"),
        ("1e308s", "unknown unit 'e' (use ms, s, m or h)"),
        ("9999999999999999999999999h", "must be at most 365 days"),
    ])
    func hugeDurationsAreRefused(text: String, reason: String) {
        #expect(throws: DurationText.ParseError(text: text, reason: reason)) { try DurationText.parse(text) }
    }

    @Test func theLongestDurationParses() throws {
        #expect(try DurationText.parse("8760h") == .seconds(365 * 86_400))
    }

    @Test func intervalsStopAtAnHour() throws {
        #expect(try DurationText.parseInterval("1h") == .seconds(3600))
        #expect(throws: DurationText.ParseError(text: "61m", reason: "the longest interval is 1h")) {
            try DurationText.parseInterval("61m")
        }
    }

    /// An echoed duration is cut: a 1 MB flag value gives a short error.
    @Test func longTextIsCutInTheError() {
        let text = String(repeating: "9", count: 1_000_000) + "x"
        do {
            _ = try DurationText.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 200)
            #expect(error.description.hasPrefix("invalid duration '" + String(repeating: "9", count: 80) + "…'"))
        }
    }
}
