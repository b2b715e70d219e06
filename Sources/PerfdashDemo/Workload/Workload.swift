public import Prometheus

/// The demo service's work, simulated request by request in virtual time: rate limiter → L1 → L2 → L3 (through the
/// connection pool), plus jobs into four priority queues served by a worker pool, all recorded in Prometheus metrics.
///
/// Nothing here reads a clock or sleeps. `step(count:)` processes exactly that many requests and `run(until:)` every
/// request that arrives before a virtual instant; the service calls `run(until:)` on a timer with the wall-clock time
/// since start, tests call `step(count:)` and get the same counters for the same seed every time.
public struct Workload: Sendable {
    /// The knobs the workload was built with.
    public let configuration: WorkloadConfiguration
    /// Virtual time reached: the arrival of the last request processed, or the last `run(until:)` instant.
    public private(set) var now: Duration = .zero
    /// Totals so far, equal to the exposed counters.
    public private(set) var stats = WorkloadStats()

    private var traffic: any TrafficSource
    private var lookahead: DemoRequest?
    private var l1: LRUCache<Int, String>
    private var l2: any SecondTier
    private var database: SimulatedDatabase
    private var pool: ConnectionPool
    private var limiter: RateLimiter
    private var queues: JobQueues
    private var random: SeededRandom
    /// The route of the request being processed (its metrics are recorded by route).
    private var route = DemoMetrics.routes[0]
    private let metrics: DemoMetrics

    /// Builds the workload and registers its metrics in `registry`.
    ///
    /// - Parameters:
    ///   - secondTier: the L2; nil for the in-process tier of `configuration`.
    ///   - traffic: the request stream; nil for the seeded stream of `configuration`.
    public init(configuration: WorkloadConfiguration = WorkloadConfiguration(),
                registry: PrometheusCollectorRegistry,
                secondTier: (any SecondTier)? = nil,
                traffic: (any TrafficSource)? = nil) {
        self.configuration = configuration
        // Each component draws from its own fork so a change in one does not reshuffle the others.
        var seeds = SeededRandom(seed: configuration.seed)
        let trafficSeed = seeds.next()
        let tierSeed = seeds.next()
        let databaseSeed = seeds.next()
        random = seeds.fork()
        self.traffic = traffic ?? SeededTraffic(
            seed: trafficSeed, schedule: configuration.schedule, keySpace: configuration.keySpace,
            zipfExponent: configuration.zipfExponent, jobFraction: configuration.jobFraction)
        l1 = LRUCache(capacity: configuration.l1Capacity, timeToLive: configuration.l1TimeToLive)
        l2 = secondTier ?? InProcessTier(
            capacity: configuration.l2Capacity, timeToLive: configuration.l2TimeToLive,
            medianLatency: configuration.l2MedianLatency, seed: tierSeed)
        database = SimulatedDatabase(missingEvery: configuration.missingEvery,
                                     medianLatency: configuration.databaseMedianLatency, seed: databaseSeed)
        pool = ConnectionPool(size: configuration.poolSize)
        limiter = RateLimiter(rate: configuration.rateLimit, burst: configuration.rateBurst)
        queues = JobQueues(workers: configuration.workers)
        metrics = DemoMetrics(registry: registry, configuration: configuration, l2Kind: l2.kind)
        publishGauges()
    }

    /// What the L2 is (`in-process` or `redis`).
    public var secondTierKind: String { l2.kind }

    /// Jobs waiting in `queue` now.
    public func depth(_ queue: JobPriority) -> Int { queues.depth(queue) }

    /// Processes the next `count` requests; returns how many there were (fewer only if the traffic ran dry).
    @discardableResult
    public mutating func step(count: Int) async -> Int {
        var done = 0
        while done < count, let request = takeRequest() {
            await process(request)
            done += 1
        }
        publishGauges()
        return done
    }

    /// Writes the traffic's hottest `keys` keys at time 0 (those with a row) into the L2, as a service that has been
    /// running holds them: the demo's L2 hit rate is then not a cold-start artefact in the dashboard's first minute.
    /// Not counted as traffic (no hit, miss or request); returns how many keys were written.
    @discardableResult
    public mutating func warmSecondTier(keys: Int) async -> Int {
        let space = configuration.keySpace
        guard space > 0 else { return 0 }
        let offset = configuration.schedule.hotSetOffset(at: .zero)
        var written = 0
        for rank in 0..<min(max(0, keys), space) {
            let key = (rank + offset) % space
            guard database.hasRow(key) else { continue }
            do {
                _ = try await l2.write(key, value: "row-\(key)", now: now)
                written += 1
            } catch {
                countL2Error()
            }
        }
        publishGauges()
        return written
    }

    /// Processes every request arriving up to `time`, then runs the queues up to `time`.
    public mutating func run(until time: Duration) async {
        while let request = peekRequest(), request.arrival <= time {
            lookahead = nil
            await process(request)
        }
        if time > now { advanceTime(to: time) }
        publishGauges()
    }

    private mutating func takeRequest() -> DemoRequest? {
        defer { lookahead = nil }
        return peekRequest()
    }

    private mutating func peekRequest() -> DemoRequest? {
        if lookahead == nil { lookahead = traffic.next() }
        return lookahead
    }

    /// Moves virtual time forward: scheduled batch dumps land, workers take jobs.
    private mutating func advanceTime(to time: Duration) {
        let dumps = configuration.schedule.dumps(after: now, through: time)
        now = max(now, time)
        for _ in 0..<(dumps * configuration.schedule.dumpJobs) {
            enqueue(.batch)
        }
        for (queue, waited) in queues.advance(to: now) {
            stats.started[queue, default: 0] += 1
            stats.database.jobStarted()
            metrics.started[queue]?.increment()
            metrics.queueWait[queue]?.record(waited.seconds)
        }
    }

    private mutating func enqueue(_ queue: JobPriority) {
        let mean = configuration.meanServiceTime[queue, default: .milliseconds(10)].seconds
        queues.enqueue(queue, at: now, service: .seconds(random.exponential(mean: mean)))
        stats.enqueued[queue, default: 0] += 1
        metrics.enqueued[queue]?.increment()
    }

    private mutating func process(_ request: DemoRequest) async {
        advanceTime(to: request.arrival)
        stats.requests += 1
        route = DemoMetrics.route(forKey: request.key)
        guard limiter.admit(at: now) else {
            metrics.rejections.increment()
            respond(429, after: .microseconds(20))
            return
        }
        let status = await read(request.key)
        if status != 503, let job = request.job { enqueue(job) }
    }

    /// Reads `key` through the tiers, fills the upper tiers on the way back, and responds.
    private mutating func read(_ key: Int) async -> Int {
        let l1Latency = Duration.seconds(random.logNormal(median: 3e-6, sigma: 0.3))
        metrics.tierDuration[.l1]?.record(l1Latency.seconds)
        switch l1.get(key, now: now) {
        case .hit:
            count(hit: true, .l1)
            return respond(200, after: l1Latency)
        case .expired:
            count(expired: .l1)
            count(hit: false, .l1)
        case .miss:
            count(hit: false, .l1)
        }

        var elapsed = l1Latency
        do {
            let reply = try await l2.read(key, now: now)
            elapsed += reply.latency
            metrics.tierDuration[.l2]?.record(reply.latency.seconds)
            if reply.expired { count(expired: .l2) }
            if let value = reply.value {
                count(hit: true, .l2)
                fillL1(key, value)
                return respond(200, after: elapsed)
            }
        } catch {
            countL2Error()
        }
        count(hit: false, .l2)

        let busy = queues.busyWorkers(at: now)
        let utilization = Double(pool.inUse(at: now, others: busy)) / Double(pool.size)
        let query = database.queryLatency(utilization: utilization)
        guard pool.checkOut(at: now, hold: query, others: busy) else {
            stats.poolExhausted += 1
            metrics.poolExhausted.increment()
            return respond(503, after: elapsed)
        }
        metrics.tierDuration[.l3]?.record(query.seconds)
        elapsed += query
        stats.database.query(route: route, key: key, latency: query, found: database.hasRow(key))
        guard database.hasRow(key) else {
            count(hit: false, .l3)
            return respond(404, after: elapsed)
        }
        count(hit: true, .l3)
        let value = "row-\(key)"
        do {
            record(try await l2.write(key, value: value, now: now).removal, .l2)
        } catch {
            countL2Error()
        }
        fillL1(key, value)
        return respond(200, after: elapsed)
    }

    private mutating func fillL1(_ key: Int, _ value: String) {
        record(l1.set(key, value, now: now), .l1)
    }

    @discardableResult
    private mutating func respond(_ status: Int, after latency: Duration) -> Int {
        stats.responses[status, default: 0] += 1
        metrics.requests[status]?.increment()
        metrics.requestDuration.record(latency.seconds)
        metrics.routeRequests[route]?[status]?.increment()
        metrics.routeDuration[route]?.record(latency.seconds)
        return status
    }

    private mutating func count(hit: Bool, _ level: CacheLevel) {
        if hit {
            stats.hits[level, default: 0] += 1
            metrics.hits[level]?.increment()
        } else {
            stats.misses[level, default: 0] += 1
            metrics.misses[level]?.increment()
        }
    }

    private mutating func count(expired level: CacheLevel) {
        stats.expirations[level, default: 0] += 1
        metrics.expirations[level]?.increment()
    }

    private mutating func record(_ removal: CacheRemoval<Int>?, _ level: CacheLevel) {
        switch removal {
        case .evicted:
            stats.evictions[level, default: 0] += 1
            metrics.evictions[level]?.increment()
        case .expired:
            count(expired: level)
        case nil:
            break
        }
    }

    private mutating func countL2Error() {
        stats.l2Errors += 1
        metrics.l2Errors.increment()
    }

    /// Gauges are set after a batch of work rather than per request: a scrape sees the state at a step boundary.
    private mutating func publishGauges() {
        for queue in JobPriority.allCases {
            metrics.queueDepth[queue]?.set(Double(queues.depth(queue)))
        }
        let busy = queues.busyWorkers(at: now)
        metrics.workersBusy.set(Double(busy))
        let inUse = pool.inUse(at: now, others: busy)
        metrics.poolInUse.set(Double(inUse))
        metrics.poolIdle.set(Double(max(0, pool.size - inUse)))
        stats.database.active = inUse
        stats.database.idle = max(0, pool.size - inUse)
        metrics.entries[.l1]?.set(Double(l1.count))
        if let entries = l2.entries { metrics.entries[.l2]?.set(Double(entries)) }
    }
}
