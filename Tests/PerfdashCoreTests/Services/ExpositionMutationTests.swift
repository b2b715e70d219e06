import Testing
@testable import PerfdashCore

/// Bad input must give an error that points inside the input, never a crash or a hang.
@Suite("Exposition parser: mutated input")
struct ExpositionMutationTests {
    @Test(arguments: ["valid_004.prom", "valid_om.txt", "service_mapping.prom"])
    func mutationsFailCleanly(fixture: String) throws {
        let original = try ExpositionTestSupport.fixture(fixture)
        let alphabet = Array("{}\",=\\ \t\n#_aZ09.+-eE".utf8) + [0x00, 0xFF, 0xC3]
        var state: UInt64 = 7
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var refused = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<(1 + random(3)) {
                switch random(3) {
                case 0: bytes[random(bytes.count)] = alphabet[random(alphabet.count)]
                case 1: bytes.insert(alphabet[random(alphabet.count)], at: random(bytes.count))
                default: bytes.removeSubrange(random(bytes.count)...)
                }
                if bytes.isEmpty { break }
            }
            for format in [ExpositionFormat.prometheus, .openMetrics] {
                do {
                    _ = try bytes.withUnsafeBytes { try Exposition.families(from: $0, format: format) }
                } catch let error as ExpositionError {
                    refused += 1
                    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                    #expect(error.line >= 1 && error.line <= lines.count, "\(error)")
                    let lineLength = error.line <= lines.count ? lines[error.line - 1].count : 0
                    #expect(error.column >= 1 && error.column <= lineLength + 1, "\(error)")
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        // Most mutations break something; if none were refused the parser accepts garbage.
        #expect(refused > 2_000)
    }
}
