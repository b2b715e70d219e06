public import Foundation

/// What the Services panel and snapshots say about one service: up or down, since when, and why.
public struct ServiceStatus: Sendable, Equatable, Codable {
    /// Whether the last scrape succeeded.
    public enum State: String, Sendable, Equatable, Codable {
        /// Not scraped yet.
        case pending
        /// The last scrape succeeded.
        case up
        /// The last scrape failed.
        case down
    }

    /// The service name.
    public var name: String
    /// Up, down or not yet scraped.
    public var state: State
    /// The last scrape's error line, while down.
    public var lastError: String?
    /// The class of the last error, while down.
    public var errorKind: SourceError.Kind?
    /// When the current outage began (the first failed scrape after a success or the start).
    public var downSince: Date?
    /// When the last successful scrape finished.
    public var lastSuccess: Date?
    /// Duration of the last scrape, in seconds.
    public var scrapeDurationSeconds: Double
    /// Series in the last successful scrape.
    public var seriesCount: Int

    /// A service not scraped yet.
    public init(name: String) {
        self.name = name
        self.state = .pending
        self.scrapeDurationSeconds = 0
        self.seriesCount = 0
    }

    /// Whether the last scrape succeeded.
    public var isUp: Bool { state == .up }

    /// Seconds the service has been down at `now`, or nil while up or pending.
    public func downFor(now: Date) -> Double? {
        guard state == .down, let downSince else { return nil }
        return max(0, now.timeIntervalSince(downSince))
    }

    /// Folds one scrape outcome in; `now` is when it finished (injected, so tests need no real time).
    public mutating func record(_ outcome: ScrapeOutcome, at now: Date) {
        scrapeDurationSeconds = DurationFormat.secondsValue(outcome.duration)
        switch outcome.result {
        case .success(let sample):
            lastSuccess = now
            seriesCount = sample.seriesCount
            // The scrape worked and its figures are kept, but the service is what the exporter watches.
            if let error = ServiceSample.backendDownError(sample.backendDown) {
                if state != .down { downSince = now }
                state = .down
                lastError = error.message
                errorKind = error.kind
                return
            }
            state = .up
            lastError = nil
            errorKind = nil
            downSince = nil
        case .failure(let error):
            if state != .down { downSince = now }
            state = .down
            lastError = error.message
            errorKind = error.kind
        }
    }
}
