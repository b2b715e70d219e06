import PerfdashCore
import Testing
@testable import PerfdashTUI

@Suite struct AutoscalerPanelTests {
    @Test func dump() {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            print(AutoscalerFixture.render([AutoscalerFixture.cooldown()], width: w, height: h).plainText)
        }
        print(AutoscalerFixture.render([AutoscalerFixture.up(), AutoscalerFixture.target()], width: 80, height: 24).plainText)
        print(AutoscalerFixture.render([AutoscalerFixture.noData(), AutoscalerFixture.target(), AutoscalerFixture.up(name: "x")], width: 80, height: 24, context: RenderContext(glyphs: .ascii)).plainText)
        print(AutoscalerFixture.render([], width: 80, height: 24).plainText)
        print(AutoscalerPanel.summary([AutoscalerFixture.up(), AutoscalerFixture.cooldown(name: "w")]))
    }
}
