import Synchronization

/// perfdash's own traffic to each Redis server, shared by every service that reads that server.
///
/// Redis' keyspace_hits, keyspace_misses and total_commands_processed are server-wide (every database, every
/// client). Two services configured on one server would each see the other's probes as traffic if each took out
/// only its own; so the services of one server scrape it one at a time (`gate`) and add what they sent to one
/// running total. A service then takes out everything perfdash sent to that server since its previous reading.
/// One registry serves one collector (the app builds one for all its services); servers are told apart by the
/// host and port as configured.
public final class RedisServerLedgers: Sendable {
    private let servers = Mutex<[String: RedisServerTraffic]>([:])

    /// An empty registry.
    public init() {}

    /// The shared account of the server at `host`:`port` (created on first use).
    func server(host: String, port: Int) -> RedisServerTraffic {
        let key = "\(host.lowercased()):\(port)"
        return servers.withLock { servers in
            if let known = servers[key] { return known }
            let made = RedisServerTraffic()
            servers[key] = made
            return made
        }
    }
}

/// One Redis server's account: the gate its scrapes pass one at a time, and what perfdash has sent it.
final class RedisServerTraffic: Sendable {
    /// What perfdash's scrapes have added to the server's counters, and how often their share became unknown.
    struct Totals: Sendable, Equatable {
        /// keyspace_hits, keyspace_misses, total_commands_processed added by every completed scrape.
        var sent: [Double] = [0, 0, 0]
        /// Goes up when a scrape failed after sending: its share is unknown, so every service's next reading
        /// continues from its last values (that interval counts as quiet).
        var epoch: UInt64 = 0
    }

    /// One scrape of this server at a time, across every service that reads it.
    let gate = AsyncGate()
    private let totals = Mutex(Totals())

    /// The totals now (read with the gate held: nothing of perfdash's is in flight).
    var current: Totals { totals.withLock { $0 } }

    /// Adds a completed scrape's commands; returns the new totals.
    func add(_ sent: [Double]) -> Totals {
        totals.withLock { totals in
            for index in totals.sent.indices where index < sent.count { totals.sent[index] += sent[index] }
            return totals
        }
    }

    /// A scrape failed after it may have sent commands: nobody's next reading can take them out exactly.
    func markUncertain() {
        totals.withLock { $0.epoch &+= 1 }
    }
}

/// One Redis service's side of the account: its ledger and where the server's totals stood after its last scrape.
final class RedisSourceAccount: Sendable {
    private struct State: Sendable {
        var ledger = OwnTrafficLedger(count: 3)
        var seen = RedisServerTraffic.Totals()
        var started = false
    }

    private let state = Mutex(State())

    /// The counters of one reading (`raw`) with every perfdash scrape's share taken out: the commands this scrape
    /// sent before INFO (`before`), those other services sent since this one's last scrape (`now − seen`), and
    /// this scrape's own after INFO (`after`, which land in the next reading). `now` is the server's totals when
    /// this scrape started.
    func adjust(raw: [Double], before: [Double], after: [Double], now: RedisServerTraffic.Totals) -> [Double] {
        state.withLock { state in
            let rebase = state.started && now.epoch != state.seen.epoch
            var ownBefore = before
            for index in ownBefore.indices {
                ownBefore[index] += max(0, now.sent[index] - state.seen.sent[index])
            }
            state.started = true
            return state.ledger.adjust(raw: raw, ownBefore: ownBefore, ownAfter: after, rebase: rebase)
        }
    }

    /// Where the server's totals stood when this service's scrape ended.
    func finished(at totals: RedisServerTraffic.Totals) {
        state.withLock { $0.seen = totals }
    }
}
