/// A named set of selectors for one instrumentation library or exporter, and the series that reveal it.
public struct ServicePreset: Sendable, Equatable {
    /// The name used in the config (`preset = "micrometer"`) and shown by `probe`.
    public var name: String
    /// What it reads, for `probe` and the docs.
    public var summary: String
    /// Series names of which any one, exposed, means the preset applies.
    public var signature: [String]
    /// Selectors per figure.
    public var figures: [ServiceFigure: [FigureSelector]]

    /// Creates a preset.
    public init(name: String, summary: String, signature: [String], figures: [ServiceFigure: [FigureSelector]]) {
        self.name = name
        self.summary = summary
        self.signature = signature
        self.figures = figures
    }

    /// Every preset, most specific first: an exporter before the runtime it runs on, perfdash's own names last.
    public static let all: [ServicePreset] = [
        .redisExporter, .memcachedExporter, .postgresExporter, .celeryExporter, .haproxy, .varnish,
        .djangoPrometheus, .micrometer, .openTelemetry, .clientGolang, .promClient, .prometheusClient, .perfdash,
    ]

    /// The preset called `name`.
    public static func named(_ name: String) -> ServicePreset? {
        all.first { $0.name == name }
    }
}

/// Builders for the catalogue's literal selectors.
enum PresetText {
    /// A selector from a literal; a literal that does not parse (a bug the catalogue test catches) selects nothing.
    static func select(_ text: String) -> MetricSelector {
        (try? MetricSelector(parsing: text)) ?? MetricSelector(metric: "\u{0}unparsable")
    }

    /// `selector` split by `by`.
    static func figure(_ text: String, by: [String] = [], errors: Bool = false, fallback: String = "default",
                       qualifier: (label: String, unless: String)? = nil) -> FigureSelector {
        var figure = FigureSelector(select(text), by: by, serverErrorsOnly: errors, fallback: fallback)
        figure.qualifier = qualifier?.label
        figure.qualifierDefault = qualifier?.unless ?? ""
        return figure
    }

    /// Routes that are probes of the service rather than its traffic: the scrape itself and health checks.
    /// Both paths (`/healthz`) and view names (`health`) are matched; django-prometheus names its own view
    /// `prometheus-django-metrics`.
    static let probeRoutes =
        "/?(metrics|-/.*|health.*|livez|readyz|ready|live|ping|actuator(/.*)?|favicon.ico)|prometheus-django-metrics"

    /// pg_stat_database rows of databases in use: not the templates, not the shared-objects row (`datname=""`).
    static let userDatabases = #"datname!~"(template.*)?""#

    /// `metric{label!~"<probe routes>"}` (`metric` a name, or `{__name__…}` to which the matcher is added); with
    /// `keepUnlabelled` false, series without `label` are left out too.
    static func withoutProbes(_ metric: String, _ label: String, keepUnlabelled: Bool = true) -> String {
        let pattern = keepUnlabelled ? probeRoutes : "(\(probeRoutes))?"
        let matcher = "\(label)!~\"\(pattern)\""
        if metric.hasSuffix("}") { return "\(metric.dropLast()),\(matcher)}" }
        return "\(metric){\(matcher)}"
    }

    /// RED from a request counter (or a histogram's `_count`) and a latency family, split by `route`.
    /// Requests without the route label are the route `fallback`.
    static func red(requests: String, latency: String?, route: String, status: Bool = true,
                    keepUnlabelled: Bool = true, fallback: String = "default") -> [ServiceFigure: [FigureSelector]] {
        let requests = withoutProbes(requests, route, keepUnlabelled: keepUnlabelled)
        var figures: [ServiceFigure: [FigureSelector]] = [
            .requests: [figure(requests, by: [route], fallback: fallback)],
        ]
        if status { figures[.errors] = [figure(requests, by: [route], errors: true, fallback: fallback)] }
        if let latency {
            let selector = withoutProbes(latency, route, keepUnlabelled: keepUnlabelled)
            figures[.latency] = [figure(selector, by: [route], fallback: fallback)]
        }
        return figures
    }
}
