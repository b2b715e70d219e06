/// TOML's four string forms: "basic", 'literal', """multi-line basic""" and '''multi-line literal'''.
extension TOMLCursor {
    /// Reads a string starting at its opening quote and returns its content (escapes decoded).
    mutating func readString() throws(ConfigError) -> String {
        let quote = peek() ?? UInt8(ascii: "\"")
        let multiline = peek(1) == quote && peek(2) == quote
        let start = position
        advance(by: multiline ? 3 : 1)
        // A newline right after the opening delimiter is not part of a multi-line string.
        if multiline { _ = skipNewline() }
        let basic = quote == UInt8(ascii: "\"")
        var content: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw ConfigError(at: start, "unterminated string: no closing quote before the end of the file")
            }
            if byte == quote {
                if !multiline {
                    advance()
                    return String(decoding: content, as: UTF8.self)
                }
                if peek(1) == quote, peek(2) == quote {
                    // Up to two quotes right before the closing three belong to the content.
                    var run = 3
                    while peek(run) == quote { run += 1 }
                    guard run <= 5 else { throw error("too many quotes at the end of a multi-line string") }
                    content.append(contentsOf: repeatElement(quote, count: run - 3))
                    advance(by: run)
                    return String(decoding: content, as: UTF8.self)
                }
                content.append(byte)
                advance()
                continue
            }
            if byte == UInt8(ascii: "\\"), basic {
                try readEscape(into: &content, multiline: multiline)
                continue
            }
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) {
                guard multiline else {
                    throw ConfigError(at: start, "unterminated string: no closing quote before the end of the line")
                }
                if byte == UInt8(ascii: "\r") { content.append(byte); advance() }
                content.append(UInt8(ascii: "\n"))
                advance()
                continue
            }
            if Self.isControl(byte) { throw error("control character U+\(Self.hex(byte)) in a string") }
            content.append(byte)
            advance()
        }
    }

    private mutating func readEscape(into content: inout [UInt8], multiline: Bool) throws(ConfigError) {
        let escapeStart = position
        advance()
        guard let byte = peek() else { throw error("unterminated string") }
        func append(_ scalar: Unicode.Scalar) { content.append(contentsOf: Array(String(Character(scalar)).utf8)) }
        switch byte {
        case UInt8(ascii: "b"): content.append(0x08)
        case UInt8(ascii: "t"): content.append(0x09)
        case UInt8(ascii: "n"): content.append(0x0A)
        case UInt8(ascii: "f"): content.append(0x0C)
        case UInt8(ascii: "r"): content.append(0x0D)
        case UInt8(ascii: "e"): content.append(0x1B)
        case UInt8(ascii: "\""): content.append(byte)
        case UInt8(ascii: "\\"): content.append(byte)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            advance()
            var value: UInt32 = 0
            for _ in 0..<(byte == UInt8(ascii: "u") ? 4 : 8) {
                guard let digit = peek().flatMap(Self.hexValue) else {
                    throw ConfigError(at: escapeStart, "a \\\(Character(Unicode.Scalar(byte))) escape needs "
                                          + "\(byte == UInt8(ascii: "u") ? 4 : 8) hex digits")
                }
                value = value << 4 | UInt32(digit)
                advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw ConfigError(at: escapeStart, "escape is not a Unicode scalar value")
            }
            append(scalar)
            return
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            guard multiline else { throw ConfigError(at: escapeStart, "invalid escape \"\\\(describeEscaped(byte))\"") }
            // A line-ending backslash trims the newline and all whitespace up to the next non-blank.
            skipWhitespace()
            guard skipNewline() else { throw ConfigError(at: escapeStart, "invalid escape \"\\ \"") }
            while true {
                skipWhitespace()
                if !skipNewline() { break }
            }
            return
        default:
            throw ConfigError(at: escapeStart, "invalid escape \"\\\(describeEscaped(byte))\"")
        }
        advance()
    }

    private func describeEscaped(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "U+\(Self.hex(byte))"
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
