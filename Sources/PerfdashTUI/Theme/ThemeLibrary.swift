import Foundation

/// Finds themes by name in the theme directories, or by path.
///
/// Search order for a name: the explicit directory (`--themes-dir` or `$PERFDASH_THEMES_DIR`), the user's
/// `$XDG_CONFIG_HOME/perfdash/themes` (default `~/.config/perfdash/themes`) and `$XDG_DATA_HOME/perfdash/themes`
/// (default `~/.local/share/perfdash/themes`), `./Themes` in the working directory, then the `Themes/` folder next
/// to the executable or shipped with the package, found by walking up from the executable
/// (`.build/<config>/perfdash` → the package root) or in `<prefix>/share/perfdash/themes`. The `default` theme is also built in, so the dashboard starts without any files.
public struct ThemeLibrary: Sendable {
    /// The directories searched, first match wins.
    public var directories: [String]

    /// Creates a library over `directories`.
    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard directories for this process.
    public static func standard(explicitDirectory: String?, environment: [String: String],
                                executablePath: String,
                                workingDirectory: String? = nil) -> ThemeLibrary {
        let workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
        var dirs: [String] = []
        if let explicit = explicitDirectory ?? environment["PERFDASH_THEMES_DIR"], !explicit.isEmpty {
            dirs.append(explicit)
        }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/perfdash/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/perfdash/themes")
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            dirs.append(data + "/perfdash/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.local/share/perfdash/themes")
        }
        if !workingDirectory.isEmpty { dirs.append(workingDirectory + "/Themes") }
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["Themes", "share/perfdash/themes"] {
                let path = dir.appendingPathComponent(candidate).path
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                    dirs.append(path)
                }
            }
            dir.deleteLastPathComponent()
        }
        // The same directory reached twice (the working directory is the package root) is searched once.
        var seen = Set<String>()
        return ThemeLibrary(directories: dirs.filter { seen.insert(URL(fileURLWithPath: $0).standardized.path).inserted })
    }

    /// Every theme name available, sorted, `default` first.
    public func names() -> [String] {
        var found: Set<String> = ["default"]
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".theme") {
                found.insert(String(file.dropLast(6)))
            }
        }
        return ["default"] + found.subtracting(["default"]).sorted()
    }

    /// Loads a theme by name, or from a path when `nameOrPath` contains a `/` or ends in `.theme`.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            let name = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
            return try Self.loadFile(nameOrPath, name: name)
        }
        for dir in directories {
            let path = dir + "/" + nameOrPath + ".theme"
            if FileManager.default.isReadableFile(atPath: path) {
                return try Self.loadFile(path, name: nameOrPath)
            }
        }
        if nameOrPath == "default" { return BuiltinTheme.theme }
        let searched = directories.isEmpty ? "no theme directories" : directories.joined(separator: ", ")
        throw ThemeError(file: nameOrPath, line: 0,
                         reason: "no such theme (searched \(searched); available: \(names().joined(separator: ", ")))")
    }

    /// Parses one theme file.
    public static func loadFile(_ path: String, name: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, line: 0, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: 0, reason: "not UTF-8 text")
        }
        return try ThemeParser.parse(text, name: name, file: path)
    }
}
