import Foundation
@testable import PerfdashCore
@testable import PerfdashTUI
import Testing

/// One number format: every percentage on every panel is written `92.5%` (as htop and btop write it), never
/// `92.5 %`.
@Suite struct PercentFormatTests {
    /// A digit, a space, then `%`: the form no panel may show.
    static let spaced = try! NSRegularExpression(pattern: "[0-9] %")

    @Test("no panel writes a percentage with a space before %", arguments: PopupTests.sizes)
    func everyPanel(width: Int, height: Int) {
        var model = PopupTests.model()
        model.autoscalers.append(AutoscalerFixture.target())
        var screens: [(String, Canvas)] = []
        for panel in PanelID.allCases {
            var state = PopupTests.state(panel)
            screens.append(("\(panel)", PopupTests.render(state, model, width: width, height: height)))
            if DetailText.hasDetail(panel) {
                state.popup = DetailText.popup(model, state: state)
                screens.append(("\(panel) pop-up", PopupTests.render(state, model, width: width, height: height)))
            }
        }
        var detail = PopupTests.state(.services)
        detail.serviceDetail = true
        screens.append(("service detail", PopupTests.render(detail, model, width: width, height: height)))
        var percentages = 0
        for (name, canvas) in screens {
            let text = canvas.plainText
            let range = NSRange(text.startIndex..., in: text)
            #expect(Self.spaced.firstMatch(in: text, range: range) == nil, "\(name):\n\(text)")
            percentages += text.filter { $0 == "%" }.count
        }
        // The scan saw percentages: hit rates, reasons, alert values, evidence.
        #expect(percentages > 20)
        let all = screens.map { $0.1.plainText }.joined()
        for expected in ["l2 62.5%", "97.0% > 95%", "CPU busy avg 97.0% (≥ 90%)"] {
            #expect(all.contains(expected), "\(expected)")
        }
    }

    @Test("one formatter: measured with one decimal, configured as written, hostile values refused")
    func formatter() {
        #expect(PercentText.measured(92.5) == "92.5%" && PercentText.measured(90) == "90.0%")
        #expect(PercentText.measured(0.05) == "0.1%" && PercentText.measured(-0.04) == "0.0%")
        #expect(PercentText.measured(nil) == "n/a" && PercentText.measured(.nan) == "n/a")
        #expect(PercentText.measured(.infinity) == "n/a" && PercentText.measured(1e300).hasSuffix("%"))
        #expect(PercentText.configured(85) == "85%" && PercentText.configured(12.5) == "12.5%")
        #expect(Humanize.percent(62.5) == "62.5%")
        #expect(CacheReport(CacheMetrics(name: "l1", hits: 9, misses: 1, hitRate: 0.9, evictions: nil,
                                         expirations: nil)).hitRateText == "90.0%")
        #expect(PercentText.joined("83.2", unit: "%") == "83.2%" && PercentText.joined("12", unit: "ms") == "12 ms")
        // Hostile figures in a pop-up's text never trap.
        #expect(Humanize.elapsed(seconds: .infinity) == "∞" && Humanize.elapsed(seconds: .nan) == "n/a")
        #expect(Humanize.fixed(1e300, 1) == "1e+300" && Humanize.elapsed(seconds: 90) == "1 min 30 s")
    }
}
