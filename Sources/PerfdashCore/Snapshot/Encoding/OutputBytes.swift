/// A growing byte buffer the encoders write into: ASCII, UTF-8 text, integers and Doubles, without building
/// intermediate Strings (a short Double's description is a small string and does not allocate).
public struct OutputBytes: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a String (they are UTF-8 by construction).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets the bytes, keeping the capacity for the next record.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// One byte.
    @inline(__always)
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// The bytes of a literal.
    @inline(__always)
    public mutating func ascii(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The UTF-8 bytes of `text`, unescaped.
    public mutating func utf8(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The UTF-8 bytes of `text`, unescaped.
    public mutating func utf8(_ text: Substring) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes.
    @inline(__always)
    public mutating func write(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends bytes.
    public mutating func write(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// A signed integer in decimal.
    public mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        unsigned(value.magnitude)
    }

    /// An unsigned integer in decimal.
    public mutating func unsigned(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for UInt64.max's 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// A Double as Swift's `description` writes it, without a trailing `.0` (`3`, `0.5`, `1e-05`, `1.5e+16`,
    /// `-0`): the text Foundation's JSONEncoder writes. Non-finite values are written as `null` (JSON has none).
    public mutating func jsonNumber(_ value: Double) {
        guard value.isFinite else { return ascii("null") }
        // Integral values up to 2^53 print in full in `description` too; this path skips the String.
        if value == value.rounded(.towardZero), value.magnitude <= 9_007_199_254_740_992 {
            if value == 0, value.sign == .minus { return ascii("-0") }
            return integer(Int64(value))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        utf8(text)
    }

    /// A Double for CSV and Prometheus text: integers without a fraction below 10^15 (`42`), else the shortest
    /// text that reads back as the same Double (`0.1`, `1e+16`), and `NaN`, `+Inf`, `-Inf`.
    public mutating func textNumber(_ value: Double) {
        if value.isNaN { return ascii("NaN") }
        if value.isInfinite { return value > 0 ? ascii("+Inf") : ascii("-Inf") }
        if value == value.rounded(), value.magnitude < 1e15 { return integer(Int64(value)) }
        utf8(value.description)
    }
}

/// Number formatting shared by the text encoders, as a String (for labels and panels).
enum NumberText {
    /// See `OutputBytes.textNumber`.
    static func format(_ value: Double) -> String {
        var out = OutputBytes()
        out.textNumber(value)
        return out.text
    }
}
