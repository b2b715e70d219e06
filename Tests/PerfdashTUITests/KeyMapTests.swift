import Testing
@testable import PerfdashTUI

@Suite struct KeyMapTests {
    static let cases: [(Key, Action)] = [
        (.character("q"), .quit), (.character("?"), .help), (.character("h"), .help), (.function(1), .help),
        (.character("1"), .panel(1)), (.character("9"), .panel(9)), (.tab, .nextPanel), (.backTab, .previousPanel),
        (.up, .selectionUp), (.down, .selectionDown), (.character("p"), .togglePause), (.character(" "), .togglePause),
        (.character("+"), .slower), (.character("-"), .faster), (.character("w"), .cycleWindow),
        (.character("t"), .nextTheme), (.character("s"), .saveSnapshot), (.click(x: 3, y: 0), .click(x: 3, y: 0)),
        (.resize, .resize),
    ]

    @Test(arguments: cases)
    func bindings(key: Key, action: Action) {
        #expect(KeyMap.action(for: key) == action)
    }

    @Test func unboundKeysDoNothing() {
        #expect(KeyMap.action(for: .character("z")) == nil)
        #expect(KeyMap.action(for: .function(5)) == nil)
    }
}
