import Glibc

/// A single-pass parser over the bytes of a Prometheus 0.0.4 or OpenMetrics 1.0 exposition.
///
/// It walks raw bytes with pointers, interns names through `SymbolTable` (reusing the previous line's symbol when
/// the bytes repeat, which they do in grouped families), keeps label values as offsets into the input (or into a
/// scratch buffer when they had escapes) and calls the visitor once per line. Nothing is allocated per line.
struct ExpositionParser: ~Copyable {
    let format: ExpositionFormat
    let base: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    var p: UnsafePointer<UInt8>
    var lineStart: UnsafePointer<UInt8>
    var line = 1
    var symbols: SymbolTable

    var slots: UnsafeMutablePointer<LabelSlot>
    var slotCapacity = 16
    var slotCount = 0
    var scratch: UnsafeMutableRawPointer
    var scratchCapacity = 256
    var scratchCount = 0

    /// The previous sample's name bytes and symbol: grouped families repeat them line after line.
    var lastNameStart: UnsafePointer<UInt8>?
    var lastNameCount = 0
    var lastName = Symbol(0)
    /// The previous line's label names per position.
    var labelCache: UnsafeMutablePointer<NameCacheEntry>
    static let labelCacheCapacity = 16

    /// TYPE declarations seen so far, and the last name → family resolution.
    var declared: [Symbol: MetricType] = [:]
    var lastResolution: FamilyResolution?
    /// Resolutions by symbol id, each valid while `declarations` has not moved: a histogram's `_bucket`, `_sum` and
    /// `_count` lines alternate, and resolving a name again costs a dictionary lookup and a hash per suffix.
    var resolutions: [CachedResolution] = []
    /// Bumped by every TYPE line: a new declaration may change how a name seen before resolves.
    var declarations: UInt32 = 1

    struct CachedResolution {
        var declarations: UInt32
        var resolution: FamilyResolution
    }
    var sawEOF = false

    struct NameCacheEntry {
        var start: UnsafePointer<UInt8>?
        var count: Int
        var symbol: Symbol
    }

    struct FamilyResolution {
        var name: Symbol
        var family: Symbol
        var type: MetricType
        var suffix: SampleSuffix
    }

    init(_ bytes: UnsafeRawBufferPointer, format: ExpositionFormat, symbols: SymbolTable) {
        self.format = format
        let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        base = start
        end = start + bytes.count
        p = start
        lineStart = start
        self.symbols = symbols
        slots = .allocate(capacity: 16)
        scratch = .allocate(byteCount: 256, alignment: 1)
        labelCache = .allocate(capacity: Self.labelCacheCapacity)
        labelCache.initialize(repeating: NameCacheEntry(start: nil, count: 0, symbol: Symbol(0)),
                              count: Self.labelCacheCapacity)
    }

    deinit {
        slots.deallocate()
        scratch.deallocate()
        labelCache.deallocate()
    }

    /// Parses everything, calling the visitor per line; throws at the first invalid character.
    mutating func run<V: ExpositionVisitor>(_ visitor: inout V) throws(ExpositionError) {
        visitor.prepare(symbols: &symbols)
        while p < end {
            if sawEOF { throw fail(.dataAfterEOF, at: p) }
            lineStart = p
            switch p.pointee {
            case UInt8(ascii: "#"):
                try comment(&visitor)
            case UInt8(ascii: "\n"):
                if format == .openMetrics { throw fail(.emptyLine, at: p) }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if format == .openMetrics { throw fail(.expectedMetricName(found: found(at: p)), at: p) }
                skipBlanks()
                if p < end, p.pointee == UInt8(ascii: "#") {
                    try comment(&visitor)
                } else if p < end, p.pointee != UInt8(ascii: "\n") {
                    try sampleLine(&visitor)
                }
            default:
                try sampleLine(&visitor)
            }
            endLine()
        }
        if format == .openMetrics, !sawEOF { throw fail(.missingEOF, at: end) }
    }

    /// Steps over the newline that ends the current line (the handlers stop on it).
    @inline(__always)
    mutating func endLine() {
        if p < end {
            p += 1
            line += 1
            lineStart = p
        }
    }

    // MARK: Sample lines

    private mutating func sampleLine<V: ExpositionVisitor>(_ visitor: inout V) throws(ExpositionError) {
        slotCount = 0
        scratchCount = 0
        var name: Symbol?
        let nameStart = p
        if Self.isNameStart(p.pointee) {
            p += 1
            while p < end, Self.isNameChar(p.pointee) { p += 1 }
            name = internName(nameStart, p - nameStart)
        }
        var afterName = p
        if format == .prometheus { while afterName < end, Self.isBlank(afterName.pointee, .prometheus) { afterName += 1 } }
        if afterName < end, afterName.pointee == UInt8(ascii: "{") {
            p = afterName
            try labelSet(record: true, name: &name)
        } else if name == nil {
            throw fail(.expectedMetricName(found: found(at: p)), at: p)
        }
        guard let name else { throw fail(.metricNameNotSet, at: lineStart) }
        guard p < end, isBlank(p.pointee) else { throw fail(.expectedValue(found: found(at: p)), at: p) }
        p += 1
        if format == .prometheus { skipBlanks() }
        let value = try valueToken()
        let timestamp = try timestampAndExemplar()
        try checkDuplicateLabels()
        let resolution = resolve(name)
        let sample = ExpositionSample(
            name: name, family: resolution.family, type: resolution.type, suffix: resolution.suffix,
            value: value, timestamp: timestamp, line: line,
            labels: ExpositionLabels(input: UnsafeRawPointer(base), scratch: UnsafeRawPointer(scratch),
                                     slots: UnsafePointer(slots), count: slotCount))
        visitor.visitSample(sample, symbols: symbols)
    }

    /// Reads the value token at `p`.
    @inline(__always)
    private mutating func valueToken() throws(ExpositionError) -> Double {
        let start = p
        while p < end, !isDelimiter(p.pointee) { p += 1 }
        guard p > start else { throw fail(.expectedValue(found: found(at: p)), at: p) }
        guard let value = FloatParser.parse(start, p) else { throw fail(.invalidValue(text(start, p)), at: start) }
        return value
    }

    /// After the value: an optional timestamp and, in OpenMetrics, an optional exemplar; then the line must end.
    @inline(__always)
    private mutating func timestampAndExemplar() throws(ExpositionError) -> Int64? {
        if format == .prometheus {
            skipBlanks()
            guard p < end, p.pointee != UInt8(ascii: "\n") else { return nil }
            let start = p
            while p < end, !isDelimiter(p.pointee) { p += 1 }
            guard let milliseconds = FloatParser.parseInteger(start, p) else {
                throw fail(.invalidTimestamp(text(start, p)), at: start)
            }
            skipBlanks()
            guard p == end || p.pointee == UInt8(ascii: "\n") else {
                throw fail(.expectedEndOfLine(found: found(at: p)), at: p)
            }
            return milliseconds
        }
        guard p < end, p.pointee != UInt8(ascii: "\n") else { return nil }
        guard p + 1 < end, p[1] != UInt8(ascii: "\n") else {
            throw fail(.expectedEndOfLine(found: found(at: p)), at: p)
        }
        p += 1  // the single blank after the value
        var timestamp: Int64?
        if p < end, p.pointee != UInt8(ascii: "#") {
            timestamp = try openMetricsTimestamp(exemplar: false)
            guard p < end, p.pointee != UInt8(ascii: "\n") else { return timestamp }
            guard p + 1 < end, p[1] == UInt8(ascii: "#") else {
                let at = p + 1 < end && p[1] != UInt8(ascii: "\n") ? p + 1 : p
                throw fail(.expectedEndOfLine(found: found(at: at)), at: at)
            }
            p += 1
        }
        try exemplar()
        return timestamp
    }

    /// An OpenMetrics timestamp: a finite number of seconds, returned in milliseconds.
    private mutating func openMetricsTimestamp(exemplar: Bool) throws(ExpositionError) -> Int64 {
        let start = p
        while p < end, !isDelimiter(p.pointee) { p += 1 }
        guard let seconds = FloatParser.parse(start, p), seconds.isFinite,
              abs(seconds) < 9.2e15 else {
            let token = text(start, p)
            throw fail(exemplar ? .invalidExemplar("timestamp \"\(token)\"") : .invalidTimestamp(token), at: start)
        }
        return Int64((seconds * 1000).rounded())
    }

    /// ` # {labels} value [timestamp]` after an OpenMetrics sample: validated, then dropped.
    private mutating func exemplar() throws(ExpositionError) {
        guard p + 2 < end, p[1] == UInt8(ascii: " "), p[2] == UInt8(ascii: "{") else {
            throw fail(.invalidExemplar("expected \" # {\""), at: p)
        }
        p += 2
        var ignoredName: Symbol?
        try labelSet(record: false, name: &ignoredName)
        guard p < end, p.pointee == UInt8(ascii: " ") else {
            throw fail(.invalidExemplar("expected a value after the exemplar labels, found \(found(at: p))"), at: p)
        }
        p += 1
        let start = p
        while p < end, !isDelimiter(p.pointee) { p += 1 }
        guard FloatParser.parse(start, p) != nil else {
            throw fail(.invalidExemplar("value \"\(text(start, p))\""), at: start)
        }
        if p < end, p.pointee == UInt8(ascii: " ") {
            p += 1
            _ = try openMetricsTimestamp(exemplar: true)
        }
        guard p == end || p.pointee == UInt8(ascii: "\n") else {
            throw fail(.expectedEndOfLine(found: found(at: p)), at: p)
        }
    }

    // Inlined: called out of line from a `mutating` caller, the whole parser (180 bytes) was copied per line.
    @inline(__always)
    private func checkDuplicateLabels() throws(ExpositionError) {
        guard slotCount > 1 else { return }
        for later in 1..<slotCount {
            for earlier in 0..<later where slots[earlier].name == slots[later].name {
                throw fail(.duplicateLabel(symbols[slots[later].name]), at: lineStart + slots[later].nameOffset)
            }
        }
    }

    // MARK: Names and families

    @inline(__always)
    private mutating func internName(_ start: UnsafePointer<UInt8>, _ count: Int) -> Symbol {
        if count == lastNameCount, let last = lastNameStart, memcmp(last, start, count) == 0 { return lastName }
        let symbol = symbols.intern(UnsafeRawBufferPointer(start: start, count: count))
        lastNameStart = start
        lastNameCount = count
        lastName = symbol
        return symbol
    }

    /// The family a series name belongs to: itself when declared, else the declared name it extends by a suffix.
    @inline(__always)
    private mutating func resolve(_ name: Symbol) -> FamilyResolution {
        if let last = lastResolution, last.name == name { return last }
        let id = Int(name.id)
        if id < resolutions.count, resolutions[id].declarations == declarations {
            let resolution = resolutions[id].resolution
            lastResolution = resolution
            return resolution
        }
        let resolution = resolveSlowly(name)
        lastResolution = resolution
        if id >= resolutions.count {
            // Stamped 0, which `declarations` never is: empty until resolved.
            let empty = CachedResolution(declarations: 0, resolution: resolution)
            resolutions.append(contentsOf: repeatElement(empty, count: id + 1 - resolutions.count))
        }
        resolutions[id] = CachedResolution(declarations: declarations, resolution: resolution)
        return resolution
    }

    private func resolveSlowly(_ name: Symbol) -> FamilyResolution {
        if let type = declared[name] { return FamilyResolution(name: name, family: name, type: type, suffix: .none) }
        return symbols.withBytes(of: name) { bytes in
            for suffix in SampleSuffix.candidates {
                let tail = suffix.rawValue.utf8
                guard bytes.count > tail.count, bytes.suffix(tail.count).elementsEqual(tail),
                      let family = symbols.find(UnsafeRawBufferPointer(rebasing: bytes.dropLast(tail.count))),
                      let type = declared[family] else { continue }
                return FamilyResolution(name: name, family: family, type: type, suffix: suffix)
            }
            return FamilyResolution(name: name, family: name, type: .unknown, suffix: .none)
        }
    }

    // MARK: Bytes

    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 97 < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    @inline(__always)
    static func isNameChar(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte &- 48 < 10
    }

    @inline(__always)
    static func isLabelStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 97 < 26 || byte == UInt8(ascii: "_")
    }

    @inline(__always)
    static func isLabelChar(_ byte: UInt8) -> Bool {
        isLabelStart(byte) || byte &- 48 < 10
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8, _ format: ExpositionFormat) -> Bool {
        byte == UInt8(ascii: " ") || (format == .prometheus && byte == UInt8(ascii: "\t"))
    }

    @inline(__always)
    func isBlank(_ byte: UInt8) -> Bool { Self.isBlank(byte, format) }

    /// Ends a value or timestamp token.
    @inline(__always)
    func isDelimiter(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || isBlank(byte) }

    /// Skips blanks (0.0.4 allows runs of spaces and tabs between tokens; OpenMetrics has none to skip here).
    @inline(__always)
    mutating func skipBlanks() {
        guard format == .prometheus else { return }
        while p < end, Self.isBlank(p.pointee, .prometheus) { p += 1 }
    }

    func text(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: stop - start), as: UTF8.self)
    }

    /// Names the character at `at` for an error message.
    func found(at: UnsafePointer<UInt8>) -> String {
        guard at < end else { return "the end of the input" }
        switch at.pointee {
        case UInt8(ascii: "\n"): return "the end of the line"
        case UInt8(ascii: "\t"): return "a tab"
        case UInt8(ascii: " "): return "a blank"
        case let byte where byte < 0x20 || byte == 0x7f: return "byte 0x\(String(byte, radix: 16))"
        case let byte where byte < 0x80: return "\"\(Character(Unicode.Scalar(byte)))\""
        default:
            var stop = at + 1
            while stop < end, stop - at < 4, stop.pointee & 0xC0 == 0x80 { stop += 1 }
            return "\"\(text(at, stop))\""
        }
    }

    /// An error at `at`, with the column counted in characters from the start of the line.
    func fail(_ reason: ExpositionError.Reason, at: UnsafePointer<UInt8>) -> ExpositionError {
        var column = 1
        var cursor = lineStart
        while cursor < at {
            if cursor.pointee & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return ExpositionError(line: line, column: column, reason: reason)
    }
}
