/// Reads TOML's unquoted values: booleans, integers (decimal with underscores, 0x / 0o / 0b), floats (with `inf`
/// and `nan`), and dates and times (checked, kept as written: perfdash has no date settings).
enum TOMLScalar {
    /// Reads the unquoted value at the cursor.
    static func read(_ cursor: inout TOMLCursor) throws(ConfigError) -> ConfigValue.Content {
        let start = cursor.position
        var token: [UInt8] = []
        while let byte = cursor.peek(), !isTerminator(byte) {
            token.append(byte)
            cursor.advance()
            // `1979-05-27 07:32:00`: a date, a space and a time are one value.
            if token.count == 10, isFullDate(token), cursor.peek() == UInt8(ascii: " "),
               let a = cursor.peek(1), isDigit(a), let b = cursor.peek(2), isDigit(b), cursor.peek(3) == colon {
                token.append(UInt8(ascii: "T"))
                cursor.advance()
            }
        }
        guard !token.isEmpty else {
            throw ConfigError(at: start, "expected a value, found \(cursor.describeHere())")
        }
        if let content = classify(token) { return content }
        let text = Echo.cut(String(decoding: token.prefix(4 * Echo.limit), as: UTF8.self))
        if isNumberLike(token) { throw ConfigError(at: start, "invalid or out-of-range number \(text)") }
        throw ConfigError(at: start, "expected a value (a string in quotes, a number, true or false), found \(text)")
    }

    private static let colon = UInt8(ascii: ":")

    private static func isTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
             UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "="), UInt8(ascii: "["),
             UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isNumberLike(_ token: [UInt8]) -> Bool {
        guard let first = token.first else { return false }
        return isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
    }

    private static func classify(_ token: [UInt8]) -> ConfigValue.Content? {
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if token.count > 2, token[0] == UInt8(ascii: "0") {
            let radix: Int? = switch token[1] {
            case UInt8(ascii: "x"): 16
            case UInt8(ascii: "o"): 8
            case UInt8(ascii: "b"): 2
            default: nil
            }
            if let radix {
                let digits = Array(token.dropFirst(2))
                guard let stripped = underscored(digits, digit: { isRadixDigit($0, radix) }) else { return nil }
                return Int(stripped, radix: radix).map { .integer($0) }
            }
        }
        if isDate(token) { return .dateTime(text) }
        return decimal(token)
    }

    private static func isRadixDigit(_ byte: UInt8, _ radix: Int) -> Bool {
        guard let value = TOMLCursor.hexValue(byte) else { return false }
        return Int(exactly: value).map { $0 < radix } ?? false
    }

    /// Digits with single underscores between them (`1_000`), returned without the underscores; nil if malformed.
    private static func underscored(_ bytes: some Collection<UInt8>, digit: (UInt8) -> Bool) -> String? {
        var out: [UInt8] = []
        var previousWasDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            } else {
                guard digit(byte) else { return nil }
                out.append(byte)
                previousWasDigit = true
            }
        }
        guard previousWasDigit else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `[+-]? int (. digits)? ([eE] [+-]? digits)?`; an integer when there is neither fraction nor exponent.
    private static func decimal(_ token: [UInt8]) -> ConfigValue.Content? {
        var rest = token[...]
        var sign = ""
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = "-" }
            rest = rest.dropFirst()
        }
        let intEnd = rest.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            ?? rest.endIndex
        let intPart = rest[..<intEnd]
        guard let integer = underscored(intPart, digit: isDigit) else { return nil }
        // No leading zeros: `0` alone, or a non-zero first digit.
        if integer.count > 1, integer.hasPrefix("0") { return nil }
        if intEnd == rest.endIndex { return Int(sign + integer).map { .integer($0) } }
        var text = sign + integer
        var tail = rest[intEnd...]
        if tail.first == UInt8(ascii: ".") {
            tail = tail.dropFirst()
            let fracEnd = tail.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? tail.endIndex
            guard let fraction = underscored(tail[..<fracEnd], digit: isDigit) else { return nil }
            text += "." + fraction
            tail = tail[fracEnd...]
        }
        if let e = tail.first {
            guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return nil }
            tail = tail.dropFirst()
            var expSign = ""
            if let s = tail.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                expSign = s == UInt8(ascii: "-") ? "-" : ""
                tail = tail.dropFirst()
            }
            guard let exponent = underscored(tail, digit: isDigit) else { return nil }
            text += "e" + expSign + exponent
        }
        return Double(text).map { .float($0) }
    }

    // MARK: Dates and times

    private static func isFullDate(_ bytes: [UInt8]) -> Bool {
        bytes.count == 10 && fixed(bytes, 0, 4) != nil && bytes[4] == UInt8(ascii: "-")
            && (1...12).contains(fixed(bytes, 5, 2) ?? 0) && bytes[7] == UInt8(ascii: "-")
            && (1...31).contains(fixed(bytes, 8, 2) ?? 0)
    }

    /// An offset or local date-time, a local date, or a local time (RFC 3339, as TOML allows it).
    private static func isDate(_ token: [UInt8]) -> Bool {
        if token.count >= 10, isFullDate(Array(token[0..<10])) {
            if token.count == 10 { return true }
            let separator = token[10]
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else { return false }
            var rest = Array(token[11...])
            if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
                rest.removeLast()
            } else if rest.count > 6, rest[rest.count - 6] == UInt8(ascii: "+") || rest[rest.count - 6] == UInt8(ascii: "-") {
                let offset = Array(rest[(rest.count - 5)...])
                guard (0...23).contains(fixed(offset, 0, 2) ?? -1), offset[2] == colon,
                      (0...59).contains(fixed(offset, 3, 2) ?? -1) else { return false }
                rest.removeLast(6)
            }
            return isTime(rest)
        }
        return isTime(token)
    }

    private static func isTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, (0...23).contains(fixed(bytes, 0, 2) ?? -1), bytes[2] == colon,
              (0...59).contains(fixed(bytes, 3, 2) ?? -1), bytes[5] == colon,
              (0...60).contains(fixed(bytes, 6, 2) ?? -1) else { return false }
        if bytes.count == 8 { return true }
        return bytes[8] == UInt8(ascii: ".") && bytes.count > 9 && bytes[9...].allSatisfy(isDigit)
    }

    /// The number spelled by exactly `count` digits at `start`.
    private static func fixed(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
