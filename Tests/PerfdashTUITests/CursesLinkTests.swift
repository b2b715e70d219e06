import Testing
@testable import PerfdashTUI

@Test func linksNcursesw() {
    #expect(PerfdashTUI.cursesVersion.hasPrefix("ncurses 6"))
}
