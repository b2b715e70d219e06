import ArgumentParser
import PerfdashCore

/// Options shared by the dashboard and `perfdash snapshot`: what to sample, where, and how often.
///
/// Values are taken as text and checked in `samplerConfiguration(config:)`/`openReader(config:)`, so a bad value is
/// reported in one line rather than with the whole usage text. `--interval`, `--window` and `--root` are nil when
/// not given: a flag wins over the config file, which wins over the built-in default.
struct CommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Time between samples: 10ms, 250ms, 2s, 1m, or bare seconds (at least 10ms; default: the config "
                               + "file's interval, else 1s).", valueName: "duration"))
    var interval: String?

    @Option(help: ArgumentHelp("Statistics window: 1m, 5m or 15m (default: the config file's, else 1m).",
                               valueName: "window"))
    var window: String?

    @Option(help: ArgumentHelp("Directory holding proc/ and sys/ (a container's filesystem, a test tree; default: "
                               + "the config file's root, else /).", valueName: "dir"))
    var root: String?

    @Option(name: .customLong("net-exclude"),
            help: ArgumentHelp("Comma-separated interface patterns left out of the network total ('' = none).",
                               valueName: "patterns"))
    var netExclude: String = InterfaceFilter.defaultTotal.excluded.joined(separator: ",")

    @Flag(name: .customLong("stacked-disks"),
          help: "Also list device-mapper and md devices (never added to the disk total).")
    var stackedDisks = false

    @Option(name: .customLong("top-processes"),
            help: ArgumentHelp("Processes listed in each snapshot's processes section (0: counts only).",
                               valueName: "n"))
    var topProcesses: Int = ProcessTableOptions.defaultTopCount

    @Option(name: .customLong("process-sort"),
            help: ArgumentHelp("Key the snapshot's top processes are chosen by: "
                               + ProcessSortKey.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                               valueName: "key"))
    var processSort: String = ProcessSortKey.cpu.rawValue

    @Flag(name: .customLong("no-processes"), help: "Do not read processes (no processes section, no Processes panel).")
    var noProcesses = false

    @Flag(name: .customLong("all-filesystems"),
          help: "Also list pseudo, duplicate and over-mounted filesystems (as df -a).")
    var allFilesystems = false

    /// The sampler settings (flags over `config`), or a one-line error naming the bad option.
    func samplerConfiguration(config: PerfdashConfig = .defaults) throws(CommandLineError) -> SamplerConfiguration {
        var parsedInterval = config.interval
        if let interval {
            do {
                parsedInterval = try DurationText.parseInterval(interval)
            } catch {
                throw CommandLineError("--interval: \(error)")
            }
        }
        // The loader only accepts the three windows, so the config's always matches one.
        var parsedWindow = StatsWindow.allCases.first { $0.duration == config.window } ?? .oneMinute
        if let window {
            guard let chosen = StatsWindow(parsing: window) else {
                throw CommandLineError("--window: unknown window '\(Echo.cut(window))' (use 1m, 5m or 15m)")
            }
            parsedWindow = chosen
        }
        guard let sortKey = ProcessSortKey(parsing: processSort) else {
            throw CommandLineError("--process-sort: unknown key '\(processSort)' (use "
                                   + ProcessSortKey.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        guard topProcesses >= 0 else { throw CommandLineError("--top-processes: must be 0 or more, not \(topProcesses)") }
        return SamplerConfiguration(interval: parsedInterval, window: parsedWindow,
                                    networkTotal: InterfaceFilter(parsing: netExclude),
                                    processes: ProcessTableOptions(topCount: topProcesses, sortKey: sortKey,
                                                                   enabled: !noProcesses),
                                    allFilesystems: allFilesystems)
    }

    /// The host reader under `--root` (else the config's root); a root without proc/stat is refused.
    func openReader(config: PerfdashConfig = .defaults) throws(CommandLineError) -> HostReader {
        let root = root ?? config.root
        do {
            return try HostReader(root: root, diskFilter: DiskFilter(includeStacked: stackedDisks))
        } catch {
            let place = self.root == nil ? "root \(root) (from \(config.origin))" : "--root \(root)"
            throw CommandLineError("\(place): \(error)")
        }
    }
}

/// A user-facing error: ArgumentParser prints it as one line, `Error: <message>`, and exits with status 1.
struct CommandLineError: Error, CustomStringConvertible {
    /// The line shown to the user.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
