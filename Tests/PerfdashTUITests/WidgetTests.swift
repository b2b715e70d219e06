import Testing
@testable import PerfdashTUI

@Suite struct HumanizeTests {
    static let byteCases: [(Double, String)] = [
        (0, "0 B"), (1023, "1023 B"), (1536, "1.50 KiB"), (10 * 1_048_576, "10.0 MiB"),
        (512 * 1_073_741_824, "512 GiB"), (1.5 * 1_099_511_627_776, "1.50 TiB"),
    ]

    @Test(arguments: byteCases)
    func bytes(value: Double, expected: String) {
        #expect(Humanize.bytes(value) == expected)
    }

    @Test func countsPercentsAndDurations() {
        #expect(Humanize.count(950) == "950")
        #expect(Humanize.count(1200) == "1.20k")       // 1200 / 1000
        #expect(Humanize.count(45_000_000) == "45.0M")
        #expect(Humanize.count(12.5) == "12.5")
        #expect(Humanize.percent(42.25) == "42.3%")    // 422.5 rounds away from zero
        #expect(Humanize.percent(nil) == "n/a")
        #expect(Humanize.percent(.nan) == "n/a")
        #expect(Humanize.duration(seconds: 0.25) == "250ms")
        #expect(Humanize.duration(seconds: 2) == "2s")
        #expect(Humanize.duration(seconds: 300) == "5m")
        #expect(Humanize.bytes(-5) == "0 B" && Humanize.bytes(.nan) == "n/a" && Humanize.bytes(1023.4) == "1023 B")
        #expect(Humanize.count(-999) == "-999" && Humanize.count(.infinity) == "n/a")
        // A server's bad timestamps can make any span: never a trap.
        #expect([Double.nan, .infinity, -.infinity, -1].map { Humanize.duration(seconds: $0) } == ["n/a", "n/a", "n/a", "n/a"])
        #expect(Humanize.duration(seconds: 1e300) == "\(Int.max)m")
        // A maximum near zero under a huge value: the ratio overflows to +∞ and saturates at the last cell or level.
        #expect(Graph.levelCount(1e300, maximum: 1e-300, total: 8) == 8)
        #expect(MetricScales.column(1e300, maximum: 1e-300, width: 10) == 9)
        #expect(Humanize.rate(2048) == "2.00 KiB/s")
    }
}

@Suite struct MeterTests {
    @Test func fillsTheFractionAndColoursAlongTheGradient() throws {
        var canvas = Canvas(width: 10, height: 1)
        Meter.draw(&canvas, x: 0, y: 0, width: 10, fraction: 0.3, gradient: .cpu, context: RenderContext())
        #expect(canvas.text(row: 0) == "■■■■■■■■■■")
        let third = try #require(canvas.cell(x: 2, y: 0))
        #expect(third.style.fg == .gradient(.cpu, level: 30))   // cell 3 of 10
        #expect(canvas.cell(x: 3, y: 0)?.style.fg == .role(.meterBg))
    }

    @Test func withoutColourTheEmptyPartHasItsOwnCharacter() {
        var canvas = Canvas(width: 4, height: 1)
        Meter.draw(&canvas, x: 0, y: 0, width: 4, fraction: 0.5, gradient: .cpu,
                   context: RenderContext(color: false))
        #expect(canvas.text(row: 0) == "■■··")
        var ascii = Canvas(width: 4, height: 1)
        Meter.draw(&ascii, x: 0, y: 0, width: 4, fraction: 0.75, gradient: .cpu,
                   context: RenderContext(glyphs: .ascii, color: false))
        #expect(ascii.text(row: 0) == "###.")
    }
}

@Suite struct GraphTests {
    @Test func brailleFillsFromTheBottomTwoSamplesPerCell() {
        var canvas = Canvas(width: 3, height: 1)
        // Slots 0,1 in column 0: 100 % fills 4 dots (⡇ = 0x47), 50 % fills 2 dots (⢠ = 0xA0). Column 1 is the gap.
        Graph.draw(&canvas, Rect(x: 0, y: 0, width: 3, height: 1), series: Series([100, 50]), scale: .fixed(100),
                   gradient: .cpu, context: RenderContext())
        #expect(canvas.text(row: 0) == "\u{28E7}  ") // 0x47 | 0xA0 = 0xE7
    }

    @Test func blockAndAsciiStyles() {
        var block = Canvas(width: 4, height: 2)
        // 2 rows × 8 levels = 16; 50 % = 8 levels: bottom cell full, top empty. 25 % = 4 levels: ▄.
        Graph.draw(&block, block.bounds, series: Series([50, 25]), scale: .fixed(100), gradient: .cpu,
                   context: RenderContext(graphStyle: .block))
        #expect(block.lines == ["    ", "█▄  "])
        var ascii = Canvas(width: 3, height: 1)
        Graph.draw(&ascii, ascii.bounds, series: Series([100, 40]), scale: .fixed(100), gradient: .cpu,
                   context: RenderContext(graphStyle: .ascii))
        #expect(ascii.text(row: 0) == ":. ") // 40 % of 2 levels = 0.8 → 1 level
    }

    @Test func aSweepChangesOnlyTheNewColumnAndTheCursorGap() {
        let context = RenderContext(graphStyle: .block)
        var values = (0..<50).map { Double(($0 * 37) % 100) }
        var before = Canvas(width: 20, height: 4)
        Graph.draw(&before, before.bounds, series: Series(values), scale: .fixed(100), gradient: .cpu,
                   context: context)
        values.append(77)
        var after = Canvas(width: 20, height: 4)
        Graph.draw(&after, after.bounds, series: Series(values), scale: .fixed(100), gradient: .cpu,
                   context: context)
        var changedColumns = Set<Int>()
        for y in 0..<4 { for x in 0..<20 where before.cell(x: x, y: y) != after.cell(x: x, y: y) {
            changedColumns.insert(x)
        } }
        // Sample 50 lands in column 50 mod 20 = 10; the gap moves to column 11.
        #expect(changedColumns == [10, 11])
    }

    @Test func anyPositiveValueShowsAtLeastOneLevel() {
        #expect(Graph.levelCount(0.01, maximum: 100, total: 40) == 1)
        #expect(Graph.levelCount(0, maximum: 100, total: 40) == 0)
        #expect(Graph.levelCount(250, maximum: 100, total: 40) == 40)
    }

    @Test func autoScaleStepsInPowersOfTwo() {
        #expect(GraphScale.autoPowerOfTwo(floor: 1024).maximum(for: [100.0, 3000]) == 4096)
        #expect(GraphScale.autoPowerOfTwo(floor: 1024).maximum(for: [Double]()) == 1024)
    }
}

@Suite struct TableTests {
    @Test func columnsAlignAndTheSelectionIsHighlighted() throws {
        var canvas = Canvas(width: 24, height: 4)
        let columns = [TableColumn("Device", width: 0, alignment: .left), TableColumn("Read/s", width: 10)]
        Table.draw(&canvas, canvas.bounds, columns: columns, rows: [["sda", "1.50 KiB/s"], ["nvme0n1", "0 B/s"]],
                   selection: 1, context: RenderContext())
        // Device takes 24 − 10 − 1 = 13 columns.
        #expect(canvas.lines[0] == "Device            Read/s")
        #expect(canvas.lines[1] == "sda           1.50 KiB/s")
        #expect(canvas.lines[2] == "nvme0n1            0 B/s")
        let selected = try #require(canvas.cell(x: 0, y: 2))
        #expect(selected.style.bg == .role(.selectedBg))
        #expect(selected.style.attributes.contains(.reverseWithoutColor))
    }

    @Test func theSelectionScrollsIntoView() {
        var canvas = Canvas(width: 10, height: 3)
        let rows = (0..<10).map { ["row\($0)"] }
        let first = Table.draw(&canvas, canvas.bounds, columns: [TableColumn("Name", width: 0, alignment: .left)],
                               rows: rows, selection: 7, context: RenderContext())
        #expect(first == 6) // two visible rows ending at 7
        #expect(canvas.lines[2].hasPrefix("row7"))
    }

    @Test func longTextIsCutWithAMark() {
        var canvas = Canvas(width: 6, height: 2)
        Table.draw(&canvas, canvas.bounds, columns: [TableColumn("If", width: 6, alignment: .left)],
                   rows: [["enp0s31f6"]], selection: nil, context: RenderContext())
        #expect(canvas.lines[1] == "enp0s…")
    }
}
