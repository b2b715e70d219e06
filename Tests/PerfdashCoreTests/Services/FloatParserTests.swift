import Testing
@testable import PerfdashCore

@Suite("Exposition number syntax")
struct FloatParserTests {
    static func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { FloatParser.parse($0.baseAddress!, $0.baseAddress! + $0.count) }
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("1", 1), ("+1", 1), ("1.", 1), (".5", 0.5), ("-.5", -0.5), ("0.1", 0.1),
        ("4.9351e-05", 4.9351e-05), ("7.424100000000001e-05", 7.424100000000001e-05), ("1E3", 1000), ("1e+3", 1000),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("1e-400", 0), ("1e400", .infinity),
        ("Inf", .infinity), ("+Inf", .infinity), ("-Inf", -.infinity), ("inf", .infinity), ("+infinity", .infinity),
        ("-INFINITY", -.infinity), ("1700000000000", 1.7e12), ("0.000001", 1e-6), ("9007199254740993", 9007199254740992),
    ] as [(String, Double)])
    func accepted(text: String, expected: Double) {
        let value = Self.parse(text)
        #expect(value == expected)
        #expect(value?.sign == expected.sign)
    }

    @Test func nanHasNoSign() {
        #expect(Self.parse("NaN")?.isNaN == true)
        #expect(Self.parse("nan")?.isNaN == true)
        #expect(Self.parse("+NaN") == nil)
        #expect(Self.parse("-nan") == nil)
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1_2", "0x1p-3", "0x10", "1,5", "true", "Infx",
                      "1 ", " 1", "--1", "1e5.5", "١"])
    func refused(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test(arguments: [("123123", Int64(123_123)), ("-1000", -1000), ("+5", 5), ("9223372036854775807", .max)])
    func integerTimestamps(text: String, expected: Int64) {
        #expect(Array(text.utf8).withUnsafeBufferPointer {
            FloatParser.parseInteger($0.baseAddress!, $0.baseAddress! + $0.count)
        } == expected)
    }

    @Test(arguments: ["", "-", "1.5", "1e3", "9223372036854775808", "12a"])
    func integerTimestampsRefused(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer {
            FloatParser.parseInteger($0.baseAddress!, $0.baseAddress! + $0.count)
        } == nil)
    }

    @Test func symbolTableInternsOnce() {
        var table = SymbolTable()
        let first = table.intern("cache_hits_total")
        let again = table.intern("cache_hits_total")
        #expect(first == again)
        for index in 0..<500 { table.intern("name_\(index)") }  // grows and rehashes
        #expect(table.lookup("cache_hits_total") == first)
        #expect(table.lookup("name_499").map { table[$0] } == "name_499")
        #expect(table.lookup("missing") == nil)
        #expect(table.count == 501)
    }
}
