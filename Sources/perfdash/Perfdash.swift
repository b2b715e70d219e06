import ArgumentParser
import Foundation
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
                      ConfigCommand.self, DemoCommand.self, ServeCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses and runs the command; every failure is reported in one voice (`perfdash: <what>: <why>`).
    /// `perfdash --help` also shows the dashboard's own flags (`--demo`, `--theme`…): the dashboard is what
    /// `perfdash` runs.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--help"] || arguments == ["-h"] {
            print(helpMessage())
            print("DASHBOARD (what `perfdash` runs with no subcommand; these flags need no `dashboard`):")
            // The dashboard's usage without its own overview line, which the root help already says.
            let dashboard = DashboardCommand.helpMessage().split(separator: "\n", omittingEmptySubsequences: false)
            print(dashboard.drop { !$0.hasPrefix("USAGE:") }.joined(separator: "\n")
                .replacingOccurrences(of: "USAGE: dashboard", with: "USAGE: perfdash"))
            return
        }
        do {
            var command = try parseAsRoot(arguments)
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
