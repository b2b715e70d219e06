/// Walks the UTF-8 bytes of a TOML text keeping line and column, and reads the lexical pieces every part of the
/// grammar shares: whitespace, comments, newlines, keys and strings.
///
/// Every method moves forward only, so a parse is linear in the text.
struct TOMLCursor {
    let bytes: [UInt8]
    let file: String
    private(set) var offset = 0
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String, file: String) {
        self.bytes = Array(text.utf8)
        self.file = file
    }

    var atEnd: Bool { offset >= bytes.count }

    /// The byte `ahead` places on, nil past the end.
    func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    var position: SourcePosition { SourcePosition(file: file, line: line, column: column) }

    /// Moves one byte on; columns count Unicode scalars, so continuation bytes do not move the column.
    mutating func advance() {
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    /// An error at the current place.
    func error(_ reason: String) -> ConfigError { ConfigError(at: position, reason) }

    /// Whether the bytes at the cursor spell `literal`.
    func looking(at literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let start = literal.utf8Start
        for index in 0..<count where bytes[offset + index] != start[index] { return false }
        return true
    }

    // MARK: Trivia

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    /// Skips a comment to the end of its line; control characters other than tab are not allowed in it.
    mutating func skipComment() throws(ConfigError) {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { return }
            if Self.isControl(byte) { throw error("control character U+\(Self.hex(byte)) in a comment") }
            advance()
        }
    }

    /// Consumes one newline (`\n` or `\r\n`) and says whether there was one.
    mutating func skipNewline() -> Bool {
        if peek() == UInt8(ascii: "\n") {
            advance()
            return true
        }
        if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
            advance(by: 2)
            return true
        }
        return false
    }

    /// Skips whitespace, comments and newlines (between array elements, between lines of the document).
    mutating func skipBlank() throws(ConfigError) {
        while true {
            skipWhitespace()
            try skipComment()
            if !skipNewline() { return }
        }
    }

    /// After a value or a header: only whitespace and a comment may follow before the newline (or the end).
    mutating func expectEndOfLine() throws(ConfigError) {
        skipWhitespace()
        try skipComment()
        if atEnd || skipNewline() { return }
        throw error("expected a newline after the value, found \(describeHere())")
    }

    /// What is at the cursor, for error lines: `"x"`, `a newline`, `the end of the file`.
    func describeHere() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "a newline" }
        if byte >= 0x21, byte < 0x7F { return "\"\(Character(Unicode.Scalar(byte)))\"" }
        if byte < 0x80 { return "U+\(Self.hex(byte))" }
        return "a non-ASCII character"
    }

    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    // MARK: Keys

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// A dotted key: bare, "basic" or 'literal' parts separated by dots (whitespace allowed around the dots).
    mutating func readKey() throws(ConfigError) -> [String] {
        var parts: [String] = []
        while true {
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if peek(1) == peek(), peek(2) == peek() {
                    throw error("a key cannot be a multi-line string")
                }
                parts.append(try readString())
            case let byte? where Self.isBareKeyByte(byte):
                let start = offset
                while let byte = peek(), Self.isBareKeyByte(byte) { advance() }
                parts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            default:
                throw error("expected a key, found \(describeHere())")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ".") else { return parts }
            advance()
        }
    }
}
