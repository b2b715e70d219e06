/// One service to scrape each tick: its name, its source and its own deadline.
public struct ScrapeTarget: Sendable {
    /// The service name from the config.
    public var name: String
    /// What to scrape.
    public var source: any ServiceSource
    /// Deadline for one scrape of this service.
    public var timeout: Duration

    /// Creates a target.
    public init(name: String, source: any ServiceSource, timeout: Duration) {
        self.name = name
        self.source = source
        self.timeout = timeout
    }
}

/// The result of scraping one service once.
public struct ScrapeOutcome: Sendable {
    /// The service name.
    public var name: String
    /// The sample, or why there is none.
    public var result: Result<ServiceSample, SourceError>
    /// How long the scrape took (up to the deadline when it timed out).
    public var duration: Duration

    /// Creates an outcome.
    public init(name: String, result: Result<ServiceSample, SourceError>, duration: Duration) {
        self.name = name
        self.result = result
        self.duration = duration
    }
}

/// Scrapes every configured service concurrently, each bounded by its own deadline.
///
/// A round returns when the slowest service has answered or reached its deadline, so a hanging service costs the
/// caller at most the largest timeout and never delays the other services' results.
public struct ServiceScraper: Sendable {
    /// The services, in display order.
    public var targets: [ScrapeTarget]

    /// Creates a scraper.
    public init(targets: [ScrapeTarget]) {
        self.targets = targets
    }

    /// Scrapes all targets once; outcomes come back in `targets` order. The clock times deadlines and durations.
    public func scrapeAll<C: Clock>(clock: C) async -> [ScrapeOutcome] where C.Duration == Duration {
        await withTaskGroup(of: (Int, ScrapeOutcome).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await Self.scrape(target, clock: clock)) }
            }
            var outcomes = [ScrapeOutcome?](repeating: nil, count: targets.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
    }

    /// Scrapes all targets once on the continuous clock.
    public func scrapeAll() async -> [ScrapeOutcome] {
        await scrapeAll(clock: ContinuousClock())
    }

    /// Races one source against its deadline; the loser is cancelled.
    public static func scrape<C: Clock>(_ target: ScrapeTarget, clock: C) async -> ScrapeOutcome
    where C.Duration == Duration {
        let start = clock.now
        let result = await withTaskGroup(of: Result<ServiceSample, SourceError>?.self) { group in
            group.addTask {
                do {
                    return .success(try await target.source.scrape())
                } catch let error as SourceError {
                    return .failure(error)
                } catch {
                    return .failure(SourceErrorMapping.map(error, timeout: target.timeout))
                }
            }
            group.addTask {
                // A cancelled sleep means the source finished first: this child then yields nothing.
                do { try await clock.sleep(for: target.timeout) } catch { return nil }
                return .failure(.timeout(after: target.timeout))
            }
            var first: Result<ServiceSample, SourceError>?
            while first == nil, let next = await group.next() { first = next }
            group.cancelAll()
            return first ?? .failure(SourceError(.cancelled, "scrape cancelled"))
        }
        return ScrapeOutcome(name: target.name, result: result, duration: start.duration(to: clock.now))
    }
}
