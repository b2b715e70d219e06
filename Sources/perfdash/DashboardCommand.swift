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
            Keys: q quit, ? help, 1-8 panels, 0 fleet, Tab/Shift-Tab, arrows select, Enter/Esc open/close a service, \
            p pause, +/- interval, w window, t theme, s save a snapshot. Themes are looked up in --themes-dir or \
            $PERFDASH_THEMES_DIR, then ~/.config/perfdash/themes, then the Themes/ folder shipped with perfdash; \
            --theme also takes a path. Services ([[service]] in the config file, --scrape, --redis) are scraped in \
            the background; autoscalers ([[autoscaler]], or --autoscale-metric with the policy flags) are stepped \
            every tick. Flags win over the config file, which wins over the defaults. --demo starts the synthetic \
            demo service in-process and watches it as `demo`.
            """)

    @OptionGroup(title: "Sampling") var common: CommonOptions

    @Option(help: ArgumentHelp("Theme name or path to a btop-format .theme file (default: the config file's, "
                               + "else default).", valueName: "name|path"))
    var theme: String?

    @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Extra directory searched first for themes.",
                                                                valueName: "dir"))
    var themesDirectory: String?

    @Option(help: "Graph style: braille, block or ascii (default: the config file's, else braille).")
    var graph: String?

    @Flag(help: "ASCII only: no box drawing, braille or block characters (automatic on TERM=linux or a non-UTF-8 locale).")
    var ascii = false

    @Flag(help: "Start the synthetic demo service (perfdash demo) in-process on a free port and watch it as `demo`.")
    var demo = false

    @Option(name: .customLong("alert-command"), help: ArgumentHelp(
        "Run this command on every alert change with the change as JSON on standard input (never through a "
            + "shell; 10 s timeout; a failure shows on the Alerts panel).", valueName: "command"))
    var alertCommand: String?

    @OptionGroup(title: "Config file and services")
    var services: ConfigOptions

    @OptionGroup(title: "Autoscaler (one, for the simple case)")
    var autoscale: AutoscaleOptions

    @OptionGroup(title: "Fleet (a Prometheus server)")
    var fleet: FleetOptions

    func run() throws {
        // Everything that can be refused is checked before the terminal (and the demo) is touched.
        let config = try services.effective()
        let graphName = graph ?? config.graph.rawValue
        guard let graphStyle = GraphStyle(rawValue: graphName) else {
            throw CommandLineError("--graph: unknown style '\(Echo.cut(graphName))' (use braille, block or ascii)")
        }
        let configuration = try common.samplerConfiguration(config: config)
        var autoscalers = try autoscale.specs(adding: config)
        let environment = ProcessInfo.processInfo.environment
        let library = ThemeLibrary.standard(explicitDirectory: themesDirectory, environment: environment,
                                            executablePath: CommandLine.arguments[0].contains("/")
                                                ? CommandLine.arguments[0] : Bundle.main.executablePath ?? "")
        let themeName = theme ?? config.theme
        let loaded: Theme
        do {
            loaded = try library.load(themeName)
        } catch {
            throw CommandLineError("\(theme == nil ? "theme (from \(config.origin))" : "--theme"): \(error)")
        }
        let reader = try common.openReader(config: config)
        if let alertCommand {
            do { _ = try CommandLineSplit.split(alertCommand) } catch { throw CommandLineError("--alert-command: \(error)") }
        }
        let fleetCollector = try fleet.collector(config: config, sampler: configuration, autoscalers: autoscalers)
        guard CursesTerminal.isInteractive else {
            ErrorVoice.report("not a terminal; for headless output use `perfdash snapshot` "
                              + "(see perfdash snapshot --help)")
            throw ExitCode(2)
        }
        var serviceConfigs = config.services
        var note: String?
        var demoService: DemoInProcess?
        if demo {
            let started = try DemoInProcess.start(existing: config)
            demoService = started
            serviceConfigs = started.config.services
            note = started.note
            if autoscalers.isEmpty { autoscalers = [try DemoInProcess.autoscaler()] }
        }
        defer { demoService?.stop() }
        var options = DashboardOptions(
            sampler: configuration, theme: loaded, themes: library, graphStyle: graphStyle,
            ascii: Glyphs.asciiOnly(environment: environment, forced: ascii), environment: environment)
        options.services = serviceConfigs
        options.autoscalers = autoscalers
        options.alerts = config.alerts
        options.advisor = config.advisor.enabled ? config.advisor : nil
        options.alertCommand = alertCommand
        options.servicesNote = note
        options.serviceSources = demoService?.sources ?? [:]
        options.fleet = fleetCollector
        if let signal = DashboardApp.run(reader: reader, options: options) {
            throw ExitCode(128 + signal)
        }
    }
}
