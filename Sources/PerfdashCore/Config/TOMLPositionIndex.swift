/// One step in the path to a TOML value: a key, or an index into an array (arrays of tables included).
public enum ConfigPathComponent: Hashable, Sendable {
    /// A table key.
    case key(String)
    /// A 0-based array index (`[[service]]` entries are indices too).
    case index(Int)
}

/// Line and column of any key path in a config text, for parsers that report errors by key path.
///
/// `position(of: [.key("autoscaler"), .index(1), .key("cooldown")])` gives where the second autoscaler's cooldown
/// value starts; a path the text does not spell out (a default, a missing key) falls back to its nearest ancestor.
public struct ConfigPositions: Sendable {
    private let index: TOMLPositionIndex
    private let file: String

    /// Scans `text` (which should already have parsed as TOML).
    public init(text: String, file: String) {
        self.index = TOMLPositionIndex(text: text, file: file)
        self.file = file
    }

    /// Where the value at `path` starts, or its nearest written ancestor, or 1:1.
    public func position(of path: [ConfigPathComponent]) -> SourcePosition {
        var path = path
        while !path.isEmpty {
            if let entry = index[path] { return entry.value }
            path.removeLast()
        }
        return SourcePosition(file: file, line: 1, column: 1)
    }

    /// Where the key at `path` is written (for unknown-key errors), with the same fallback.
    public func keyPosition(of path: [ConfigPathComponent]) -> SourcePosition {
        index[path]?.key ?? position(of: path)
    }
}

/// Where each key and value of a TOML document starts, found by scanning the text.
///
/// TOMLKit reports line and column for syntax errors only; its values carry no position. The document has already
/// been accepted by TOMLKit when this runs, so the scan only needs to follow the structure — table headers, arrays of
/// tables, dotted keys, inline tables, arrays, strings — not to validate it.
struct TOMLPositionIndex: Sendable {
    /// Position of a key (or a table header) and of its value.
    struct Entry: Equatable, Sendable {
        var key: SourcePosition
        var value: SourcePosition
    }

    private(set) var entries: [[ConfigPathComponent]: Entry] = [:]
    private var cursor: Cursor
    private let file: String
    private var table: [ConfigPathComponent] = []
    private var arrayTableCounts: [[ConfigPathComponent]: Int] = [:]

    init(text: String, file: String) {
        self.cursor = Cursor(Array(text.unicodeScalars))
        self.file = file
        scanDocument()
    }

    /// The entry recorded for `path`, if the text named it.
    subscript(path: [ConfigPathComponent]) -> Entry? { entries[path] }

    private var here: SourcePosition { SourcePosition(file: file, line: cursor.line, column: cursor.column) }

    private mutating func scanDocument() {
        while !cursor.atEnd {
            skipTrivia(newlines: true)
            guard let c = cursor.peek() else { return }
            let before = cursor.index
            if c == "[" { scanHeader() } else { scanKeyValue(in: table) }
            // Text TOMLKit accepted always moves the scan on; this only guards against a construct missed here.
            if cursor.index == before { cursor.advance() }
        }
    }

    private mutating func scanHeader() {
        let start = here
        cursor.advance()
        let isArray = cursor.peek() == "["
        if isArray { cursor.advance() }
        let keys = scanKey()
        while let c = cursor.peek(), c != "\n" { cursor.advance() }
        var resolved: [ConfigPathComponent] = []
        for (offset, key) in keys.enumerated() {
            resolved.append(.key(key))
            // A prefix that is an array of tables means its latest element.
            if offset < keys.count - 1 || !isArray, let count = arrayTableCounts[resolved] {
                resolved.append(.index(count - 1))
            }
        }
        if isArray {
            let count = arrayTableCounts[resolved, default: 0]
            arrayTableCounts[resolved] = count + 1
            record(resolved, key: start, value: start)
            resolved.append(.index(count))
        }
        record(resolved, key: start, value: start)
        table = resolved
    }

    private mutating func scanKeyValue(in base: [ConfigPathComponent]) {
        let keyStart = here
        let keys = scanKey()
        skipTrivia(newlines: false)
        if cursor.peek() == "=" { cursor.advance() }
        skipTrivia(newlines: false)
        var path = base
        for key in keys.dropLast() {
            path.append(.key(key))
            if entries[path] == nil { record(path, key: keyStart, value: keyStart) }
        }
        path.append(.key(keys.last ?? ""))
        scanValue(at: path, key: keyStart)
    }

    private mutating func scanValue(at path: [ConfigPathComponent], key: SourcePosition) {
        let start = here
        record(path, key: key, value: start)
        switch cursor.peek() {
        case "\"", "'":
            scanString()
        case "[":
            cursor.advance()
            var index = 0
            while true {
                skipTrivia(newlines: true)
                guard let c = cursor.peek(), c != "]" else { cursor.advance(); return }
                if c == "," { cursor.advance(); continue }
                let before = cursor.index
                scanValue(at: path + [.index(index)], key: here)
                index += 1
                if cursor.index == before { cursor.advance() }
            }
        case "{":
            cursor.advance()
            while true {
                skipTrivia(newlines: true)
                guard let c = cursor.peek(), c != "}" else { cursor.advance(); return }
                if c == "," { cursor.advance(); continue }
                let before = cursor.index
                scanKeyValue(in: path)
                if cursor.index == before { cursor.advance() }
            }
        default:
            while let c = cursor.peek(), !",]}\n#".unicodeScalars.contains(c) { cursor.advance() }
        }
    }

    /// Reads a dotted key (bare, "basic" or 'literal' parts) and returns its parts unescaped.
    private mutating func scanKey() -> [String] {
        var parts: [String] = []
        while true {
            skipTrivia(newlines: false)
            switch cursor.peek() {
            case "\"", "'": parts.append(scanString())
            default:
                var bare = ""
                while let c = cursor.peek(), c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                    bare.unicodeScalars.append(c)
                    cursor.advance()
                }
                parts.append(bare)
            }
            skipTrivia(newlines: false)
            guard cursor.peek() == "." else { return parts }
            cursor.advance()
        }
    }

    /// Reads any of TOML's four string forms and returns the content (escapes decoded for basic strings).
    @discardableResult
    private mutating func scanString() -> String {
        let quote = cursor.peek() ?? "\""
        let multiline = cursor.peek(offset: 1) == quote && cursor.peek(offset: 2) == quote
        cursor.advance(by: multiline ? 3 : 1)
        var content = ""
        while let c = cursor.peek() {
            if c == quote, !multiline || (cursor.peek(offset: 1) == quote && cursor.peek(offset: 2) == quote) {
                cursor.advance(by: multiline ? 3 : 1)
                // A multi-line string may end in up to two more quotes that belong to its content.
                while multiline, cursor.peek() == quote { cursor.advance() }
                return content
            }
            if c == "\\", quote == "\"" {
                cursor.advance()
                content.unicodeScalars.append(decodeEscape())
                continue
            }
            if c == "\n", !multiline { return content }
            content.unicodeScalars.append(c)
            cursor.advance()
        }
        return content
    }

    private mutating func decodeEscape() -> Unicode.Scalar {
        guard let c = cursor.peek() else { return "\\" }
        cursor.advance()
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "e": return "\u{1B}"
        case "u", "U":
            var hex = ""
            for _ in 0..<(c == "u" ? 4 : 8) {
                guard let h = cursor.peek(), h.properties.isASCIIHexDigit else { break }
                hex.unicodeScalars.append(h)
                cursor.advance()
            }
            return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
        default: return c
        }
    }

    private mutating func skipTrivia(newlines: Bool) {
        while let c = cursor.peek() {
            if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                cursor.advance()
            } else if c == "#" {
                while let d = cursor.peek(), d != "\n" { cursor.advance() }
            } else {
                return
            }
        }
    }

    private mutating func record(_ path: [ConfigPathComponent], key: SourcePosition, value: SourcePosition) {
        entries[path] = Entry(key: key, value: value)
    }
}

/// Walks Unicode scalars keeping line and column.
private struct Cursor: Sendable {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { index >= scalars.count }

    func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
    }
}
