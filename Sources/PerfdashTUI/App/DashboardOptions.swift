public import PerfdashCore

/// How the dashboard starts: sampling settings, services, autoscalers, theme, graph style.
public struct DashboardOptions: Sendable {
    /// What to sample and how often.
    public var sampler: SamplerConfiguration
    /// Services scraped in the background (at `sampler.interval` as it is at start-up).
    public var services: [ServiceConfig] = []
    /// Autoscalers stepped every tick.
    public var autoscalers: [AutoscalerSpec] = []
    /// Alert rules evaluated every tick (the built-in host rules and `[[alert]]` tables).
    public var alerts: [AlertRule] = []
    /// The advisor's settings; nil: no findings.
    public var advisor: AdvisorSettings?
    /// `--alert-command`: run on every alert change (already checked to split into arguments).
    public var alertCommand: String?
    /// Services read from a given source instead of the one their config describes (the demo's database tier).
    public var serviceSources: [String: any ServiceSource] = [:]
    /// A line the Services panel shows under its table (e.g. that `demo` is a synthetic workload).
    public var servicesNote: String?
    /// The fleet's Prometheus server and the autoscalers' PromQL inputs; nil without one.
    public var fleet: FleetCollector?
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

    /// The live driver these options describe: the host sampler over `reader`, the autoscalers, and a collector for
    /// the services (none when there are none).
    public func driver(reader: HostReader, onSnapshot: WakePipe?) -> SamplerDriver {
        // Scrapes never run more often than 4 per second, whatever `--interval` says: a service is not /proc.
        let scrapeInterval = max(sampler.interval, .milliseconds(250))
        let collector = services.isEmpty ? nil
            : ServiceCollector(services: services, interval: scrapeInterval, sources: serviceSources)
        let monitor = Monitor(sampler: Sampler(reader: reader, configuration: sampler), autoscalers: autoscalers,
                              alerts: alerts, advisor: advisor)
        return SamplerDriver(monitor: LiveMonitor(monitor: monitor, services: collector, fleet: fleet),
                             servicesNote: servicesNote, alertCommand: alertCommand, onSnapshot: onSnapshot)
    }
}
