import Foundation
import Testing
@testable import PerfdashTUI
import PerfdashTestSupport

@Suite struct ThemeParserTests {
    @Test func readsEveryNotationOfBtopsFormat() throws {
        let theme = try ThemeLibrary.loadFile(TestPaths.fixture("tui/btop-style.theme").path, name: "btop-style")
        #expect(theme.colors["main_bg"] == nil)                       // empty = terminal default
        #expect(theme.colors["main_fg"] == RGB(0xCC, 0xCC, 0xCC))      // "#cc" grey
        #expect(theme.colors["title"] == RGB(0xEE, 0xEE, 0xEE))        // upper-case hex
        #expect(theme.colors["hi_fg"] == RGB(144, 0, 64))             // decimal
        #expect(theme.colors["selected_bg"] == RGB(0x7E, 0x26, 0x26))
        #expect(theme.colors["proc_misc"] == RGB(0x0D, 0xE7, 0x56))    // hex without '#'
        #expect(theme.colors["temp_start"] == RGB(0x48, 0x97, 0xD4))   // single quotes
        #expect(theme.colors["cpu_mid"] == nil)
        #expect(theme.color(.graphText) == RGB(0xCC, 0xCC, 0xCC))      // falls back to main_fg
    }

    @Test func gradientsInterpolateBetweenTheirStops() throws {
        let theme = try ThemeLibrary.loadFile(TestPaths.fixture("tui/btop-style.theme").path, name: "b")
        // cpu: #50f095 = (80,240,149) → #fa1e1e = (250,30,30), no mid.
        #expect(theme.color(.cpu, level: 0) == RGB(80, 240, 149))
        #expect(theme.color(.cpu, level: 100) == RGB(250, 30, 30))
        // Half way: ((80+250)/2, (240+30)/2, (149+30)/2) = (165, 135, 89.5 → 90).
        #expect(theme.color(.cpu, level: 50) == RGB(165, 135, 90))
        // download has a mid: level 50 is the mid exactly, level 75 half way from mid (79,67,163) to end (176,169,222):
        // (127.5 → 128, 118, 192.5 → 193).
        #expect(theme.color(.download, level: 50) == RGB(0x4F, 0x43, 0xA3))
        #expect(theme.color(.download, level: 75) == RGB(128, 118, 193))
    }

    static let badFiles: [(String, Int, String)] = [
        ("bad-colour.theme", 4, "bad colour \"#12345\" for main_fg: expected #RRGGBB, #BW or \"R G B\""),
        ("bad-line.theme", 2, "expected theme[key]=\"value\", got \"color main_bg = black\""),
    ]

    @Test(arguments: badFiles)
    func aBadLineIsRefusedWithFileAndLine(file: String, line: Int, reason: String) {
        let path = TestPaths.fixture("tui/" + file).path
        #expect(throws: ThemeError(file: path, line: line, reason: reason)) {
            try ThemeLibrary.loadFile(path, name: "bad")
        }
        let error = ThemeError(file: path, line: line, reason: reason)
        #expect(error.description == "\(path):\(line): \(reason)")
    }

    @Test func outOfRangeDecimalsAndUnterminatedQuotesAreRefused() {
        #expect(ThemeParser.parseColor("256 0 0") == nil)
        #expect(ThemeParser.parseColor("#fff") == nil)
        #expect(throws: ThemeError(file: "t", line: 1, reason: "unterminated quote in value of x")) {
            try ThemeParser.parse("theme[x]=\"#ffffff", name: "t", file: "t")
        }
    }

    @Test(arguments: ["default", "light", "high-contrast", "dusk"])
    func shippedThemesLoadAndDefineTheKeysPerfdashUses(name: String) throws {
        let library = ThemeLibrary(directories: [TestPaths.packageRoot.appendingPathComponent("Themes").path])
        let theme = try library.load(name)
        // The default theme leaves main_bg empty on purpose: the terminal's own background costs no bytes.
        for role in ThemeRole.allCases where !(name == "default" && role == .mainBg) {
            #expect(theme.color(role) != nil, "\(name) lacks \(role.rawValue)")
        }
        for gradient in [GradientRole.cpu, .used, .free, .cached, .available, .download, .upload] {
            #expect(theme.colors[gradient.rawValue + "_start"] != nil, "\(name) lacks \(gradient)_start")
        }
        #expect(library.names().starts(with: ["default"]))
        #expect(Set(library.names()).isSuperset(of: ["default", "light", "high-contrast", "dusk"]))
    }

    @Test func theBuiltInDefaultIsTheShippedFile() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("Themes/default.theme").path
        let shipped = try ThemeLibrary.loadFile(path, name: "default")
        #expect(shipped == BuiltinTheme.theme)
        #expect(BuiltinTheme.theme.colors.count > 20)
        // No directories at all: the built-in default still loads, anything else names what was searched.
        #expect(try ThemeLibrary(directories: []).load("default") == BuiltinTheme.theme)
        #expect(throws: ThemeError.self) { try ThemeLibrary(directories: []).load("nope") }
    }

    @Test(arguments: [("dir/ocean.theme", "ocean"), ("a.b.theme", "a.b"), ("/t/.hidden", ".hidden"),
                      ("x/plain", "plain"), ("x/y.theme/", "y")])
    func aThemeFileIsNamedAfterItsFile(path: String, name: String) {
        #expect(ThemeLibrary.themeName(ofPath: path) == name)
    }

    @Test func standardDirectoriesHonourTheEnvironment() {
        let library = ThemeLibrary.standard(explicitDirectory: nil,
                                            environment: ["PERFDASH_THEMES_DIR": "/x", "HOME": "/home/u"],
                                            executablePath: "/nonexistent/bin/perfdash", workingDirectory: "/w")
        #expect(library.directories == ["/x", "/home/u/.config/perfdash/themes", "/home/u/.local/share/perfdash/themes",
                                        "/w/Themes"])
        let xdg = ThemeLibrary.standard(explicitDirectory: "/cli",
                                        environment: ["XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"],
                                        executablePath: "/nonexistent/bin/perfdash", workingDirectory: "/w")
        #expect(xdg.directories == ["/cli", "/cfg/perfdash/themes", "/data/perfdash/themes", "/w/Themes"])
        // Next to the binary, and <prefix>/share/perfdash/themes for an installed one; a directory found twice once.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for dir in ["bin/Themes", "share/perfdash/themes"] {
            try? FileManager.default.createDirectory(at: scratch.appendingPathComponent(dir),
                                                     withIntermediateDirectories: true)
        }
        let installed = ThemeLibrary.standard(explicitDirectory: nil, environment: [:],
                                              executablePath: scratch.path + "/bin/perfdash",
                                              workingDirectory: scratch.path + "/bin")
        let resolved = scratch.resolvingSymlinksInPath().path
        #expect(installed.directories.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == [resolved + "/bin/Themes", resolved + "/share/perfdash/themes"], "\(installed.directories)")
    }
}

@Suite struct ColorMappingTests {
    static let cube: [(RGB, Int)] = [
        (RGB(255, 0, 0), 196),      // cube (5,0,0): 16 + 36·5
        (RGB(128, 128, 128), 244),  // grey ramp 8 + 10·12 = 128 exactly: 232 + 12
        (RGB(95, 175, 215), 74),    // cube (1,3,4): 16 + 36 + 18 + 4
        (RGB(17, 20, 26), 233),     // grey 18: 1² + 2² + 8² = 69, beats grey 28 (189) and black (1365)
        (RGB(217, 138, 90), 173),   // cube (4,2,1) = (215,135,95): 2² + 3² + 5² = 38
    ]

    static let basic: [(RGB, Int)] = [
        (RGB(17, 20, 26), 0),       // black: 17² + 20² + 26² = 1365
        (RGB(247, 247, 243), 7),    // white (229,229,229): 18² + 18² + 14² = 844
        (RGB(224, 108, 117), 5),    // magenta (205,0,205): 19² + 108² + 88² = 19769 < yellow 23459 < red 25714
    ]

    @Test(arguments: cube)
    func nearest256(color: RGB, index: Int) {
        #expect(ColorMapper.nearest256(color) == index)
    }

    @Test(arguments: basic)
    func nearest8(color: RGB, index: Int) {
        #expect(ColorMapper.nearest8(color) == index)
    }

    @Test func modeDetection() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], terminalColors: 256, hasColors: true) == .none)
        #expect(ColorMode.detect(environment: ["NO_COLOR": ""], terminalColors: 256, hasColors: true) == .indexed256)
        #expect(ColorMode.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 1 << 24, hasColors: true)
            == .truecolor)
        // COLORTERM claims truecolor but the terminal description has 256: it cannot, so 256.
        #expect(ColorMode.detect(environment: ["COLORTERM": "24bit"], terminalColors: 256, hasColors: true)
            == .indexed256)
        #expect(ColorMode.detect(environment: [:], terminalColors: 8, hasColors: true) == .basic8)
        #expect(ColorMode.detect(environment: [:], terminalColors: 0, hasColors: false) == .none)
    }

    @Test func resolverKeepsTextVisibleInEightColoursAndUsesAttributesWithout() {
        let theme = BuiltinTheme.theme
        // inactive_fg #555c68 → black (26505 < blue 33645), the same as main_bg #11141a → black: text turns white.
        let dark = Theme(name: "t", colors: ["main_bg": RGB(0x11, 0x14, 0x1A), "inactive_fg": RGB(0x55, 0x5C, 0x68)])
        let dim = StyleResolver(theme: dark, mode: .basic8).resolve(Style.plain.fg(.inactiveFg))
        #expect(dim.fg == 7 && dim.bg == 0)
        let mono = StyleResolver(theme: theme, mode: .none)
            .resolve(Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: .reverseWithoutColor))
        #expect(mono == ResolvedStyle(fg: nil, bg: nil, attributes: .reverse))
        let color = StyleResolver(theme: theme, mode: .truecolor).resolve(Style.plain)
        #expect(color.fg == 0xC5CAD3 && color.bg == nil) // the default theme keeps the terminal's background
        #expect(color.attributes.isEmpty)
    }

    @Test func asciiDetection() {
        #expect(Glyphs.asciiOnly(environment: ["LANG": "C.UTF-8"], forced: false) == false)
        #expect(Glyphs.asciiOnly(environment: ["LANG": "C.UTF-8", "TERM": "linux"], forced: false))
        #expect(Glyphs.asciiOnly(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "C"], forced: false))
        #expect(Glyphs.asciiOnly(environment: ["LC_CTYPE": "de_DE.utf8"], forced: false) == false)
        #expect(Glyphs.asciiOnly(environment: ["LANG": "C.UTF-8"], forced: true))
    }
}
