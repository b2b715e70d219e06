import Testing
@testable import PerfdashCore

@Suite struct RFC3339Tests {
    // Expected strings from python: datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat(timespec="milliseconds").
    @Test(arguments: [
        (Int64(1_795_312_940_989), "2026-11-22T02:02:20.989Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1000, "1969-12-31T23:59:59.000Z"),
        (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
    ])
    func formats(milliseconds: Int64, expected: String) {
        #expect(RFC3339.format(unixMilliseconds: milliseconds) == expected)
    }
}
