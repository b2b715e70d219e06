/// A forward cursor over one file's bytes that parses numbers in place, without building a String per line.
///
/// It counts lines so parsers can name the line of a malformed entry.
struct ByteScanner {
    let bytes: UnsafeRawBufferPointer
    /// The current byte offset.
    var index = 0
    /// The current line, counting from 1.
    var line = 1

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// True when every byte has been consumed.
    var isAtEnd: Bool { index >= bytes.count }

    /// True at a newline or at the end of the input.
    var isAtEndOfLine: Bool { index >= bytes.count || bytes[index] == ASCII.newline }

    /// The byte under the cursor, or nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips spaces and tabs (not newlines).
    mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
    }

    /// Moves past the next newline (or to the end) and counts the line.
    mutating func nextLine() {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == ASCII.newline {
                line += 1
                return
            }
        }
    }

    /// True when the bytes at the cursor spell `literal`.
    func hasPrefix(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard bytes.count - index >= length else { return false }
        let start = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != start[offset] { return false }
        return true
    }

    /// True when `range` of the input spells `literal` exactly.
    func bytes(in range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let start = literal.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != start[offset] { return false }
        return true
    }

    /// True when `range` of the input starts with `literal`.
    func bytes(in range: Range<Int>, hasPrefix literal: StaticString) -> Bool {
        guard range.count >= literal.utf8CodeUnitCount else { return false }
        return bytes(in: range.lowerBound..<(range.lowerBound + literal.utf8CodeUnitCount), equal: literal)
    }

    /// The next blank-separated token on this line (stopping also at `stop`), or nil at the end of the line.
    mutating func token(stoppingAt stop: UInt8 = ASCII.newline) -> Range<Int>? {
        skipBlanks()
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == stop { break }
            index += 1
        }
        return index > start ? start..<index : nil
    }

    /// Reads an unsigned decimal token; nil when the token is absent, not all digits, or overflows.
    ///
    /// The hot path of every parser: one pass over the digits, overflow checked only for 20-digit tokens.
    mutating func unsigned(stoppingAt stop: UInt8 = ASCII.newline) -> UInt64? {
        skipBlanks()
        let start = index
        var value: UInt64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- ASCII.zero
            if digit >= 10 { break }
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        let digits = index - start
        guard digits > 0, isAtTokenEnd(stop) else { return nil }
        return digits < 20 ? value : checkedValue(start..<index)
    }

    /// Moves past the next token without reading it (fields a parser does not use).
    mutating func skipToken() {
        skipBlanks()
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline { return }
            index += 1
        }
    }

    /// True when the cursor sits on a blank, a newline, `stop`, or the end.
    private func isAtTokenEnd(_ stop: UInt8) -> Bool {
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        return byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == stop
    }

    /// The value of an all-digit range, or nil when it does not fit in 64 bits.
    private func checkedValue(_ range: Range<Int>) -> UInt64? {
        var value: UInt64 = 0
        for position in range {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(bytes[position] &- ASCII.zero))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// Reads a non-negative decimal such as `0.16`; the result is correctly rounded for up to 15 significant digits.
    mutating func decimal(stoppingAt stop: UInt8 = ASCII.newline) -> Double? {
        guard let range = token(stoppingAt: stop) else { return nil }
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for position in range {
            let byte = bytes[position]
            if byte == ASCII.dot, !seenPoint {
                seenPoint = true
                continue
            }
            let digit = byte &- ASCII.zero
            guard digit < 10, digits < 18 else { return nil }
            mantissa = mantissa * 10 + UInt64(digit)
            digits += 1
            if seenPoint { fractionDigits += 1 }
        }
        guard digits > 0 else { return nil }
        // Both operands are exact doubles (mantissa < 2^53, 10^k for k ≤ 17), so one division rounds correctly.
        return Double(mantissa) / ASCII.powersOfTen[fractionDigits]
    }

    /// Moves the cursor past the next `byte` on this line; false (cursor unchanged) when the line has none.
    mutating func skip(past byte: UInt8) -> Bool {
        var position = index
        while position < bytes.count, bytes[position] != ASCII.newline {
            if bytes[position] == byte {
                index = position + 1
                return true
            }
            position += 1
        }
        return false
    }

    /// The bytes of `range` as a String (used only for names: devices, interfaces).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The rest of the current line, trimmed, for error messages (at most 60 bytes).
    func lineExcerpt() -> String {
        var start = index
        while start > 0, bytes[start - 1] != ASCII.newline { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] != ASCII.newline, end - start < 60 { end += 1 }
        return string(start..<end)
    }
}

/// The byte values the parsers look for.
enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let powersOfTen: [Double] = (0...18).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }
}
