public import Foundation

/// The status of every configured service, in display order, updated from each scrape round.
public struct ServiceStatusBoard: Sendable, Equatable, Codable {
    /// One status per service, in config order.
    public private(set) var statuses: [ServiceStatus]

    /// A board with every service pending.
    public init(names: [String]) {
        statuses = names.map(ServiceStatus.init(name:))
    }

    /// The status of `name`, if configured.
    public subscript(name: String) -> ServiceStatus? {
        statuses.first { $0.name == name }
    }

    /// Folds a scrape round in; `now` is the round's end (injected). Outcomes for unknown names are ignored.
    public mutating func record(_ outcomes: [ScrapeOutcome], at now: Date) {
        for outcome in outcomes {
            guard let index = statuses.firstIndex(where: { $0.name == outcome.name }) else { continue }
            statuses[index].record(outcome, at: now)
        }
    }
}
