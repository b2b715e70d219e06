import Testing
@testable import PerfdashCore

/// The parser gives every key and value its line and column, through TOML's harder corners.
@Suite struct TOMLPositionTests {
    static let tricky = #"""
        # comment with [brackets] and "quotes" and key = value
        title = """
        a "multi-line" string with [brackets], # not a comment
        and = signs \"""
        still inside ""
        """
        literal = '''
        C:\path\ ''' # trailing comment
        "quoted.key" = 1
        'literal key' = 2
        dotted . inner = { x = [1, { y = "}" }], z = 'a,b' }
        crlf = 1
        list = [
          "a", # comment
          [2, 3],
          { k = "v" },
        ]
        when = 1979-05-27 07:32:00
        unicode = "ñ€😀"; after = 1
        [[fruit]]
        name = "apple"
        [fruit.physical]
        color = "red"
        [[fruit.variety]]
        name = "red delicious"
        [[fruit.variety]]
        name = "granny smith"
        [[fruit]]
        name = "banana"
        [[fruit.variety]]
        name = "plantain"
        """#.replacingOccurrences(of: "; after = 1", with: "").replacingOccurrences(of: "crlf = 1\n", with: "crlf = 1\r\n")

    /// Every key path in the parsed tree.
    static func paths(_ table: ConfigTable, prefix: [ConfigPathComponent] = []) -> [[ConfigPathComponent]] {
        table.entries.flatMap { entry in
            let path = prefix + [.key(entry.key)]
            return [path] + paths(entry.value, prefix: path)
        }
    }

    static func paths(_ value: ConfigValue, prefix: [ConfigPathComponent]) -> [[ConfigPathComponent]] {
        switch value.content {
        case .table(let table): return paths(table, prefix: prefix)
        case .array(let elements):
            return elements.enumerated().flatMap { offset, element in
                [prefix + [.index(offset)]] + paths(element, prefix: prefix + [.index(offset)])
            }
        default: return []
        }
    }

    @Test func everyKeyIsFound() throws {
        let root = try ConfigDocument.parse(Self.tricky, file: "t.toml")
        let all = Self.paths(root)
        // 21 paths above [[fruit]] (x, list and their elements included), 10 in the first fruit, 5 in the second.
        #expect(all.count == 36)
        // Every path resolves to a place other than the fallback (1:1 is only the comment's line).
        let positions = ConfigPositions(root: root)
        let unplaced = all.filter { positions.position(of: $0).line == 1 }
        #expect(unplaced.isEmpty)
    }

    @Test func positionsAreExact() throws {
        let positions = ConfigPositions(root: try ConfigDocument.parse(Self.tricky, file: "t.toml"))
        func at(_ path: [ConfigPathComponent]) -> String {
            let p = positions.position(of: path)
            return "\(p.line):\(p.column)"
        }
        #expect(at([.key("quoted.key")]) == "9:16")
        #expect(at([.key("literal key")]) == "10:17")
        // `dotted . inner = { x = [1, { y = "}" }], z = 'a,b' }`: y's value at 34, z's at 46.
        #expect(at([.key("dotted"), .key("inner"), .key("x"), .index(1), .key("y")]) == "11:34")
        #expect(at([.key("dotted"), .key("inner"), .key("z")]) == "11:46")
        #expect(at([.key("crlf")]) == "12:8")
        #expect(at([.key("list"), .index(2), .key("k")]) == "16:9")
        #expect(at([.key("when")]) == "18:8")
        #expect(at([.key("fruit"), .index(0), .key("variety"), .index(1), .key("name")]) == "27:8")
        #expect(at([.key("fruit"), .index(1), .key("variety"), .index(0), .key("name")]) == "31:8")
        #expect(at([.key("fruit"), .index(0), .key("physical"), .key("color")]) == "23:9")
        #expect(positions.keyPosition(of: [.key("unicode")]) == SourcePosition(file: "t.toml", line: 19, column: 1))
    }
}
