import Testing
@testable import PerfdashTUI

@Suite struct WrapTests {
    @Test func aNumberKeepsItsUnitOnItsLine() {
        // "connection refused · down 6 s" at 26 columns: without the rule the break falls between "6" and "s".
        #expect(PanelKit.wrap("connection refused · down 6 s", width: 27)
            == ["connection refused · down", "6 s"])
        #expect(PanelKit.wrap("read 3.1 MiB/s now", width: 12) == ["read", "3.1 MiB/s", "now"])
        #expect(PanelKit.wrap("at -12 % of", width: 6) == ["at", "-12 %", "of"])
    }

    @Test func wordsThatAreNotUnitsStillBreak() {
        // A long word after a number, a separator and a number after a number are words of their own.
        #expect(PanelKit.wrap("5 replicas", width: 6) == ["5", "replicas"])
        #expect(PanelKit.wrap("1 · 2", width: 2) == ["1", "·", "2"])
        #expect(PanelKit.wrap("10 20", width: 3) == ["10", "20"])
        #expect(PanelKit.wrap("v2 s", width: 3) == ["v2", "s"])
    }

    @Test func indentAndLeadingSpacesAreKept() {
        #expect(PanelKit.wrap("  • up 80 % for 2 min", width: 11, indent: 4) == ["  • up 80 %", "    for", "    2 min"])
    }
}
