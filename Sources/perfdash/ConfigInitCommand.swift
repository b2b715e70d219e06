import ArgumentParser
import Foundation
import PerfdashCore

/// `perfdash config init [PATH]`: writes the commented starter config, never over an existing file.
struct ConfigInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter config file.",
        discussion: """
            Writes to PATH, else to $XDG_CONFIG_HOME/perfdash/config.toml (~/.config/perfdash/config.toml), creating \
            the folder. An existing file is never overwritten: the command exits 1 and says so. `--stdout` prints \
            the file instead.
            """
    )

    @Argument(help: ArgumentHelp("Where to write the file.", valueName: "path"))
    var path: String?

    @Flag(help: "Print the starter config on standard output instead of writing a file.")
    var stdout = false

    func run() async throws {
        if stdout {
            print(StarterConfig.text, terminator: "")
            return
        }
        let target = path ?? ConfigLoader.defaultPath(environment: ProcessInfo.processInfo.environment)
        let url = URL(fileURLWithPath: target)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw CommandLineError("\(url.deletingLastPathComponent().path): cannot create the folder: "
                                   + "\(error.localizedDescription)")
        }
        // O_EXCL: the check and the creation are one step, so a file appearing meanwhile is not overwritten either.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "already exists; not overwritten (remove it, or give another path)"
                                         : String(cString: strerror(errno))
            throw CommandLineError("\(target): \(reason)")
        }
        defer { close(descriptor) }
        guard RawOutput.writeAll(StarterConfig.text, to: descriptor) else {
            let reason = String(cString: strerror(errno))
            unlink(target)
            throw CommandLineError("\(target): cannot write: \(reason)")
        }
        print("wrote \(target); check it with `perfdash config check`")
    }
}
