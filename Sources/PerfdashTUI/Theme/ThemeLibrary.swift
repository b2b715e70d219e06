import PerfdashCore

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
        let workingDirectory = workingDirectory ?? LocalFile.currentDirectory()
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
        let executable = LocalFile.resolved(executablePath)
            ?? LocalFile.standardized(executablePath, in: workingDirectory)
        var dir = LocalFile.directory(of: executable)
        for _ in 0..<5 {
            for candidate in ["Themes", "share/perfdash/themes"] {
                let path = (dir == "/" ? "" : dir) + "/" + candidate
                if LocalFile.isDirectory(path) { dirs.append(path) }
            }
            dir = LocalFile.directory(of: dir)
        }
        // The same directory reached twice (the working directory is the package root) is searched once.
        var seen = Set<String>()
        return ThemeLibrary(directories: dirs.filter {
            seen.insert(LocalFile.standardized($0, in: workingDirectory)).inserted
        })
    }

    /// Every theme name available, sorted, `default` first.
    public func names() -> [String] {
        var found: Set<String> = ["default"]
        for dir in directories {
            for file in LocalFile.names(in: dir) where file.hasSuffix(".theme") {
                found.insert(String(file.dropLast(6)))
            }
        }
        return ["default"] + found.subtracting(["default"]).sorted()
    }

    /// Loads a theme by name, or from a path when `nameOrPath` contains a `/` or ends in `.theme`.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            return try Self.loadFile(nameOrPath, name: Self.themeName(ofPath: nameOrPath))
        }
        for dir in directories {
            let path = dir + "/" + nameOrPath + ".theme"
            if LocalFile.isReadable(path) {
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
        guard let bytes = LocalFile.contents(of: path) else {
            throw ThemeError(file: path, line: 0, reason: "cannot read the file")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ThemeError(file: path, line: 0, reason: "not UTF-8 text")
        }
        return try ThemeParser.parse(text, name: name, file: path)
    }

    /// A theme file's name without its directory and its last extension (`dir/ocean.theme` → `ocean`).
    static func themeName(ofPath path: String) -> String {
        let file = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
