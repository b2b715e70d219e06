import Synchronization

/// The last rendered exposition, in both formats, shared between the tick that renders it and the scrapes that
/// copy it: a scrape never computes anything.
public final class ExpositionStore: Sendable {
    /// One rendering.
    public struct Rendered: Sendable {
        /// Prometheus text 0.0.4.
        public var text: [UInt8]
        /// OpenMetrics 1.0.0.
        public var openMetrics: [UInt8]

        /// The bytes of `format`.
        public func bytes(_ format: ServeFormat) -> [UInt8] {
            format == .openMetrics ? openMetrics : text
        }
    }

    private let latest = Mutex<Rendered?>(nil)

    /// An empty store: scrapes answer 503 until the first snapshot is rendered.
    public init() {}

    /// Renders `snapshot` in both formats (outside the lock) and publishes it.
    public func publish(_ snapshot: Snapshot, ticks: Int) {
        let rendered = Rendered(text: ServeExposition.render(snapshot, ticks: ticks, format: .prometheusText),
                                openMetrics: ServeExposition.render(snapshot, ticks: ticks, format: .openMetrics))
        latest.withLock { $0 = rendered }
    }

    /// The last rendering (a copy of two array references), nil before the first.
    public var current: Rendered? { latest.withLock { $0 } }
}
