/// The one object a tick goes through: the host `Sampler`, the `History` every source shares, and the autoscalers.
///
/// A tick, in order:
/// 1. the sampler reads the host and makes the snapshot (nil on the first, priming tick: nothing else happens then);
/// 2. series from other sources (`extraSeries`: instrumented services' `service.<name>.…`) are recorded into the
///    same history, and their window statistics join the snapshot's `stats`;
/// 3. `attach` adds those sources' own sections (e.g. `services`) to the snapshot;
/// 4. every autoscaler is stepped with `now` = the tick's monotonic time in seconds and the latest value of each of
///    its input series, taken from the snapshot's series and `extraSeries`; an input without a value at this tick
///    is not fed (never taken as 0), is listed in `missingSeries`, and once the autoscaler's window holds no sample
///    of it the recommendation is "none" with rule `no_data`;
/// 5. the autoscalers' status becomes the snapshot's `autoscaler` section, and their recommendation series
///    (`autoscaler.<name>.desired_replicas`…) are recorded like any other series;
/// 6. the alert rules are stepped with the latest value of every series (host, services, autoscalers); their
///    section becomes `alerts` and their levels (`alert.<name>.level`) are recorded;
/// 7. the advisor reads the window of the series its rules use and its findings become `findings`; it reads them
///    at most once per second of the monotonic clock (its rules judge minutes: at a 10 ms interval, reading every
///    window on every tick cost a tenth of the tick), and a tick in between carries the last findings.
///
/// The dashboard and `perfdash snapshot` both tick a Monitor, so the panel and the headless output agree.
public struct Monitor: Sendable, SnapshotTicking {
    /// The host sampler, with the history of every series.
    public private(set) var sampler: Sampler
    /// The configured autoscalers and their memory.
    public private(set) var autoscalers: AutoscalerGroup
    /// The last snapshot produced, with every section.
    public private(set) var latest: Snapshot?
    /// Every series any autoscaler reads (cached: the group's specs never change).
    private let inputSeries: Set<String>
    /// Each autoscaler's `spec.summary`, formatted once.
    private let summaries: [String]
    /// Each autoscaler's decisions as the snapshot shows them, placed on the wall clock when they were made.
    private var decisions: [[AutoscalerDecision]]
    /// The alert rules and their state.
    public private(set) var alerts: AlertEngine
    /// The advisor's settings; nil: no advisor (and no `findings` section).
    public let advisor: AdvisorSettings?
    /// Each autoscaler's input series, for the advisor's "does the autoscaler agree".
    private let autoscalerInputs: [String: [String]]
    /// Other sources' series and the autoscalers' series, interned (see `SeriesLayout`).
    private var extraLayout = SeriesLayout()
    private var autoscalerLayout = SeriesLayout()
    private var alertLayout = SeriesLayout()
    /// The advisor's last findings and the monotonic second they were made at.
    private var advice: (seconds: Double, findings: [Finding])?
    /// The least time between two readings of the advisor's rules.
    static let adviceInterval = 1.0

    /// Creates a monitor over a sampler, with one autoscaler per spec, the alert rules and the advisor (none of
    /// them: a plain host monitor).
    public init(sampler: Sampler, autoscalers specs: [AutoscalerSpec] = [], alerts rules: [AlertRule] = [],
                advisor: AdvisorSettings? = nil) {
        self.sampler = sampler
        autoscalers = AutoscalerGroup(specs: specs)
        inputSeries = Set(autoscalers.inputSeries)
        summaries = specs.map(\.summary)
        decisions = specs.map { _ in [] }
        alerts = AlertEngine(rules: rules)
        self.advisor = advisor
        autoscalerInputs = Dictionary(specs.map { ($0.name, $0.inputSeries) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every series' recent values and windows: the host's, other sources' and the autoscalers'.
    public var history: History { sampler.history }

    /// The sampler's configuration; changing the interval resizes the history's windows.
    public var configuration: SamplerConfiguration {
        get { sampler.configuration }
        set { sampler.configuration = newValue }
    }

    /// Forgets the previous host reading, so the next tick primes again (after a pause). The autoscalers keep their
    /// memory: their time keeps running on the same monotonic clock.
    public mutating func restart() {
        sampler.restart()
    }

    /// A tick with the host as the only source.
    public mutating func tick(at time: SampleTime) throws(HostReadError) -> Snapshot? {
        try tick(at: time, extraSeries: [])
    }

    /// A tick with series from other sources (see the type's steps). `attach` adds those sources' sections to the
    /// snapshot before the autoscalers read it; a section's `flatSeries()` should list the same series as
    /// `extraSeries`, so the CSV and Prometheus encoders write them. Extra series given on the priming tick are
    /// dropped, so that every series' window counts the same ticks.
    public mutating func tick(at time: SampleTime, extraSeries: [FlatSeries],
                              attach: (inout Snapshot) -> Void = { _ in }) throws(HostReadError) -> Snapshot? {
        guard var snapshot = try sampler.tick(at: time) else { return nil }
        Self.record(extraSeries, sampler: &sampler, layout: &extraLayout, into: &snapshot)
        attach(&snapshot)
        if !autoscalers.autoscalers.isEmpty {
            stepAutoscalers(&snapshot, extraSeries: extraSeries, time: time)
        }
        if !alerts.isEmpty { stepAlerts(&snapshot, extraSeries: extraSeries, time: time) }
        if let advisor {
            let now = time.monotonic.seconds
            if let advice, now >= advice.seconds, now - advice.seconds < Self.adviceInterval {
                snapshot.findings = advice.findings
            } else {
                let findings = Advisor.findings(advisorSignals(snapshot), settings: advisor)
                advice = (now, findings)
                snapshot.findings = findings
            }
        }
        latest = snapshot
        return snapshot
    }

    private mutating func stepAutoscalers(_ snapshot: inout Snapshot, extraSeries: [FlatSeries], time: SampleTime) {
        var samples: [String: Double] = [:]
        samples.reserveCapacity(inputSeries.count)
        for entry in snapshot.flatSeries() where inputSeries.contains(entry.name) {
            samples[entry.name] = entry.value
        }
        for entry in extraSeries where inputSeries.contains(entry.name) {
            samples[entry.name] = entry.value
        }
        let now = time.monotonic.seconds
        let lastDecisions = autoscalers.autoscalers.map(\.history.last)
        let recommendations = autoscalers.step(now: now, samples: samples)
        var statuses: [AutoscalerStatus] = []
        statuses.reserveCapacity(recommendations.count)
        for (index, autoscaler) in autoscalers.autoscalers.enumerated() {
            // The autoscaler's history grows only when the decision differs from the previous one.
            if let decision = autoscaler.history.last, decision != lastDecisions[index] {
                decisions[index].append(AutoscalerDecision(decision, unixMilliseconds: time.unixMilliseconds))
                decisions[index].removeFirst(max(0, decisions[index].count - Autoscaler.historyLimit))
            }
            statuses.append(AutoscalerStatus(
                name: autoscaler.name, summary: summaries[index], spec: autoscaler.spec, replicas: autoscaler.replicas,
                recommendation: recommendations[index],
                missingSeries: autoscaler.spec.inputSeries.filter { samples[$0] == nil },
                decisions: decisions[index]))
        }
        snapshot.autoscaler = statuses
        Self.record(statuses.flatMap { $0.flatSeries() }, sampler: &sampler, layout: &autoscalerLayout,
                    into: &snapshot)
    }

    private mutating func stepAlerts(_ snapshot: inout Snapshot, extraSeries: [FlatSeries], time: SampleTime) {
        let series = snapshot.flatSeries() + extraSeries
        let changes = alerts.step(now: time.monotonic.seconds, unixMilliseconds: time.unixMilliseconds,
                                  names: series.map(\.name), values: series.map(\.value))
        let section = alerts.section(changes: changes)
        snapshot.alerts = section
        Self.record(section.flatSeries(), sampler: &sampler, layout: &alertLayout, into: &snapshot)
    }

    /// The window of every series the advisor's rules read, from the shared history.
    private func advisorSignals(_ snapshot: Snapshot) -> AdvisorSignals {
        var series: [String: [Double]] = [:]
        let history = sampler.history
        for name in history.seriesNames where Advisor.reads(name) {
            let values = history.values(name, window: snapshot.window)
            if !values.isEmpty { series[name] = values }
        }
        let cores = snapshot.host.cpu.cores.count
        return AdvisorSignals(series: series, cores: cores > 0 ? cores : nil, autoscalerInputs: autoscalerInputs)
    }

    /// Records series into the shared history and puts their window statistics into the snapshot.
    /// Their names are distinct from the host's (`service.…`, `autoscaler.…`), so their statistics are appended.
    private static func record(_ series: [FlatSeries], sampler: inout Sampler, layout: inout SeriesLayout,
                               into snapshot: inout Snapshot) {
        guard !series.isEmpty else { return }
        for (name, summary) in sampler.record(series, layout: &layout) { snapshot.stats.append(name, summary) }
    }
}
