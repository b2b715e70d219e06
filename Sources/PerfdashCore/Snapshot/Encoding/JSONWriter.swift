/// Writes JSON bytes directly, in the layout Foundation's JSONEncoder uses (so the schema's bytes do not change):
/// compact, or pretty with two-space indents, `"key" : value` and empty containers as `[`, a blank line, `]`.
///
/// Keys are written in the order the caller writes them: callers write them sorted by their UTF-8 bytes, as
/// `.sortedKeys` does. Nothing is converted per key at run time: the snake-case keys are literals.
public struct JSONWriter: Sendable {
    /// The output.
    public var out: OutputBytes
    /// Pretty (indented, one member per line) or compact (one line).
    public let pretty: Bool
    private var depth = 0
    /// True until the current container has a member.
    private var first = true
    /// True right after a key: the next value follows it without a separator.
    private var afterKey = false

    /// Creates a writer appending to `out`.
    public init(pretty: Bool, out: OutputBytes = OutputBytes(capacity: 4096)) {
        self.pretty = pretty
        self.out = out
    }

    /// An object whose members `body` writes (`key` then a value, for each).
    @inline(__always)
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes.
    @inline(__always)
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    /// An array of `elements`, each written by `element`.
    public mutating func array<C: Collection>(_ elements: C, _ element: (inout JSONWriter, C.Element) -> Void) {
        array { writer in
            for item in elements { element(&writer, item) }
        }
    }

    /// A member's key, given as a literal that needs no escaping (the schema's snake-case keys).
    @inline(__always)
    public mutating func key(_ literal: StaticString) {
        separate()
        out.byte(UInt8(ascii: "\""))
        out.ascii(literal)
        pretty ? out.ascii("\" : ") : out.ascii("\":")
        afterKey = true
    }

    /// A member's key taken from data (a series name), escaped as a string.
    public mutating func key(_ text: String) {
        separate()
        writeString(text)
        pretty ? out.ascii(" : ") : out.byte(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A number (see `OutputBytes.jsonNumber`).
    @inline(__always)
    public mutating func value(_ number: Double) {
        separate()
        out.jsonNumber(number)
    }

    /// An integer.
    @inline(__always)
    public mutating func value(_ number: Int) {
        separate()
        out.integer(Int64(number))
    }

    /// An integer.
    @inline(__always)
    public mutating func value(_ number: Int64) {
        separate()
        out.integer(number)
    }

    /// An unsigned integer.
    @inline(__always)
    public mutating func value(_ number: UInt64) {
        separate()
        out.unsigned(number)
    }

    /// A boolean.
    public mutating func value(_ flag: Bool) {
        separate()
        flag ? out.ascii("true") : out.ascii("false")
    }

    /// A string, escaped.
    public mutating func value(_ text: String) {
        separate()
        writeString(text)
    }

    /// `null`.
    public mutating func null() {
        separate()
        out.ascii("null")
    }

    private mutating func open(_ opener: UInt8, _ closer: UInt8, _ body: (inout JSONWriter) -> Void) {
        separate()
        out.byte(opener)
        depth += 1
        let outerFirst = first
        first = true
        body(&self)
        depth -= 1
        if pretty {
            if first { out.byte(UInt8(ascii: "\n")) }
            newline()
        }
        out.byte(closer)
        first = outerFirst
    }

    /// What precedes a key or an array element: a comma after the first, and in pretty mode a line break and
    /// the indent.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !first { out.byte(UInt8(ascii: ",")) }
        first = false
        if pretty { newline() }
    }

    /// A line break and the indent, in one append for the usual depths (a services section nests six deep, and
    /// one append per level per line was a third of the pretty encoding's time).
    @inline(__always)
    private mutating func newline() {
        let spaces = 2 * depth
        Self.indents.withUTF8Buffer { buffer in
            if spaces < buffer.count {
                out.write(UnsafeBufferPointer(rebasing: buffer[..<(spaces + 1)]))
            } else {
                out.byte(UInt8(ascii: "\n"))
                for _ in 0..<depth { out.ascii("  ") }
            }
        }
    }

    /// A line break and 64 spaces: `newline()` writes a prefix of it.
    private static let indents: StaticString =
        "\n                                                                "

    /// A quoted string with JSONEncoder's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control
    /// characters as `\u00xx`; `/` and non-ASCII as they are.
    private mutating func writeString(_ text: String) {
        out.byte(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                if index > start { out.write(UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                switch byte {
                case 0x22: out.ascii("\\\"")
                case 0x5C: out.ascii("\\\\")
                case 0x08: out.ascii("\\b")
                case 0x0C: out.ascii("\\f")
                case 0x0A: out.ascii("\\n")
                case 0x0D: out.ascii("\\r")
                case 0x09: out.ascii("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.ascii("\\u00")
                    out.byte(hex.utf8Start[Int(byte >> 4)])
                    out.byte(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            if utf8.count > start { out.write(UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        out.byte(UInt8(ascii: "\""))
    }
}
