import ArgumentParser
import Foundation
import PerfdashCore

/// `perfdash config`: commands about the config file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration, or write a starter file.",
        subcommands: [ConfigCheckCommand.self, ConfigInitCommand.self]
    )
}

/// `perfdash config check [PATH]`: validates the config and prints the effective settings as TOML.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a config file and print the effective config.",
        discussion: """
            Exits 1 with `file:line:column: reason` when the file is invalid. Without PATH, checks --config or the \
            default file; a missing default file means the built-in defaults. Passwords are never printed.
            """
    )

    @Argument(help: ArgumentHelp("Config file to check.", valueName: "path"))
    var path: String?

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config: PerfdashConfig
        do {
            config = try options.load(path: path)
        } catch {
            ErrorVoice.report(error.description)
            throw ExitCode.failure
        }
        print(ConfigRenderer.render(config), terminator: "")
    }
}
