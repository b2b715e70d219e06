import ArgumentParser
import PerfdashCore

/// Options shared by the dashboard and `perfdash snapshot`: what to sample, where, and how often.
///
/// Values are taken as text and checked in `samplerConfiguration()`/`openReader()`, so a bad value is reported in
/// one line rather than with the whole usage text.
struct CommonOptions: ParsableArguments {
    @Option(help: "Time between samples: 10ms, 250ms, 2s, 1m… (at least 10ms).")
    var interval: String = "1s"

    @Option(help: "Statistics window: 1m, 5m or 15m.")
    var window: String = "1m"

    @Option(help: ArgumentHelp("Directory holding proc/ and sys/ (a container's filesystem, a test tree).",
                               valueName: "dir"))
    var root: String = "/"

    @Option(name: .customLong("net-exclude"),
            help: ArgumentHelp("Comma-separated interface patterns left out of the network total ('' = none).",
                               valueName: "patterns"))
    var netExclude: String = InterfaceFilter.defaultTotal.excluded.joined(separator: ",")

    @Flag(name: .customLong("stacked-disks"),
          help: "Also list device-mapper and md devices (never added to the disk total).")
    var stackedDisks = false

    /// The sampler settings, or a one-line error naming the bad option.
    func samplerConfiguration() throws(CommandLineError) -> SamplerConfiguration {
        let parsedInterval: Duration
        do {
            parsedInterval = try DurationText.parseInterval(interval)
        } catch {
            throw CommandLineError("--interval: \(error)")
        }
        guard let parsedWindow = StatsWindow(parsing: window) else {
            throw CommandLineError("--window: unknown window '\(window)' (use 1m, 5m or 15m)")
        }
        return SamplerConfiguration(interval: parsedInterval, window: parsedWindow,
                                    networkTotal: InterfaceFilter(parsing: netExclude))
    }

    /// The host reader under `--root`; a root without proc/stat is refused.
    func openReader() throws(CommandLineError) -> HostReader {
        do {
            return try HostReader(root: root, diskFilter: DiskFilter(includeStacked: stackedDisks))
        } catch {
            throw CommandLineError("--root \(root): \(error)")
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
