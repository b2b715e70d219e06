/// One autoscaler as a snapshot shows it: what the Autoscaler panel shows, as data.
///
/// The policy and its parameters (`summary`, `spec`), the metric values with their window average and p95 and the
/// current recommendation (`recommendation`, which also carries the cooldown or stabilization seconds left), the
/// input series missing at this tick, and the last decisions with their wall-clock times.
public struct AutoscalerStatus: Sendable, Equatable, Codable {
    /// The autoscaler's name.
    public var name: String
    /// The policy and its parameters in one line (`AutoscalerSpec.summary`).
    public var summary: String
    /// The full configuration: policy parameters, window, aggregate, replica source and bounds.
    public var spec: AutoscalerSpec
    /// The replica count as currently known (tracked, fixed or read from a series); nil when unknown.
    public var replicas: Int?
    /// The recommendation of this tick: action, from → to, rule, reason, the metric values (aggregate, window
    /// average, p95, sample count) and the cooldown or stabilization seconds left.
    public var recommendation: Recommendation
    /// Input series that had no value at this tick (a typo, a service that is down), in configuration order.
    public var missingSeries: [String]
    /// The last `Autoscaler.historyLimit` distinct decisions, oldest first, each with the wall-clock time of the
    /// tick that made it.
    public var decisions: [AutoscalerDecision]

    /// Creates a status.
    public init(name: String, summary: String, spec: AutoscalerSpec, replicas: Int?, recommendation: Recommendation,
                missingSeries: [String], decisions: [AutoscalerDecision]) {
        self.name = name
        self.summary = summary
        self.spec = spec
        self.replicas = replicas
        self.recommendation = recommendation
        self.missingSeries = missingSeries
        self.decisions = decisions
    }

    /// The recommendation as series: `autoscaler.<name>.current_replicas` and `….desired_replicas` (left out while
    /// the count is unknown), and `….cooldown_seconds_left` (threshold) or `….stabilization_seconds_left` (target),
    /// 0 when nothing is running. Each family carries the label `autoscaler="<name>"`.
    public func flatSeries() -> [FlatSeries] {
        var out: [FlatSeries] = []
        let label = [SeriesLabel("autoscaler", name)]
        func append(_ metric: AutoscalerMetric, _ value: Double, _ unit: SeriesUnit) {
            out.append(FlatSeries(name: SeriesName.autoscaler(name, metric), family: "autoscaler.\(metric.rawValue)",
                                  labels: label, value: value, unit: unit))
        }
        if recommendation.rule != .unknownReplicas {
            append(.currentReplicas, Double(recommendation.from), .count)
            append(.desiredReplicas, Double(recommendation.to), .count)
        }
        switch spec.policy {
        case .threshold: append(.cooldownSecondsLeft, recommendation.cooldownSecondsLeft ?? 0, .seconds)
        case .target, .predictive: append(.stabilizationSecondsLeft, recommendation.stabilizationSecondsLeft ?? 0, .seconds)
        }
        return out
    }
}

/// One past decision of an autoscaler, placed on the wall clock.
public struct AutoscalerDecision: Sendable, Equatable, Codable {
    /// Wall-clock time of the decision, RFC 3339 in UTC with milliseconds.
    public var timestamp: String
    /// The same instant in milliseconds since the Unix epoch.
    public var timestampUnixMs: Int64
    /// The time the autoscaler was stepped with, in seconds since the run started.
    public var timeSeconds: Double
    /// Up, down or none.
    public var action: ScaleAction
    /// The replica count before.
    public var from: Int
    /// The recommended count.
    public var to: Int
    /// The rule that decided.
    public var rule: DecisionRule
    /// The one-line reason.
    public var reason: String

    /// The decision of `recommendation`, which happened at `unixMilliseconds`.
    public init(_ recommendation: Recommendation, unixMilliseconds: Int64) {
        timestamp = RFC3339.format(unixMilliseconds: unixMilliseconds)
        timestampUnixMs = unixMilliseconds
        timeSeconds = recommendation.time
        action = recommendation.action
        from = recommendation.from
        to = recommendation.to
        rule = recommendation.rule
        reason = recommendation.reason
    }
}
