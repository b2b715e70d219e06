import Testing
@testable import PerfdashCore

/// The parser's shortcuts (eight bytes of a label value at a time, name resolutions kept per symbol) give what the
/// plain paths give, wherever in a word or in the file the case that ends them falls.
@Suite("Exposition parser: fast paths")
struct ExpositionFastPathTests {
    typealias Support = ExpositionTestSupport

    @Test("a word needs a look exactly when one of its bytes is a quote, a backslash, a newline or not ASCII")
    func wordScan() {
        let plain = UInt8(ascii: "a")
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: plain, count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let stop = value == 0x22 || value == 0x5C || value == 0x0A || value >= 0x80
                #expect(ExpositionParser.needsLook(word) == stop, "byte \(value) at \(position)")
            }
        }
    }

    @Test("an escape, a multi-byte character or a bad byte at any offset of a long value", arguments: 0..<20)
    func valueOffsets(offset: Int) throws {
        let head = String(repeating: "v", count: offset)
        let tail = String(repeating: "w", count: 19 - offset)
        let escaped = "m{a=\"\(head)\\\"q\\n\\\\\(tail)\",b=\"\(head)é\(tail)\"} 1\n"
        let families = try Support.families(escaped, .prometheus)
        #expect(families.first?.samples.first?.labels
                == [Label("a", head + "\"q\n\\" + tail), Label("b", head + "é" + tail)])
        // A newline inside the quotes ends the value unterminated; so does the end of the input.
        let broken = "m{a=\"\(head)\n\(tail)\"} 1\n"
        #expect(Support.error(broken, .prometheus)?.reason == .unterminatedString)
        #expect(Support.error("m{a=\"\(head)\(tail)", .prometheus)?.reason == .unterminatedString)
        // A byte that is not UTF-8 is refused at the value's opening quote.
        let bytes = Array("m{a=\"\(head)".utf8) + [0xFF] + Array("\(tail)\"} 1\n".utf8)
        var error: ExpositionError?
        do {
            _ = try Exposition.families(from: bytes, contentType: Support.prometheusType)
        } catch let thrown {
            error = thrown
        }
        #expect(error?.reason == .invalidUTF8 && error?.column == 5)
    }

    @Test("a name resolved before a TYPE line that declares its family resolves again after it")
    func resolutionFollowsDeclarations() throws {
        let text = """
        req_bucket{le="1"} 1
        req_count 2
        # TYPE req histogram
        req_bucket{le="1"} 3
        req_sum 4
        req_count 5
        req_bucket{le="+Inf"} 6
        req_count 7

        """
        let families = try Support.families(text, .prometheus)
        // Before the declaration each name is its own untyped family; after it, all belong to `req`.
        #expect(families.map(\.name) == ["req_bucket", "req_count", "req"])
        #expect(families.map(\.type) == [.unknown, .unknown, .histogram])
        #expect(families.last?.samples.map(\.name) == ["req_bucket", "req_sum", "req_count", "req_bucket", "req_count"])
        #expect(families.last?.samples.map(\.value) == [3, 4, 5, 6, 7])
    }
}
