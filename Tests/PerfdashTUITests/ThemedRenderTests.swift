import Testing
@testable import PerfdashTUI
import PerfdashTestSupport

/// Every panel in every shipped theme and colour depth: text never lands on its own background colour, and
/// without colour the active tab and selections still stand out.
@Suite struct ThemedRenderTests {
    static let themes = ["default", "light", "high-contrast", "dusk"]

    static func theme(_ name: String) throws -> Theme {
        try ThemeLibrary(directories: [TestPaths.packageRoot.appendingPathComponent("Themes").path]).load(name)
    }

    @Test(arguments: themes, [ColorMode.truecolor, .indexed256, .basic8])
    func textIsNeverTheColourOfItsBackground(name: String, mode: ColorMode) throws {
        let resolver = StyleResolver(theme: try Self.theme(name), mode: mode)
        var resolvedStyles: [Style: ResolvedStyle] = [:]
        for panel in PanelID.allCases {
            let canvas = KnownHost.render(panel, width: 120, height: 40)
            for cell in canvas.cells where cell.scalar != 0x20 && !cell.isContinuation {
                let resolved = resolvedStyles[cell.style] ?? resolver.resolve(cell.style)
                resolvedStyles[cell.style] = resolved
                #expect(resolved.fg == nil || resolved.fg != resolved.bg,
                        "\(name) \(mode) \(panel): '\(cell.character)' invisible")
            }
        }
    }

    @Test(arguments: themes)
    func withoutColourEmphasisBecomesAttributes(name: String) throws {
        let resolver = StyleResolver(theme: try Self.theme(name), mode: .none)
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: name)
        state.selection[.disk] = 1
        let canvas = KnownHost.render(.disk, width: 80, height: 24, state: state)
        let tab = try #require(canvas.find("4 Disk"))
        let tabStyle = resolver.resolve(try #require(canvas.cell(x: tab.x, y: 0)).style)
        #expect(tabStyle.fg == nil && tabStyle.bg == nil && tabStyle.attributes.contains(.reverse))
        let row = try #require(canvas.find("nvme0n1"))
        #expect(resolver.resolve(try #require(canvas.cell(x: row.x, y: row.y)).style).attributes.contains(.reverse))
        let other = try #require(canvas.find("sda "))
        #expect(!resolver.resolve(try #require(canvas.cell(x: other.x, y: other.y)).style).attributes.contains(.reverse))
    }
}
