public import PerfdashCore

/// The Autoscaler panel. A minimal stand-in: branch `aspanel` replaces this file with the real panel (policy,
/// metric against thresholds, recommendation, decisions); the two signatures are the contract.
public enum AutoscalerPanel {
    /// Draws the panel for `statuses` into `rect`.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ statuses: [AutoscalerStatus],
                            context: RenderContext) {
        let inner = Box.draw(&canvas, rect, title: "Autoscaler", note: "recommends only, never scales",
                             border: .procBox, glyphs: context.glyphs)
        guard !statuses.isEmpty else {
            canvas.put("No autoscaler configured yet.", x: inner.x + 1, y: inner.y, clip: inner)
            return
        }
        for (i, status) in statuses.enumerated() where 3 * i + 1 < inner.height {
            canvas.put("\(status.name): \(status.summary)", x: inner.x + 1, y: inner.y + 3 * i, clip: inner)
            canvas.put(status.recommendation.reason, x: inner.x + 1, y: inner.y + 3 * i + 1,
                       style: Style.plain.with(.bold), clip: inner)
        }
    }

    /// The one-line summary for the Overview panel.
    public static func summary(_ statuses: [AutoscalerStatus]) -> String {
        guard let first = statuses.first else { return "none configured (panel 7 tells how)" }
        return "\(first.name): \(first.recommendation.reason)"
    }
}
