/// The statistics windows: the last 1, 5 or 15 minutes of samples.
public enum StatsWindow: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The last minute.
    case oneMinute = "1m"
    /// The last 5 minutes.
    case fiveMinutes = "5m"
    /// The last 15 minutes.
    case fifteenMinutes = "15m"

    /// Parses `1m`, `5m` or `15m`.
    public init?(parsing text: String) {
        self.init(rawValue: text)
    }

    /// The window's length.
    public var duration: Duration {
        switch self {
        case .oneMinute: .seconds(60)
        case .fiveMinutes: .seconds(300)
        case .fifteenMinutes: .seconds(900)
        }
    }

    /// The next window in the cycle 1m → 5m → 15m → 1m (the TUI's `w` key).
    public var next: StatsWindow {
        switch self {
        case .oneMinute: .fiveMinutes
        case .fiveMinutes: .fifteenMinutes
        case .fifteenMinutes: .oneMinute
        }
    }

    /// Samples the window holds at `interval`: ⌈length / interval⌉, at least 1.
    public func capacity(at interval: Duration) -> Int {
        guard interval > .zero else { return 1 }
        return Swift.max(1, Int(saturating: (duration / interval).rounded(.up)))
    }
}
