/// The Services panel: one row per scraped service. Until services are configured it says what it will show
/// and how to set it up.
public enum ServicesPanel {
    /// Draws the panel for `input` into `rect`.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: ServicesInput, context: RenderContext) {
        let inner = Box.draw(&canvas, rect, title: "Services", note: "\(input.rows.count) configured",
                             border: .procBox, glyphs: context.glyphs)
        guard !input.rows.isEmpty else {
            explain(&canvas, inner)
            return
        }
        let rows = input.rows.map { [$0.name, $0.up ? "up" : "DOWN", $0.detail] }
        Table.draw(&canvas, inner, columns: [
            TableColumn("Service", width: 20, alignment: .left), TableColumn("State", width: 5, alignment: .left),
            TableColumn("Detail", width: 0, alignment: .left),
        ], rows: rows, selection: nil, context: context)
    }

    /// The one-line summary for the Overview panel.
    public static func summary(_ input: ServicesInput) -> String {
        guard !input.rows.isEmpty else { return "none configured (panel 6 tells how)" }
        let down = input.rows.filter { !$0.up }.count
        return "\(input.rows.count) services, \(down == 0 ? "all up" : "\(down) down")"
    }

    static let explanation = [
        "No services configured yet.",
        "",
        "This panel will show, for each instrumented service:",
        "  • up/down, scrape duration and series count",
        "  • cache hit rate per cache level (L1 / L2 / L3) over the stats window — n/a without traffic",
        "  • queue depth per queue (now, avg, p95) — high / normal / low / batch",
        "  • request latency p50 / p95 / p99 from Prometheus histograms or summaries",
        "",
        "Sources: Prometheus text / OpenMetrics endpoints over HTTP, and Redis (INFO stats, LLEN of queue keys).",
        "Configure them with [[service]] entries in the config file (--config, default "
            + "~/.config/perfdash/config.toml) or the quick flags --scrape NAME=URL and --redis NAME=HOST:PORT.",
    ]

    private static func explain(_ canvas: inout Canvas, _ rect: Rect) {
        PanelKit.paragraphs(&canvas, rect.inset(dx: 1, dy: 0), explanation,
                            firstStyle: Style.plain.fg(.title).with(.bold))
    }
}

/// The Autoscaler panel: the current recommendation and recent decisions. Until an autoscaler is configured it
/// says what it will show and how to set it up.
public enum AutoscalerPanel {
    /// Draws the panel for `input` into `rect`.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: AutoscalerInput, context: RenderContext) {
        let inner = Box.draw(&canvas, rect, title: "Autoscaler", note: "recommends only, never scales",
                             border: .procBox, glyphs: context.glyphs)
        guard let recommendation = input.recommendation else {
            PanelKit.paragraphs(&canvas, inner.inset(dx: 1, dy: 0), explanation,
                                firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        canvas.put(recommendation, x: inner.x + 1, y: inner.y, style: Style.plain.fg(.hiFg).with(.bold), clip: inner)
        for (i, line) in input.details.enumerated() where i + 2 < inner.height {
            canvas.put(line, x: inner.x + 1, y: inner.y + 2 + i, clip: inner)
        }
    }

    /// The one-line summary for the Overview panel.
    public static func summary(_ input: AutoscalerInput) -> String {
        input.recommendation ?? "none configured (panel 7 tells how)"
    }

    static let explanation = [
        "No autoscaler configured yet.",
        "",
        "This panel will show a replica recommendation — scale up, down or none — from a metric perfdash samples: "
            + "host CPU % or memory %, a disk or network rate, a service's queue depth, hit rate or latency percentile.",
        "  • threshold policy: window average above / below thresholds, step, min / max, cooldown left",
        "  • target policy (Kubernetes HPA): desired = ceil(current × value / target), tolerance 0.1, "
            + "scale-down stabilization window, scale-up limits",
        "  • the metric's window avg / p95 against the thresholds, and the last 20 decisions with times",
        "",
        "Configure it in the [autoscaler] section of the config file (--config), and try a policy on a recorded "
            + "history first with `perfdash autoscale simulate`.",
    ]
}
