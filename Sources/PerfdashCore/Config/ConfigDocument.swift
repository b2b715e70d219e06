/// Reads TOML text into position-aware `ConfigTable`s (perfdash's own TOML 1.0 parser: linear, bounded nesting,
/// every key and value with its line and column).
public enum ConfigDocument {
    /// Parses `text`; syntax errors come back as `file:line:column: reason`.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigTable {
        try TOMLParser.parse(text, file: file)
    }
}
