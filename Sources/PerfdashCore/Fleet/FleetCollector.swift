import Synchronization

/// Reads the fleet from a Prometheus server in the background, one round per interval, and keeps the latest
/// `FleetReport` and the autoscalers' PromQL input values; readers take a copy under the lock, never waiting.
///
/// A round sends the query set's instant queries (a constant number: see `FleetQueries`), the autoscalers' PromQL
/// inputs, and, while a drill-down is open, one range query per graphed field, all evaluated at the same time and
/// at most `concurrency` at once. A query that fails leaves its column as the last success had it and is listed
/// in the report's `failures`; an autoscaler input whose query failed has no value this round (never 0).
public final class FleetCollector: Sendable {
    private struct State: Sendable {
        var report: FleetReport
        var lastGood: [String: [PromSample]] = [:]
        var inputs: [String: Double] = [:]
        var inputFailures: [FleetFailure] = []
        var focus: FleetFocus?
        var rounds = 0
    }

    /// The settings.
    public let settings: FleetSettings
    /// The PromQL inputs of the autoscalers: the series each value is recorded as, and its query.
    public let inputQueries: [(series: String, query: String)]
    private let client: PrometheusClient
    private let state: Mutex<State>

    /// A collector for `settings`, evaluating `inputQueries` too.
    public init(settings: FleetSettings, inputQueries: [(series: String, query: String)] = []) {
        self.settings = settings
        self.inputQueries = inputQueries
        client = PrometheusClient(server: settings.server)
        state = Mutex(State(report: .pending(server: settings.server.url, source: settings.queries.source,
                                             windowSeconds: settings.queries.windowSeconds)))
    }

    /// The latest report (a copy).
    public var report: FleetReport { state.withLock { $0.report } }

    /// Rounds completed.
    public var rounds: Int { state.withLock { $0.rounds } }

    /// The autoscaler inputs of the last round, as series (those whose query failed are absent).
    public func inputSeries() -> [FlatSeries] {
        let values = state.withLock { $0.inputs }
        return inputQueries.compactMap { input in
            values[input.series].map { FlatSeries(name: input.series, value: $0, unit: .count) }
        }
    }

    /// The PromQL inputs' failures of the last round.
    public var inputFailures: [FleetFailure] { state.withLock { $0.inputFailures } }

    /// Opens a drill-down on `focus` (nil closes it); the next round fetches its history.
    public func setFocus(_ focus: FleetFocus?) {
        state.withLock {
            if $0.focus != focus { $0.report.detail = nil }
            $0.focus = focus
        }
    }

    /// One round evaluated at `time` (Unix seconds); `clock` times it. Rounds run one at a time (`run` does so; a
    /// caller that also calls this must not overlap it with `run`).
    public func round<C: Clock>(at time: Double, clock: C) async where C.Duration == Duration {
        let start = clock.now
        let queries = settings.queries.tickQueries()
        let focus = state.withLock { $0.focus }
        var jobs: [Job] = queries.map { .instant($0) }
        jobs += inputQueries.map { .input(series: $0.series, query: $0.query) }
        var detailQueries: [(FleetField, String)] = []
        if let focus {
            detailQueries = self.detailQueries(focus)
            jobs += detailQueries.map { .range($0.0, $0.1) }
        }
        let span = settings.historySeconds
        let step = span / Double(settings.historyPoints)
        let outcomes = await run(jobs, time: time, rangeStart: time - span, step: step)

        // Rows are built outside the lock (only this task writes `lastGood`), so a reader never waits for them.
        var lastGood = state.withLock { $0.lastGood }
        var results: [(FleetQuery, [PromSample])] = []
        var failures: [FleetFailure] = []
        var inputs: [String: Double] = [:]
        var inputFailures: [FleetFailure] = []
        var graphs: [FleetGraph] = []
        var succeeded = 0
        for (job, outcome) in zip(jobs, outcomes) {
            switch (job, outcome) {
            case (.instant(let query), .samples(let samples)):
                lastGood[query.id] = samples
                results.append((query, samples))
                succeeded += 1
            case (.instant(let query), .failed(let error)):
                failures.append(FleetFailure(error, id: query.id))
                results.append((query, lastGood[query.id] ?? []))
            case (.input(let series, _), .samples(let samples)):
                // An autoscaler input is one number: several samples are refused rather than summed, since
                // adding them up silently would hide a query that forgot its aggregation.
                if samples.count == 1, samples[0].value.isFinite { inputs[series] = samples[0].value } else {
                    inputFailures.append(FleetFailure(FleetQueryError(
                        query: job.query, kind: .invalidData,
                        reason: samples.isEmpty ? "no sample: the query returned an empty vector"
                            : samples.count > 1 ? "\(samples.count) samples: aggregate it to one (sum, max…)"
                            : "the value is \(samples[0].value)"), id: series))
                }
            case (.input(let series, _), .failed(let error)):
                inputFailures.append(FleetFailure(error, id: series))
            case (.range(let field, _), .series(let series)):
                graphs.append(FleetGraph(field: field, values: Self.align(series.first?.points ?? [],
                                                                      start: time - span, step: step,
                                                                      count: settings.historyPoints + 1)))
            case (.range, .failed(let error)):
                failures.append(FleetFailure(error, id: "detail"))
            default: break
            }
        }
        let (hosts, services) = FleetAssembler.assemble(results)
        let total = queries.count + detailQueries.count
        state.withLock { s in
            s.lastGood = lastGood
            s.report = FleetReport(
                server: settings.server.url, source: settings.queries.source,
                windowSeconds: settings.queries.windowSeconds,
                evaluatedAtUnixMs: Int64(exactly: (time * 1000).rounded()) ?? 0,
                roundSeconds: start.duration(to: clock.now).seconds, queriesPerRound: total + inputQueries.count,
                state: succeeded == queries.count ? .up : succeeded == 0 ? .down : .degraded,
                hosts: hosts, services: services, failures: failures,
                detail: focus.map { focus in
                    graphs.isEmpty && s.report.detail?.focus == focus ? s.report.detail
                        : FleetDetail(focus: focus, startSeconds: time - span, endSeconds: time, stepSeconds: step,
                                      graphs: graphs)
                } ?? nil)
            s.inputs = inputs
            s.inputFailures = inputFailures
            s.rounds += 1
        }
    }

    /// Rounds every interval on a fixed grid until the task is cancelled; the first starts at once.
    public func run<C: Clock>(clock: C, wallClock: @escaping @Sendable () -> Int64 = WallClock.unixMilliseconds) async
    where C.Duration == Duration {
        let origin = clock.now
        var tick: Int64 = 0
        while !Task.isCancelled {
            await round(at: Double(wallClock()) / 1000, clock: clock)
            tick += 1
            let elapsed = origin.duration(to: clock.now)
            if elapsed > settings.interval * tick { tick = Int64((elapsed / settings.interval).rounded(.down)) + 1 }
            do {
                try await clock.sleep(until: origin.advanced(by: settings.interval * tick), tolerance: nil)
            } catch {
                return
            }
        }
    }

    /// Starts `run` on the continuous clock in a new task; cancel it to stop.
    public func start() -> Task<Void, Never> {
        Task { await run(clock: ContinuousClock()) }
    }

    /// The range queries of a drill-down: the graphed fields narrowed to the one instance, job or service.
    func detailQueries(_ focus: FleetFocus) -> [(FleetField, String)] {
        let (fields, label, name, source): ([FleetField], String, String, FleetSource)
        switch focus {
        case .host(let instance, let from): (fields, label, name, source) = (FleetField.hostGraphs, "instance", instance, from)
        case .service(let service, let from):
            (fields, label, name, source) = (FleetField.serviceGraphs, from == .perfdash ? "service" : "job", service, from)
        }
        guard let matcher = try? PromQL.Matcher(label, .equal, name) else { return [] }
        return fields.compactMap { field in
            settings.queries.query(field, source: source, focus: [matcher]).map { (field, $0.text) }
        }
    }

    /// Points placed on the grid start, start + step, …; nil where the server had none.
    static func align(_ points: [PromPoint], start: Double, step: Double, count: Int) -> [Double?] {
        var values = [Double?](repeating: nil, count: max(0, count))
        guard step > 0 else { return values }
        for point in points {
            let slot = ((point.time - start) / step).rounded()
            guard slot.isFinite, slot >= 0, slot < Double(values.count), point.value.isFinite else { continue }
            values[Int(slot)] = point.value
        }
        return values
    }

    private enum Job: Sendable {
        case instant(FleetQuery)
        case input(series: String, query: String)
        case range(FleetField, String)

        var query: String {
            switch self {
            case .instant(let query): query.text
            case .input(_, let query): query
            case .range(_, let query): query
            }
        }
    }

    private enum Outcome: Sendable {
        case samples([PromSample])
        case series([PromSeries])
        case failed(FleetQueryError)
    }

    private static func perform(_ job: Job, client: PrometheusClient, time: Double, rangeStart: Double,
                                step: Double) async -> Outcome {
        switch job {
        case .instant, .input:
            do {
                return .samples(try await client.query(job.query, at: time))
            } catch {
                return .failed(error)
            }
        case .range:
            do {
                return .series(try await client.queryRange(job.query, start: rangeStart, end: time, step: step))
            } catch {
                return .failed(error)
            }
        }
    }

    /// Runs `jobs` at most `concurrency` at once; outcomes in job order.
    private func run(_ jobs: [Job], time: Double, rangeStart: Double, step: Double) async -> [Outcome] {
        let client = client
        var outcomes = [Outcome?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func add() {
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask {
                    (index, await Self.perform(job, client: client, time: time, rangeStart: rangeStart, step: step))
                }
            }
            while next < min(settings.concurrency, jobs.count) { add() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < jobs.count { add() }
            }
        }
        return outcomes.map { $0 ?? .failed(FleetQueryError(query: "", kind: .cancelled, reason: "not run")) }
    }
}
