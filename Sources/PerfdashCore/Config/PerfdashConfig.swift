/// The effective configuration: the file's settings over the built-in defaults, plus quick-flag services.
public struct PerfdashConfig: Sendable, Equatable {
    /// How graphs are drawn.
    public enum GraphStyle: String, Sendable, Equatable, CaseIterable {
        /// Braille dots, 2×4 per cell (needs a UTF-8 terminal).
        case braille
        /// Block elements ▁▂▃…█.
        case block
        /// Plain ASCII, for terminals without UTF-8.
        case ascii
    }

    /// Sampling and refresh interval.
    public var interval: Duration
    /// The statistics window shown first: one of `windows` (`w` cycles them).
    public var window: Duration
    /// Theme name (a file in Themes/ or the theme directory, without `.theme`).
    public var theme: String
    /// Graph style.
    public var graph: GraphStyle
    /// The root holding `proc/` and `sys/` (`/`, or a container's root).
    public var root: String
    /// Services to scrape, in display order.
    public var services: [ServiceConfig]
    /// The `[[autoscaler]]` entries, validated, in file order.
    public var autoscalers: [AutoscalerSpec]
    /// The same entries as written, with positions (`perfdash config check` prints them back).
    public var autoscalerTables: [ConfigTable]
    /// The alert rules: the built-in host rules changed by `[[alert]]` tables, then the config's own.
    public var alerts: [AlertRule] = BuiltinAlerts.rules
    /// The advisor's switch and thresholds (`[advisor]`).
    public var advisor: AdvisorSettings = AdvisorSettings()
    /// Where the settings came from: a file path, or `built-in defaults`.
    public var origin: String

    /// The windows the statistics engine keeps: 1 m, 5 m, 15 m.
    public static let windows: [Duration] = [.seconds(60), .seconds(300), .seconds(900)]

    /// The built-in defaults, used when no config file exists (the same as the command-line defaults).
    public static let defaults = PerfdashConfig(
        interval: .seconds(1), window: .seconds(60), theme: "default", graph: .braille, root: "/",
        services: [], autoscalers: [], autoscalerTables: [], origin: "built-in defaults")

    /// Creates a config.
    public init(interval: Duration, window: Duration, theme: String, graph: GraphStyle, root: String,
                services: [ServiceConfig], autoscalers: [AutoscalerSpec], autoscalerTables: [ConfigTable] = [],
                origin: String) {
        self.interval = interval
        self.window = window
        self.theme = theme
        self.graph = graph
        self.root = root
        self.services = services
        self.autoscalers = autoscalers
        self.autoscalerTables = autoscalerTables
        self.origin = origin
    }

    /// Adds services from `--scrape` / `--redis` flags after the file's; a name used twice is an error.
    public func adding(_ extra: [ServiceConfig]) throws(ConfigError) -> PerfdashConfig {
        var result = self
        for service in extra {
            guard !result.services.contains(where: { $0.name == service.name }) else {
                throw ConfigError(subject: "--\(service.kind == "redis" ? "redis" : "scrape") \(service.name)",
                                  "a service named \"\(service.name)\" is already configured")
            }
            result.services.append(service)
        }
        return result
    }
}
