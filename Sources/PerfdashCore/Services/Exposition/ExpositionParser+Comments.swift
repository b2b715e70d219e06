import Glibc

extension ExpositionParser {
    /// A line starting with `#`: HELP / TYPE (/ UNIT / EOF in OpenMetrics); any other comment is skipped in 0.0.4
    /// and refused in OpenMetrics.
    mutating func comment<V: ExpositionVisitor>(_ visitor: inout V) throws(ExpositionError) {
        p += 1
        if format == .openMetrics {
            guard p < end, p.pointee == UInt8(ascii: " ") else { throw fail(.invalidComment, at: p) }
            p += 1
            if startsWith("EOF") {
                p += 3
                guard p == end || p.pointee == UInt8(ascii: "\n") else { throw fail(.dataAfterEOF, at: p) }
                sawEOF = true
                return
            }
        } else {
            skipBlanks()
        }
        let keyword: String
        if startsWith("HELP") { keyword = "HELP" } else if startsWith("TYPE") { keyword = "TYPE" }
        else if format == .openMetrics, startsWith("UNIT") { keyword = "UNIT" }
        else {
            if format == .openMetrics { throw fail(.invalidComment, at: p) }
            skipToEndOfLine()
            return
        }
        let afterKeyword = p + 4
        guard afterKeyword < end, isBlank(afterKeyword.pointee) else {
            // `# HELPER` and `# TYPE` without a blank are plain comments in 0.0.4.
            if format == .openMetrics, afterKeyword < end, afterKeyword.pointee != UInt8(ascii: "\n") {
                throw fail(.invalidComment, at: p)
            }
            if format == .openMetrics {
                throw fail(.expectedMetadataName(keyword: keyword, found: found(at: afterKeyword)), at: afterKeyword)
            }
            skipToEndOfLine()
            return
        }
        p = afterKeyword + 1
        skipBlanks()
        let name = try metadataName(keyword: keyword)
        let metadata: ExpositionMetadata
        switch keyword {
        case "HELP": metadata = .help(name, try metadataText(keyword: keyword, unescape: true))
        case "TYPE": metadata = .type(name, try typeWord())
        default: metadata = .unit(name, try unit(of: name))
        }
        if case .type(let family, let type) = metadata {
            declared[family] = type
            lastResolution = nil
            if declarations == .max {
                resolutions.removeAll(keepingCapacity: true)
                declarations = 1
            } else {
                declarations += 1
            }
        }
        visitor.visitMetadata(metadata, symbols: symbols)
    }

    private func startsWith(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        return end - p >= count && memcmp(p, word.utf8Start, count) == 0
    }

    private mutating func skipToEndOfLine() {
        if let newline = memchr(p, Int32(UInt8(ascii: "\n")), end - p) {
            p = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self))
        } else {
            p = end
        }
    }

    private mutating func metadataName(keyword: String) throws(ExpositionError) -> Symbol {
        let start = p
        if p < end, p.pointee == UInt8(ascii: "\"") {
            scratchCount = 0
            let quoted = try quotedString()
            return symbols.intern(bytes(of: quoted))
        }
        guard p < end, Self.isNameStart(p.pointee) else {
            throw fail(.expectedMetadataName(keyword: keyword, found: found(at: p)), at: p)
        }
        while p < end, Self.isNameChar(p.pointee) { p += 1 }
        return symbols.intern(UnsafeRawBufferPointer(start: start, count: p - start))
    }

    /// The rest of the line after the name and one blank. OpenMetrics requires the blank (`# HELP m` is an error);
    /// 0.0.4 takes a missing text as empty and drops leading blanks.
    private mutating func metadataText(keyword: String, unescape: Bool) throws(ExpositionError) -> String {
        if p == end || p.pointee == UInt8(ascii: "\n") {
            if format == .openMetrics { throw fail(.expectedMetadataText(keyword: keyword), at: p) }
            return ""
        }
        guard isBlank(p.pointee) else {
            throw fail(.expectedMetadataName(keyword: keyword, found: found(at: p)), at: p)
        }
        p += 1
        skipBlanks()
        let start = p
        skipToEndOfLine()
        let raw = UnsafeBufferPointer(start: start, count: p - start)
        guard unescape, raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.count else {
                out.append(byte)
                continue
            }
            let next = raw[index]
            switch next {
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "\\"): out.append(next)
            case UInt8(ascii: "\"") where format == .openMetrics: out.append(next)
            default: out.append(contentsOf: [byte, next])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The word of a TYPE line. OpenMetrics takes the rest of the line verbatim (`counter ` is invalid).
    private mutating func typeWord() throws(ExpositionError) -> MetricType {
        let keyword = "TYPE"
        guard p < end, p.pointee != UInt8(ascii: "\n") else {
            throw fail(.expectedMetadataText(keyword: keyword), at: p)
        }
        guard isBlank(p.pointee) else { throw fail(.expectedMetadataName(keyword: keyword, found: found(at: p)), at: p) }
        p += 1
        skipBlanks()
        let start = p
        if format == .openMetrics {
            skipToEndOfLine()
        } else {
            while p < end, !isDelimiter(p.pointee) { p += 1 }
        }
        let word = UnsafeRawBufferPointer(start: start, count: p - start)
        guard let type = MetricType(word: word, format: format) else {
            throw fail(word.isEmpty ? .expectedMetadataText(keyword: keyword)
                                    : .invalidType(String(decoding: word, as: UTF8.self)), at: start)
        }
        skipBlanks()
        guard p == end || p.pointee == UInt8(ascii: "\n") else {
            throw fail(.expectedEndOfLine(found: found(at: p)), at: p)
        }
        return type
    }

    /// An OpenMetrics UNIT, which must be the suffix `_<unit>` of the metric name when not empty.
    private mutating func unit(of name: Symbol) throws(ExpositionError) -> String {
        let start = p
        let unit = try metadataText(keyword: "UNIT", unescape: false)
        let metric = symbols[name]
        guard unit.isEmpty || metric.hasSuffix("_" + unit) else {
            throw fail(.unitNotSuffix(unit: unit, metric: metric), at: start + 1)
        }
        return unit
    }
}
