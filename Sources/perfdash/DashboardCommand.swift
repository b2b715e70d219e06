import ArgumentParser
import Foundation
import PerfdashCore
import PerfdashTUI

/// `perfdash` (the default subcommand): the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (what `perfdash` runs by default).",
        discussion: """
            Keys: q quit, ? help, 1-8 panels, Tab/Shift-Tab, arrows select, p pause, +/- interval, w window, \
            t theme, s save a snapshot. Themes are looked up in --themes-dir or $PERFDASH_THEMES_DIR, then \
            ~/.config/perfdash/themes, then the Themes/ folder shipped with perfdash; --theme also takes a path.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Theme name or path to a btop-format .theme file.", valueName: "name|path"))
    var theme: String = "default"

    @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Extra directory searched first for themes.",
                                                                valueName: "dir"))
    var themesDirectory: String?

    @Option(help: "Graph style: braille, block or ascii.")
    var graph: String = "braille"

    @Flag(help: "ASCII only: no box drawing, braille or block characters (automatic on TERM=linux or a non-UTF-8 locale).")
    var ascii = false

    func run() throws {
        guard let graphStyle = GraphStyle(rawValue: graph) else {
            throw CommandLineError("--graph: unknown style '\(graph)' (use braille, block or ascii)")
        }
        let configuration = try common.samplerConfiguration()
        let environment = ProcessInfo.processInfo.environment
        let library = ThemeLibrary.standard(explicitDirectory: themesDirectory, environment: environment,
                                            executablePath: CommandLine.arguments[0].contains("/")
                                                ? CommandLine.arguments[0] : Bundle.main.executablePath ?? "")
        let loaded: Theme
        do {
            loaded = try library.load(theme)
        } catch {
            throw CommandLineError("--theme: \(error)")
        }
        let reader = try common.openReader()
        guard CursesTerminal.isInteractive else {
            FileHandle.standardError.write(Data(
                "perfdash: not a terminal; for headless output use `perfdash snapshot` (see perfdash snapshot --help)\n"
                    .utf8))
            throw ExitCode(2)
        }
        let options = DashboardOptions(
            sampler: configuration, theme: loaded, themes: library, graphStyle: graphStyle,
            ascii: Glyphs.asciiOnly(environment: environment, forced: ascii), environment: environment)
        if let signal = DashboardApp.run(reader: reader, options: options) {
            throw ExitCode(128 + signal)
        }
    }
}
