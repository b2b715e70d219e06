import Glibc

/// Parses the number syntax of the exposition formats from raw bytes, without Foundation.
///
/// Accepted: what Go's `strconv.ParseFloat` takes for base 10, minus underscores and hex (as Prometheus refuses
/// them): `[+-]digits[.digits][e[+-]digits]`, `.5`, and `Inf`, `+Inf`, `-Inf`, `Infinity`, `NaN` in any case.
/// Plain decimals whose digits form an integer ≤ 2^53 and whose exponent is within ±22 are converted exactly
/// with one multiplication or division (Clinger's fast path); anything else goes through `strtod`.
enum FloatParser {
    /// Exact powers of ten representable as Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of the token `[start, end)`, or nil when the token is not a number.
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        var p = start
        guard p < end else { return nil }
        var negative = false
        if p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
            guard p < end else { return nil }
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while p < end, p.pointee &- 48 < 10 {
            if mantissa != 0 || p.pointee != 48 { digits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48)
            sawDigit = true
            p += 1
        }
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            while p < end, p.pointee &- 48 < 10 {
                if mantissa != 0 || p.pointee != 48 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48)
                exponent -= 1
                sawDigit = true
                p += 1
            }
        }
        guard sawDigit else { return special(p, end, negative: negative, signed: p != start) }
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            p += 1
            var expNegative = false
            if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
                expNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            guard p < end, p.pointee &- 48 < 10 else { return nil }
            var value = 0
            while p < end, p.pointee &- 48 < 10 {
                if value < 100_000 { value = value * 10 + Int(p.pointee &- 48) }
                p += 1
            }
            exponent += expNegative ? -value : value
        }
        guard p == end else { return nil }
        // Up to 19 digits the mantissa did not overflow; up to 2^53 it is exact, and so is one product or
        // quotient with an exact power of ten.
        if digits <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var result = Double(mantissa)
            if exponent < 0 { result /= powersOfTen[-exponent] } else if exponent > 0 { result *= powersOfTen[exponent] }
            return negative ? -result : result
        }
        return slowPath(start, end)
    }

    /// Inf, Infinity and NaN, case-insensitive; NaN takes no sign, as in Go.
    private static func special(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, negative: Bool,
                                signed: Bool) -> Double? {
        let word = UnsafeBufferPointer(start: p, count: end - p)
        func equalsIgnoringCase(_ text: StaticString) -> Bool {
            guard word.count == text.utf8CodeUnitCount else { return false }
            for index in 0..<word.count where word[index] | 0x20 != text.utf8Start[index] { return false }
            return true
        }
        if equalsIgnoringCase("inf") || equalsIgnoringCase("infinity") {
            return negative ? -.infinity : .infinity
        }
        if !signed, equalsIgnoringCase("nan") { return .nan }
        return nil
    }

    /// Long mantissas and large exponents: let the C library round correctly.
    private static func slowPath(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double {
        let count = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for index in 0..<count { buffer[index] = CChar(bitPattern: start[index]) }
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// An integer token (`[+-]digits`) as used by 0.0.4 millisecond timestamps.
    static func parseInteger(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int64? {
        var p = start
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        guard p < end else { return nil }
        var value: Int64 = 0
        while p < end {
            let digit = p.pointee &- 48
            guard digit < 10 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            p += 1
        }
        return negative ? -value : value
    }
}
