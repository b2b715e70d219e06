import ArgumentParser
import PerfdashCore
import PerfdashTUI

@main
struct Perfdash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perfdash",
        abstract: "A terminal performance dashboard for Linux hosts and their services.",
        version: PerfdashCore.version
    )

    func run() async throws {
        print("perfdash \(PerfdashCore.version) (ncurses \(PerfdashTUI.cursesVersion))")
    }
}
