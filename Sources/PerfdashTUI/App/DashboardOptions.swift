public import PerfdashCore

/// How the dashboard starts: sampling settings, theme, graph style.
public struct DashboardOptions: Sendable {
    /// What to sample and how often.
    public var sampler: SamplerConfiguration
    /// The theme to start with.
    public var theme: Theme
    /// Where `t` finds further themes.
    public var themes: ThemeLibrary
    /// How graphs are drawn.
    public var graphStyle: GraphStyle
    /// ASCII only: `--ascii`, TERM=linux or a locale without UTF-8.
    public var ascii: Bool
    /// The process environment (colour and locale detection).
    public var environment: [String: String]

    /// Creates the options.
    public init(sampler: SamplerConfiguration, theme: Theme, themes: ThemeLibrary, graphStyle: GraphStyle,
                ascii: Bool, environment: [String: String]) {
        self.sampler = sampler
        self.theme = theme
        self.themes = themes
        self.graphStyle = graphStyle
        self.ascii = ascii
        self.environment = environment
    }
}
