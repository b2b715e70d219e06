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
        .redisExporter, .memcachedExporter, .postgresExporter, .celeryExporter, .djangoPrometheus, .micrometer,
        .openTelemetry, .clientGolang, .promClient, .prometheusClient, .perfdash,
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
    static func figure(_ text: String, by: [String] = [], errors: Bool = false, fallback: String = "default")
        -> FigureSelector {
        FigureSelector(select(text), by: by, serverErrorsOnly: errors, fallback: fallback)
    }

    /// Routes that are probes of the service rather than its traffic: the scrape itself and health checks.
    /// Both paths (`/healthz`) and view names (`health`) are matched; django-prometheus names its own view
    /// `prometheus-django-metrics`.
    static let probeRoutes =
        "/?(metrics|-/.*|health.*|livez|readyz|ready|live|ping|actuator(/.*)?|favicon.ico)|prometheus-django-metrics"

    /// `metric{label!~"<probe routes>"}`.
    static func withoutProbes(_ metric: String, _ label: String) -> String {
        "\(metric){\(label)!~\"\(probeRoutes)\"}"
    }

    /// RED from a request counter (or a histogram's `_count`) and a latency family, split by `route`.
    static func red(requests: String, latency: String?, route: String, status: Bool = true)
        -> [ServiceFigure: [FigureSelector]] {
        var figures: [ServiceFigure: [FigureSelector]] = [
            .requests: [figure(withoutProbes(requests, route), by: [route])],
        ]
        if status { figures[.errors] = [figure(withoutProbes(requests, route), by: [route], errors: true)] }
        if let latency { figures[.latency] = [figure(withoutProbes(latency, route), by: [route])] }
        return figures
    }
}
