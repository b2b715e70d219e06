import Synchronization

/// Scrapes every configured service in the background, each on its own schedule, and keeps the latest results.
///
/// Each service has its own task that scrapes it every `interval` (or its own `[[service]] interval`) on a fixed
/// grid (bounded by the service's timeout), so a slow or hanging service never delays another. Results land in a
/// `ServiceCollectorState` behind a `Mutex`; readers (`reports(window:now:)`, `state`) take a copy under the lock and never wait for a scrape.
///
/// Start it with `run(clock:wallClock:)` in a task (or `start()`), cancel that task to stop it; tick a
/// `LiveMonitor` (or call `reports` yourself) to put the results into snapshots.
public final class ServiceCollector: Sendable {
    /// Time between two scrapes of a service without its own interval.
    public let interval: Duration
    private let targets: [ScrapeTarget]
    /// Each target's own interval, in `targets` order.
    private let intervals: [Duration]
    private let state: Mutex<ServiceCollectorState>

    /// A collector for `services` with the real sources (HTTP expositions parsed with each service's metric names,
    /// Redis servers; the services of one Redis server share its account of perfdash's own probes).
    public convenience init(services: [ServiceConfig], interval: Duration) {
        self.init(services: services, interval: interval, sources: [:])
    }

    /// A collector with the real sources, except the services named in `sources`, which are read from the source
    /// given (the demo's synthetic database tier).
    public convenience init(services: [ServiceConfig], interval: Duration, sources: [String: any ServiceSource]) {
        let redisServers = RedisServerLedgers()
        self.init(services: services, interval: interval, targets: services.map { service in
            if let source = sources[service.name] {
                return ScrapeTarget(name: service.name, source: source, timeout: service.timeout)
            }
            return service.scrapeTarget(redisServers: redisServers)
        })
    }

    /// A collector over given targets (one per service, same names: a test injects its own sources).
    public init(services: [ServiceConfig], interval: Duration, targets: [ScrapeTarget]) {
        self.interval = interval
        self.targets = targets
        let own = Dictionary(services.map { ($0.name, $0.interval) }, uniquingKeysWith: { first, _ in first })
        intervals = targets.map { (own[$0.name] ?? nil) ?? interval }
        var initial = ServiceCollectorState(services: services, interval: interval)
        initial.acceptsStale = true
        state = Mutex(initial)
    }

    /// Whether any service is configured (no services: no `services` section).
    public var isEmpty: Bool { targets.isEmpty }

    /// A copy of everything known now; never waits for a scrape.
    public var current: ServiceCollectorState { state.withLock { $0 } }

    /// Every service as a snapshot shows it, with metrics over `window`; `now` (Unix ms) dates outages.
    /// The derivation runs on a copy, outside the lock.
    public func reports(window: StatsWindow, now unixMilliseconds: Int64) -> [ServiceReport] {
        let (snapshot, isNew) = state.withLock { state in
            let isNew = !state.wanted.contains(window)
            state.want(window)
            return (state, isNew)
        }
        // A window asked for the first time has nothing derived yet: derive it once here, then after each scrape.
        if isNew {
            for service in snapshot.services { derive(service.name) }
            return current.reports(window: window, now: unixMilliseconds)
        }
        return snapshot.reports(window: window, now: unixMilliseconds)
    }

    /// Folds outcomes in by hand (what the scrape tasks do after each scrape).
    public func record(_ outcomes: [ScrapeOutcome], at time: SampleTime) {
        state.withLock { $0.record(outcomes, at: time) }
        for outcome in outcomes { derive(outcome.name) }
    }

    /// Derives `name`'s wanted windows outside the lock (ticks keep reading the previous results meanwhile).
    private func derive(_ name: String) {
        guard let work = state.withLock({ $0.derivation(for: name) }) else { return }
        var results: [StatsWindow: ServiceMetrics?] = [:]
        for window in work.windows { results[window] = work.window.metrics(over: window.duration.seconds) }
        state.withLock { $0.store(results, for: name, generation: work.generation) }
    }

    /// Scrapes every service every `interval` until the task is cancelled. The first scrapes start at once.
    /// `clock` schedules and times scrapes; `wallClock` (Unix ms) dates outages.
    public func run<C: Clock>(clock: C, wallClock: @escaping @Sendable () -> Int64 = WallClock.unixMilliseconds) async
    where C.Duration == Duration {
        let origin = clock.now
        await withTaskGroup(of: Void.self) { group in
            for (target, every) in zip(targets, intervals) {
                group.addTask {
                    await self.scrapeRepeatedly(target, every: every, clock: clock, origin: origin,
                                                wallClock: wallClock)
                }
            }
        }
    }

    /// Starts `run` on the continuous clock in a new task; cancel the task to stop scraping.
    public func start() -> Task<Void, Never> {
        Task { await run(clock: ContinuousClock()) }
    }

    private func scrapeRepeatedly<C: Clock>(_ target: ScrapeTarget, every interval: Duration, clock: C,
                                            origin: C.Instant, wallClock: @Sendable () -> Int64) async
    where C.Duration == Duration {
        var tick: Int64 = 0
        while !Task.isCancelled {
            let outcome = await ServiceScraper.scrape(target, clock: clock)
            // A scrape cut short by stopping says nothing about the service.
            if Task.isCancelled { return }
            record([outcome], at: SampleTime(monotonic: origin.duration(to: clock.now), unixMilliseconds: wallClock()))
            tick += 1
            // A scrape that ran past grid points (a timeout longer than the interval) skips them.
            let elapsed = origin.duration(to: clock.now)
            if elapsed > interval * tick { tick = Int64((elapsed / interval).rounded(.down)) + 1 }
            do {
                try await clock.sleep(until: origin.advanced(by: interval * tick), tolerance: nil)
            } catch {
                return
            }
        }
    }
}

extension ServiceConfig {
    /// The scrape target with the real sources: an HTTP body is parsed as an exposition with this service's
    /// metric names. Targets built for one collector pass one `redisServers`.
    public func scrapeTarget(redisServers: RedisServerLedgers = RedisServerLedgers()) -> ScrapeTarget {
        scrapeTarget(redisServers: redisServers) { result, names in
            try Exposition.sample(from: result.body, contentType: result.contentType, names: names)
        }
    }
}
