import Foundation
@testable import PerfdashCore
@testable import PerfdashTUI
import Testing

/// The panels that gained content: the Overview's band, filesystems on Disk, pressure and limits on CPU/Memory.
@Suite("A screen that uses its space")
struct ScreenSpaceTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    @Test("Overview from 120×40: cores, top processes, filesystems and services; at 80×24 the four boxes",
          arguments: sizes)
    func overviewBand(width: Int, height: Int) {
        let canvas = KnownHost.render(.overview, width: width, height: height, model: KnownProcesses.model())
        let band = width >= 120 && height >= 40
        #expect(canvas.plainText.contains("╭ Cores") == band && canvas.plainText.contains("╭ Top processes") == band)
        #expect(canvas.plainText.contains("╭ Filesystems") == band && canvas.plainText.contains("╭ Services") == band)
        guard band else { return }
        // The busiest first, with its program's directory left out.
        let top = canvas.lines.first { $0.contains("cc1 -O2") } ?? ""
        #expect(top.contains("42") && top.contains("alice") && top.contains("100.0") && top.contains("cc1 -O2 main.c"))
        #expect(!top.contains("/usr/lib/gcc"))
        #expect(canvas.line(containing: "/dev/shm").contains("0.0%"))
        #expect(canvas.line(containing: "│ /   ").contains("63.2%"))   // 60 / (60 + 35) GiB
        #expect(!canvas.line(containing: "cpu0").isEmpty && !canvas.line(containing: "cpu1").isEmpty)
    }

    @Test("Overview's services box: with room, each service's state line then one graph row per track",
          arguments: [(120, 40), (200, 60)])
    func overviewServicesBox(width: Int, height: Int) {
        var model = KnownServices.model([KnownServices.api, KnownServices.worker])
        model.processes = KnownProcesses.all
        let canvas = KnownHost.render(.overview, width: width, height: height, model: model)
        // The state line of each service, the down one with its error.
        #expect(!canvas.line(containing: "│ api up").isEmpty, "\(canvas.plainText)")
        #expect(!canvas.line(containing: "│ worker DOWN · connection refus").isEmpty, "\(canvas.plainText)")
        // api's tracks under it, labelled (no history yet in this model: n/a).
        for track in ["l1 hit % n/a", "l2 hit % n/a", "queue high n/a"] {
            #expect(!canvas.line(containing: "│   " + track).isEmpty, "\(track)")
        }
    }

    @Test("Disk: filesystems as df (size, used, avail, use %, inodes %) and io pressure where it exists",
          arguments: sizes)
    func diskFilesystems(width: Int, height: Int) {
        let canvas = KnownHost.render(.disk, width: width, height: height, model: KnownProcesses.model())
        let root = canvas.line(containing: "│ /  ")
        #expect(root.contains("100 GiB") && root.contains("60.0 GiB") && root.contains("35.0 GiB") && root.contains("63.2%"))
        #expect(root.contains("25.0%"))   // inodes %
        #expect(canvas.line(containing: "Mounted on").contains("Device") == (width >= 90))
        #expect(canvas.line(containing: "io pressure").isEmpty)  // no /proc/pressure/io in this model
    }

    @Test("CPU: pressure and the cgroup limit; Memory: pressure and swap traffic", arguments: sizes)
    func pressure(width: Int, height: Int) {
        let cpu = KnownHost.render(.cpu, width: width, height: height, model: KnownProcesses.model())
        // Wrapped under the core bars where the column is narrow.
        let text = cpu.plainText
        for part in ["cpu pressure some 12.3% 10s", "stalled 25.0%", "cgroup CPU limit 1.50 cores", "throttled 25.0%"] {
            #expect(text.contains(part), "\(part)\n\(text)")
        }
        let memory = KnownHost.render(.memory, width: width, height: height, model: KnownProcesses.model())
        #expect(!memory.line(containing: "memory pressure full").isEmpty)
        #expect(memory.line(containing: "swap in").contains("swap in 100 pages/s · out 0 pages/s"))
    }

    @Test("the status line: a long message is cut with … and the key hints stay", arguments: sizes)
    func statusLine(width: Int, height: Int) {
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.message = String(repeating: "a long message ", count: 20)
        let canvas = KnownHost.render(.overview, width: width, height: height, state: state)
        let line = canvas.lines[height - 1]
        #expect(line.contains("…") && line.hasSuffix(width >= 100 ? "q quit  ? help " : "? help "))
        #expect(!line.contains("theme default"))
    }

    @Test("eight colours: the selection and the active tab in reverse video, not on a black background")
    func reverseOnEightColours() {
        let resolver = StyleResolver(theme: BuiltinTheme.theme, mode: .basic8)
        let selected = Style(fg: .role(.selectedFg), bg: .role(.selectedBg), attributes: .reverseWithoutColor)
        let resolved = resolver.resolve(selected)
        #expect(resolved.attributes.contains(.reverse) && resolved.bg == nil && resolved.fg == nil)
        let rich = StyleResolver(theme: BuiltinTheme.theme, mode: .indexed256).resolve(selected)
        #expect(!rich.attributes.contains(.reverse) && rich.bg != nil)
    }

    @Test("the tab bar fits 80 columns with short names and every panel")
    func tabBar() {
        let canvas = KnownHost.render(.overview, width: 80, height: 24)
        #expect(canvas.lines[0].contains("6 Proc") && canvas.lines[0].contains("8 Auto")
                && canvas.lines[0].contains("0 Fleet") && canvas.lines[0].contains(" ? "))
        #expect(TabBar.panel(atX: TabBar.layout(width: 80).last!.x, y: 0, width: 80) == .help)
    }
}
