import Testing
@testable import PerfdashTUI

@Suite struct CanvasTests {
    @Test func textIsClippedAtTheRightEdgeAndReadBack() {
        var canvas = Canvas(width: 8, height: 2)
        let written = canvas.put("perfdash rocks", x: 2, y: 1)
        #expect(written == 6) // columns 2…7
        #expect(canvas.text(row: 1) == "  perfda")
        #expect(canvas.text(row: 0) == "        ")
    }

    @Test func writesOutsideTheCanvasAreIgnored() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("abc", x: -2, y: 0)  // only "c" lands, in column 0
        canvas.put("zzz", x: 0, y: 5)
        canvas.set("x", x: 9, y: 0, style: .plain)
        #expect(canvas.text(row: 0) == "c  ")
    }

    @Test func limitAndClipRectangleStopText() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("abcdef", x: 0, y: 0, limit: 3)
        canvas.put("XYZ", x: 5, y: 0, clip: Rect(x: 6, y: 0, width: 1, height: 1))
        #expect(canvas.text(row: 0) == "abc   Y   ")
    }

    @Test func wideCharactersTakeTwoCellsAndDoNotSplitAtTheEdge() throws {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("日本語", x: 0, y: 0) == 4) // the third does not fit in one remaining column
        let first = try #require(canvas.cell(x: 0, y: 0))
        #expect(first.width == 2)
        #expect(canvas.cell(x: 1, y: 0)?.isContinuation == true)
        #expect(canvas.text(row: 0) == "日本 ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("日本", x: 0, y: 0)
        canvas.put("a", x: 1, y: 0) // the right half of 日
        #expect(canvas.text(row: 0) == " a本")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("e\u{301}x", x: 0, y: 0) == 2)
        #expect(canvas.text(x: 0, y: 0, count: 1) == "e\u{301}")
    }

    @Test func controlCharactersBecomeAPlaceholder() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("a\u{7}b", x: 0, y: 0)
        #expect(canvas.text(row: 0) == "a?b")
    }

    @Test func rightAlignmentEndsAtTheEdge() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.putRight("42%", rightEdge: 10, y: 0)
        #expect(canvas.text(row: 0) == "       42%")
    }

    @Test func findReportsCellColumnsNotCharacterOffsets() throws {
        var canvas = Canvas(width: 10, height: 2)
        canvas.put("日x CPU", x: 0, y: 1)
        let hit = try #require(canvas.find("CPU"))
        #expect(hit.x == 4 && hit.y == 1) // 日 is two columns, then "x", then a space
    }

    @Test func aZeroSizedCanvasAcceptsEverything() {
        var canvas = Canvas(width: 0, height: 0)
        canvas.put("x", x: 0, y: 0)
        canvas.fill(Rect(x: -5, y: -5, width: 50, height: 50), with: "#")
        #expect(canvas.lines.isEmpty)
    }

    @Test func characterWidths() {
        #expect(CharacterWidth.of("a") == 1)
        #expect(CharacterWidth.of("⣿") == 1)   // braille
        #expect(CharacterWidth.of("█") == 1)
        #expect(CharacterWidth.of("漢") == 2)
        #expect(CharacterWidth.of("😀") == 2)
        #expect(CharacterWidth.of("ｗ") == 2)   // fullwidth Latin
        #expect(CharacterWidth.of("abc 漢字") == 8)
    }
}
