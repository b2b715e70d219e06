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
