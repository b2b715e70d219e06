import PerfdashCore

/// What the Services panel reads off one `ServiceReport`: the worst cache, the total queue depth, the main latency
/// family, and the texts and colours they are shown with.
struct ServiceFacts {
    /// The cache hit-rate target (DESIGN.md: ≥ 85 % is good).
    static let hitRateTarget = 85.0

    let report: ServiceReport

    init(_ report: ServiceReport) { self.report = report }

    /// The cache level with the lowest hit rate among those with traffic; the first level when none had traffic.
    var worstCache: CacheReport? {
        let caches = report.metrics?.caches ?? []
        return caches.filter { $0.hitRatePercent != nil }.min { $0.hitRatePercent! < $1.hitRatePercent! }
            ?? caches.first
    }

    /// The sum of every queue's depth now; nil without queues.
    var totalQueued: Double? {
        guard let queues = report.metrics?.queues, !queues.isEmpty else { return nil }
        return queues.reduce(0) { $0 + $1.now }
    }

    /// The request latency: the first family named like a request (`*request*`), else the one with the most
    /// observations in the window.
    var mainLatency: LatencyReport? {
        let families = report.metrics?.latencies ?? []
        return families.first { $0.family.contains("request") }
            ?? families.max { $0.observations < $1.observations }
    }

    /// `up`, `DOWN` or `pending`.
    var stateText: String {
        switch report.state {
        case .up: "up"
        case .down: "DOWN"
        case .pending: "pending"
        }
    }

    /// `connection refused · down 12 s` for a service that is down.
    var downText: String {
        var parts = [report.lastError ?? "no answer"]
        if let seconds = report.downForSeconds { parts.append("down " + Humanize.elapsed(seconds: seconds)) }
        return parts.joined(separator: " · ")
    }

    /// `l2 92.5 %`, `l1 n/a`, or empty without caches.
    var worstCacheText: String {
        guard let cache = worstCache else { return "" }
        return "\(cache.level) \(cache.hitRateText)"
    }

    /// The colour a hit rate is shown in: good at or above the target, warning below, plain without traffic.
    static func hitRateStyle(_ percent: Double?, base: Style = .plain) -> Style {
        guard let percent else { return base.fg(.graphText) }
        return percent >= hitRateTarget ? base.fg(good) : base.fg(warn).with(.boldWithoutColor)
    }

    /// Colours taken from the theme's CPU gradient, so every theme (btop's too) has them: its start is the calm end.
    static let good = Paint.gradient(.cpu, level: 0)
    static let warn = Paint.gradient(.cpu, level: 55)
    static let bad = Paint.gradient(.cpu, level: 100)
}
