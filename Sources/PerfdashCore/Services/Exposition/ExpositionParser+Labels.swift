import Glibc

extension ExpositionParser {
    /// Parses `{name="value",…}` at `p`. With `record`, pairs go into `slots`; a quoted string followed by `,` or
    /// `}` is the UTF-8 metric name (`{"my.metric",a="b"}`). Exemplar label sets are only validated.
    mutating func labelSet(record: Bool, name: inout Symbol?) throws(ExpositionError) {
        p += 1
        var position = 0
        while true {
            skipBlanks()
            guard p < end else { throw fail(.expectedLabelName(found: found(at: p)), at: p) }
            let nameStart = p
            var labelName = Symbol(0)
            if p.pointee == UInt8(ascii: "}") {
                p += 1
                return
            } else if p.pointee == UInt8(ascii: "\"") {
                let quoted = try quotedString()
                skipBlanks()
                if record, p < end, p.pointee == UInt8(ascii: ",") || p.pointee == UInt8(ascii: "}") {
                    guard name == nil else { throw fail(.metricNameSetTwice, at: nameStart) }
                    name = symbols.intern(bytes(of: quoted))
                    if p.pointee == UInt8(ascii: ",") { p += 1 }
                    continue
                }
                if record { labelName = symbols.intern(bytes(of: quoted)) }
            } else if Self.isLabelStart(p.pointee) {
                p += 1
                while p < end, Self.isLabelChar(p.pointee) { p += 1 }
                if record { labelName = internLabel(position, nameStart, p - nameStart) }
            } else {
                throw fail(.expectedLabelName(found: found(at: p)), at: p)
            }
            skipBlanks()
            guard p < end, p.pointee == UInt8(ascii: "=") else {
                throw fail(.expectedEquals(found: found(at: p)), at: p)
            }
            p += 1
            skipBlanks()
            guard p < end, p.pointee == UInt8(ascii: "\"") else {
                throw fail(.expectedLabelValue(found: found(at: p)), at: p)
            }
            let value = try quotedString()
            if record {
                appendSlot(LabelSlot(name: labelName, nameOffset: nameStart - lineStart, valueStart: value.start,
                                     valueCount: value.count, inScratch: value.inScratch))
            }
            position += 1
            skipBlanks()
            guard p < end else { throw fail(.expectedCommaOrBrace(found: found(at: p)), at: p) }
            if p.pointee == UInt8(ascii: ",") {
                p += 1
            } else if p.pointee == UInt8(ascii: "}") {
                p += 1
                return
            } else {
                throw fail(.expectedCommaOrBrace(found: found(at: p)), at: p)
            }
        }
    }

    /// Where a quoted string's unescaped bytes are.
    struct Quoted {
        var start: Int
        var count: Int
        var inScratch: Bool
    }

    /// Reads `"…"` at `p`. Without escapes the bytes stay in the input; with `\\`, `\"` or `\n` they are unescaped
    /// into the scratch buffer. Other escapes are kept as written, as Prometheus does.
    @inline(__always)
    mutating func quotedString() throws(ExpositionError) -> Quoted {
        let open = p
        p += 1
        let start = p
        var high: UInt8 = 0
        // Eight bytes at a time while none of them needs a look: label values are mostly plain ASCII.
        while end - p >= 8, !Self.needsLook(UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) { p += 8 }
        while p < end {
            let byte = p.pointee
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") { break }
            high |= byte
            p += 1
        }
        guard p < end, p.pointee != UInt8(ascii: "\n") else { throw fail(.unterminatedString, at: open) }
        if p.pointee == UInt8(ascii: "\"") {
            if high & 0x80 != 0 { try validateUTF8(start, p, open: open) }
            p += 1
            return Quoted(start: start - base, count: p - 1 - start, inScratch: false)
        }
        return try escapedString(open: open, start: start)
    }

    /// Whether any of eight bytes is a quote, a backslash, a newline or not ASCII (SWAR: a byte equal to `c` is a
    /// zero byte of `word ^ c…c`, and `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when `x` has a zero byte).
    @inline(__always)
    static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let stops = hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0x0A)) | (word & highs)
        return stops != 0
    }

    /// The slow path of `quotedString` once a backslash turned up.
    private mutating func escapedString(open: UnsafePointer<UInt8>, start: UnsafePointer<UInt8>) throws(ExpositionError)
        -> Quoted {
        var close = p
        while close < end, close.pointee != UInt8(ascii: "\"") {
            if close.pointee == UInt8(ascii: "\n") { break }
            if close.pointee == UInt8(ascii: "\\") { close += 1 }
            if close < end { close += 1 }
        }
        guard close < end, close.pointee == UInt8(ascii: "\"") else { throw fail(.unterminatedString, at: open) }
        reserveScratch(close - start)
        let outStart = scratchCount
        var out = scratch.assumingMemoryBound(to: UInt8.self) + scratchCount
        var cursor = start
        while cursor < close {
            var byte = cursor.pointee
            if byte == UInt8(ascii: "\\") {
                cursor += 1
                switch cursor.pointee {
                case UInt8(ascii: "n"): byte = UInt8(ascii: "\n")
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): byte = cursor.pointee
                default:
                    out.pointee = UInt8(ascii: "\\")
                    out += 1
                    byte = cursor.pointee
                }
            }
            out.pointee = byte
            out += 1
            cursor += 1
        }
        let count = out - (scratch.assumingMemoryBound(to: UInt8.self) + outStart)
        scratchCount += count
        try validateUTF8(UnsafePointer(scratch.assumingMemoryBound(to: UInt8.self) + outStart),
                         UnsafePointer(out), open: open)
        p = close + 1
        return Quoted(start: outStart, count: count, inScratch: true)
    }

    /// The bytes of a quoted string (valid until the next line resets the scratch buffer).
    func bytes(of quoted: Quoted) -> UnsafeRawBufferPointer {
        let origin = quoted.inScratch ? UnsafeRawPointer(scratch) : UnsafeRawPointer(base)
        return UnsafeRawBufferPointer(start: origin + quoted.start, count: quoted.count)
    }

    private func validateUTF8(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>,
                              open: UnsafePointer<UInt8>) throws(ExpositionError) {
        let bytes = UnsafeBufferPointer(start: start, count: stop - start)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw fail(.invalidUTF8, at: open) }
    }

    /// Interns a label name, reusing the symbol the previous line had at the same position when the bytes match.
    @inline(__always)
    private mutating func internLabel(_ position: Int, _ start: UnsafePointer<UInt8>, _ count: Int) -> Symbol {
        guard position < Self.labelCacheCapacity else {
            return symbols.intern(UnsafeRawBufferPointer(start: start, count: count))
        }
        let cached = labelCache[position]
        if cached.count == count, let previous = cached.start, memcmp(previous, start, count) == 0 {
            return cached.symbol
        }
        let symbol = symbols.intern(UnsafeRawBufferPointer(start: start, count: count))
        labelCache[position] = NameCacheEntry(start: start, count: count, symbol: symbol)
        return symbol
    }

    @inline(__always)
    private mutating func appendSlot(_ slot: LabelSlot) {
        if slotCount == slotCapacity {
            let grown = UnsafeMutablePointer<LabelSlot>.allocate(capacity: slotCapacity * 2)
            grown.moveInitialize(from: slots, count: slotCount)
            slots.deallocate()
            slots = grown
            slotCapacity *= 2
        }
        (slots + slotCount).initialize(to: slot)
        slotCount += 1
    }

    private mutating func reserveScratch(_ extra: Int) {
        guard scratchCount + extra > scratchCapacity else { return }
        var capacity = scratchCapacity
        while scratchCount + extra > capacity { capacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        grown.copyMemory(from: scratch, byteCount: scratchCount)
        scratch.deallocate()
        scratch = grown
        scratchCapacity = capacity
    }
}
