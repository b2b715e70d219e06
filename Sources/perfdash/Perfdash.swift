import ArgumentParser
import PerfdashCore
import PerfdashTUI

/// The `perfdash` command: the dashboard by default, and the headless subcommands.
@main
struct Perfdash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perfdash",
        abstract: "A terminal performance dashboard for Linux hosts and their services.",
        discussion: """
            Without a subcommand, runs the interactive dashboard (`perfdash dashboard --help` lists its flags). \
            Exit status: 0 success, 1 an error (bad config, unreadable root, failed probe), 2 not a terminal, \
            64 a bad command line, 128+N ended by signal N.
            """,
        version: PerfdashCore.version,
        // Each subcommand lives in its own file in this folder.
        subcommands: [DashboardCommand.self, SnapshotCommand.self, ProbeCommand.self, AutoscaleCommand.self,
                      ConfigCommand.self, DemoCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses and runs the command; every failure is reported in one voice (`perfdash: <what>: <why>`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // Help, version, completion scripts and bare exit codes (already reported) keep ArgumentParser's path.
            if code == .success || error is ExitCode { exit(withError: error) }
            ErrorVoice.report(fullMessage(for: error))
            exit(withError: ExitCode(code.rawValue))
        }
    }
}
