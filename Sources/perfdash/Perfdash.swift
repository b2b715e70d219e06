import ArgumentParser
import PerfdashCore
import PerfdashTUI

/// The `perfdash` command: the dashboard by default, and the headless subcommands.
@main
struct Perfdash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perfdash",
        abstract: "A terminal performance dashboard for Linux hosts and their services.",
        version: PerfdashCore.version,
        // Each subcommand lives in its own file in this folder.
        subcommands: [DashboardCommand.self, SnapshotCommand.self, ProbeCommand.self, AutoscaleCommand.self,
                      ConfigCommand.self, DemoCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// ArgumentParser's `main`, with errors written by `ErrorOutput` (one write, lines cut).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ErrorOutput.exit(error, as: Self.self)
        }
    }
}
