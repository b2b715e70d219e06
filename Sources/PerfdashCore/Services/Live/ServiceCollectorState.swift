import Foundation

/// What the live services collector knows, as a value: each service's status and its recent scrapes.
///
/// Pure and stepped by hand: `record(_:at:)` folds scrape outcomes in, `reports(window:now:)` reads them out. The
/// `ServiceCollector` keeps one behind a lock and feeds it from its scrape tasks; tests drive it directly.
///
/// Deriving a window's metrics costs O(scrapes × series): the collector does it on the scrape task right after
/// each scrape (`derive`/`store`), so a tick only reads the result and a big service never delays a snapshot.
public struct ServiceCollectorState: Sendable {
    /// How the services are reached, in configuration order.
    public let services: [ServiceConfig]
    /// Up/down, last error, scrape duration and series count per service.
    public private(set) var board: ServiceStatusBoard
    /// Each service's scrapes, sized for the longest stats window.
    private var windows: [String: ServiceWindow]
    /// Scrapes recorded per service: which scrape a derived result belongs to.
    private var generations: [String: Int] = [:]
    /// Metrics derived per service and window, with the generation they were derived at.
    private var derived: [String: [StatsWindow: (generation: Int, metrics: ServiceMetrics?)]] = [:]
    /// The windows reports were asked for: the ones each scrape derives.
    public private(set) var wanted: Set<StatsWindow> = []
    /// True when results one scrape old may stand in while the next is derived (the live collector); false
    /// derives anything stale on the spot (a state stepped by hand).
    var acceptsStale = false

    /// An empty state for `services` scraped every `interval` (which sizes the windows for 15 minutes).
    public init(services: [ServiceConfig], interval: Duration) {
        self.services = services
        board = ServiceStatusBoard(names: services.map(\.name))
        // Each service's window holds 15 minutes at its own interval (one scrape per second below 1 s).
        windows = Dictionary(services.map { service in
            (service.name, ServiceWindow(window: StatsWindow.fifteenMinutes.duration.seconds,
                                         interval: (service.interval ?? interval).seconds))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Folds in scrape outcomes that finished at `time` (its monotonic part places the scrape in the window, its
    /// wall-clock part dates an outage). Outcomes of unknown services are ignored.
    public mutating func record(_ outcomes: [ScrapeOutcome], at time: SampleTime) {
        board.record(outcomes, at: time.date)
        for outcome in outcomes {
            guard case .success(let sample) = outcome.result else { continue }
            windows[outcome.name]?.append(sample, at: time.monotonic.seconds)
            generations[outcome.name, default: 0] += 1
        }
    }

    /// The work of bringing `name`'s derived metrics up to date for the wanted windows, to run outside the lock.
    func derivation(for name: String) -> (generation: Int, window: ServiceWindow, windows: Set<StatsWindow>)? {
        guard let window = windows[name] else { return nil }
        return (generations[name, default: 0], window, wanted)
    }

    /// Keeps metrics derived at `generation`, unless a later scrape's are already kept.
    mutating func store(_ metrics: [StatsWindow: ServiceMetrics?], for name: String, generation: Int) {
        for (window, result) in metrics where (derived[name]?[window]?.generation ?? -1) < generation {
            derived[name, default: [:]][window] = (generation, result)
        }
    }

    /// Asks for `window` to be derived after every scrape from now on.
    mutating func want(_ window: StatsWindow) {
        wanted.insert(window)
    }

    /// The scrapes kept for `name`, if configured.
    public func window(_ name: String) -> ServiceWindow? {
        windows[name]
    }

    /// Every service as a snapshot shows it, with metrics over `window`; `now` (wall clock, Unix ms) dates the
    /// down-for seconds.
    /// The derived metrics when current (or merely one scrape old, for the live collector), else derived now.
    private func metrics(_ name: String, window: StatsWindow) -> ServiceMetrics? {
        if let kept = derived[name]?[window], acceptsStale || kept.generation == generations[name, default: 0] {
            return kept.metrics
        }
        return windows[name]?.metrics(over: window.duration.seconds)
    }

    public func reports(window: StatsWindow, now unixMilliseconds: Int64) -> [ServiceReport] {
        let now = Date(unixMilliseconds: unixMilliseconds)
        return zip(services, board.statuses).map { service, status in
            var metrics: ServiceWindowReport?
            if status.isUp, let derived = self.metrics(service.name, window: window) {
                metrics = ServiceWindowReport(derived, window: window)
            }
            return ServiceReport(
                name: service.name, kind: service.kind, address: service.address, state: status.state,
                lastError: status.lastError, errorKind: status.errorKind,
                // Whole milliseconds: the inputs are, and Date arithmetic would add float noise.
                downForSeconds: status.downFor(now: now).map { ($0 * 1000).rounded() / 1000 },
                scrapeDurationSeconds: status.scrapeDurationSeconds, seriesCount: status.seriesCount,
                metrics: metrics)
        }
    }
}

extension ServiceConfig {
    /// Where the service is: its URL, `host:port` (with `/db` when a database is selected) for Redis,
    /// `postgres://user@host:port/db`, or `memcached://host:port`.
    public var address: String {
        switch endpoint {
        case .http(let http, _, _):
            return http.description
        case .redis(let redis):
            let host = redis.host.contains(":") ? "[\(redis.host)]" : redis.host
            return "\(host):\(redis.port)" + (redis.database.map { "/\($0)" } ?? "")
        case .postgres(let postgres):
            return postgres.address
        case .memcached(let host, let port):
            return "memcached://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        }
    }
}

extension SampleTime {
    /// The wall-clock part as a `Date`.
    var date: Date { Date(unixMilliseconds: unixMilliseconds) }
}

extension Date {
    /// The instant `unixMilliseconds` after the Unix epoch.
    init(unixMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(unixMilliseconds) / 1000)
    }
}
