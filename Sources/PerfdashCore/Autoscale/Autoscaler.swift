/// One named autoscaler with its memory, stepped with an injected time and the latest metric values.
///
/// The dashboard steps it once per sampler tick with that tick's values; `perfdash autoscale simulate` steps it once
/// per CSV row. Both use this type, so a simulation shows exactly what the panel would have shown.
/// `now` is seconds since any fixed origin and must not go backwards.
public struct Autoscaler: Sendable {
    /// How many past decisions ``history`` keeps.
    public static let historyLimit = 20

    /// The configuration.
    public let spec: AutoscalerSpec
    /// The most recent recommendation.
    public private(set) var latest: Recommendation?
    /// The last ``historyLimit`` decisions, oldest first; a step that repeats the previous decision (same action,
    /// counts and rule: a cooldown counting down, a steady "none") is not added again.
    public private(set) var history: [Recommendation] = []
    /// When the replica count last changed (applied, assumed for a fixed count, or observed for a metric count).
    public private(set) var lastScaleTime: Double?
    /// The replica count as currently known.
    public private(set) var replicas: Int?
    /// The HPA memory (recommendations and scale events) of a target policy.
    public private(set) var hpaHistory = HPAHistory()
    private var windows: [String: SampleWindow] = [:]
    /// The windows' keys, kept apart: iterating `windows.keys` while mutating a window would share the dictionary's
    /// storage and copy it, and the window's arrays with it, on every step (O(window) per sample).
    private var windowSeries: [String] = []
    /// Predictive policy: one forecaster per metric series.
    private var forecasts: [String: SeriesForecast] = [:]

    /// Creates an autoscaler in its initial state.
    public init(spec: AutoscalerSpec) {
        self.spec = spec
        self.replicas = spec.replicas.initialCount
        for metric in spec.metrics {
            if windows[metric.series] == nil { windowSeries.append(metric.series) }
            windows[metric.series] = SampleWindow(seconds: spec.windowSeconds)
            if case .predictive(let predictive) = spec.policy {
                forecasts[metric.series] = SeriesForecast(policy: predictive)
            }
        }
    }

    /// The name from the spec.
    public var name: String { spec.name }

    /// Feeds the values present in `samples` (keyed by series name; others are ignored), decides, applies the
    /// decision to the tracked count, and returns the recommendation.
    public mutating func step(now: Double, samples: [String: Double]) -> Recommendation {
        for series in windowSeries {
            if let value = samples[series] {
                windows[series]?.add(time: now, value: value)
                forecasts[series]?.add(time: now, value: value)
            } else {
                windows[series]?.evict(now: now)
            }
        }
        observeReplicaMetric(samples: samples, now: now)

        var observed = spec.metrics.map { input in
            ObservedMetric(input: input, value: windows[input.series]?.value(spec.aggregate),
                           aggregate: spec.aggregate, windowSeconds: spec.windowSeconds)
        }
        guard let current = replicas else {
            let reason = "current replica count unknown" + ReasonText.outcome(0, 0)
            return record(PolicyDecision(to: 0, rule: .unknownReplicas, reason: reason),
                          from: 0, observed: observed, now: now)
        }
        let decision: PolicyDecision
        switch spec.policy {
        case .threshold(let policy):
            decision = ThresholdDecider.decide(policy, metric: observed[0], current: current,
                                               minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
                                               lastScaleTime: lastScaleTime, now: now)
        case .target(let policy):
            decision = TargetDecider.decide(policy, metrics: observed, current: current,
                                            minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
                                            history: &hpaHistory, now: now)
        case .predictive(let policy):
            // Every target type asks for more as its value grows: the larger of now and the forecast is the
            // larger of the reactive and the predictive proposals.
            for index in observed.indices {
                guard let now = observed[index].value,
                      let forecast = forecasts[observed[index].input.series]?.forecast, forecast.value > now
                else { continue }
                observed[index].value = forecast.value
                observed[index].forecastHorizon = policy.horizonSeconds
            }
            decision = TargetDecider.decide(policy.target, metrics: observed, current: current,
                                            minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
                                            history: &hpaHistory, now: now)
        }
        if decision.to != current {
            switch spec.replicas {
            case .tracked:
                replicas = decision.to
                recordChange(from: current, to: decision.to, now: now)
            case .fixed:
                recordChange(from: current, to: decision.to, now: now)
            case .metric:
                break // the change counts once the replica series shows it
            }
        }
        return record(decision, from: current, observed: observed, now: now)
    }

    /// A metric replica source: take the observed count, and treat a change of it as a scale event.
    private mutating func observeReplicaMetric(samples: [String: Double], now: Double) {
        guard case .metric(let series, _) = spec.replicas, let value = samples[series], value.isFinite,
              value >= 0 else { return }
        let observed = HPAHistory.int(value.rounded())
        if let previous = replicas, previous != observed {
            recordChange(from: previous, to: observed, now: now)
        }
        replicas = observed
    }

    private mutating func recordChange(from: Int, to: Int, now: Double) {
        lastScaleTime = now
        if let policy = spec.policy.targetPolicy {
            hpaHistory.storeScaleEvent(from: from, to: to, behavior: policy.behavior, now: now)
        }
    }

    private mutating func record(_ decision: PolicyDecision, from: Int, observed: [ObservedMetric],
                                 now: Double) -> Recommendation {
        let readings = observed.enumerated().map { index, metric in
            let window = windows[metric.input.series]
            // The reading shows the window's own aggregate; the forecast goes beside it.
            return MetricReading(series: metric.input.series, label: metric.input.label, aggregate: spec.aggregate,
                                 windowSeconds: spec.windowSeconds, value: window?.value(spec.aggregate),
                                 average: window?.value(.avg), p95: window?.value(.p95), samples: window?.count ?? 0,
                                 proposal: index < decision.proposals.count ? decision.proposals[index] : nil,
                                 forecast: forecasts[metric.input.series]?.forecast)
        }
        let recommendation = Recommendation(
            autoscaler: spec.name, policy: spec.policy.kind, time: now, action: ScaleAction(from: from, to: decision.to),
            from: from, to: decision.to, rule: decision.rule, reason: decision.reason, metrics: readings,
            cooldownSecondsLeft: decision.cooldownSecondsLeft,
            stabilizationSecondsLeft: decision.stabilizationSecondsLeft)
        latest = recommendation
        if let previous = history.last, previous.action == recommendation.action, previous.from == recommendation.from,
           previous.to == recommendation.to, previous.rule == recommendation.rule {
            return recommendation
        }
        history.append(recommendation)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        return recommendation
    }
}
