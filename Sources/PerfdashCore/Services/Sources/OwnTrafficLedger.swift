/// Takes a source's own traffic out of a server's counters, so perfdash never makes them lie.
///
/// Redis counts perfdash's LLEN probes as keyspace hits and misses and its commands as commands; PostgreSQL counts
/// perfdash's statements as transactions and its catalog reads as buffer hits. A scrape knows exactly what it added
/// and whether that lands before the reading it takes (`ownBefore`: Redis' AUTH and SELECT) or after it (`ownAfter`:
/// the probes, or PostgreSQL's statements, flushed at the end of the scrape). The ledger keeps the running total and
/// reports `raw − own`.
///
/// After `rebase` (a new session, or a scrape that failed half-way so its share is unknown) the counters continue
/// from the last reported values: that interval counts as quiet. A raw counter that went down (a restart, a stats
/// reset) starts over from its new value, which the window reads as a counter reset, as Prometheus does.
public struct OwnTrafficLedger: Sendable, Equatable {
    private var base: [Double]
    private var pendingAfter: [Double]
    private var lastRaw: [Double]?
    private var lastAdjusted: [Double]?
    private var rebaseNext = false

    /// A ledger for `count` counters.
    public init(count: Int) {
        base = [Double](repeating: 0, count: count)
        pendingAfter = base
    }

    /// The next reading continues from the last reported values (what perfdash added since is unknown).
    public mutating func markUncertain() {
        rebaseNext = true
    }

    /// The counters of one reading with perfdash's share taken out.
    public mutating func adjust(raw: [Double], ownBefore: [Double], ownAfter: [Double],
                                rebase: Bool = false) -> [Double] {
        precondition(raw.count == base.count && ownBefore.count == base.count && ownAfter.count == base.count)
        let rebasing = rebase || rebaseNext
        var adjusted = raw
        for i in raw.indices {
            let previousRaw = lastRaw?[i]
            let previousAdjusted = lastAdjusted?[i]
            if let previousRaw, raw[i] < previousRaw {
                base[i] = ownBefore[i]
            } else if rebasing, let previousAdjusted {
                base[i] = max(0, raw[i] - previousAdjusted)
            } else {
                base[i] += pendingAfter[i] + ownBefore[i]
            }
            adjusted[i] = max(0, raw[i] - base[i])
            // Never below the last value unless the server's counter went down: that would read as a reset.
            if let previousAdjusted, let previousRaw, raw[i] >= previousRaw {
                adjusted[i] = max(adjusted[i], previousAdjusted)
            }
        }
        pendingAfter = ownAfter
        lastRaw = raw
        lastAdjusted = adjusted
        rebaseNext = false
        return adjusted
    }
}
