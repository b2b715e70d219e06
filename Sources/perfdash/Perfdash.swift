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
                      ConfigCommand.self, DemoCommand.self, ServeCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
