/// What an autoscaler recommends at one moment, with everything a person needs to trust it.
public struct Recommendation: Codable, Sendable, Equatable {
    /// The autoscaler's name.
    public var autoscaler: String
    /// `threshold` or `target`.
    public var policy: String
    /// The `now` the autoscaler was stepped with, in seconds.
    public var time: Double
    /// Up, down or none.
    public var action: ScaleAction
    /// The replica count before.
    public var from: Int
    /// The recommended replica count (equal to `from` for none).
    public var to: Int
    /// The rule that decided.
    public var rule: DecisionRule
    /// One line a person understands, e.g. "cpu avg 5m 83.2 % > 80 %: 3 → 4".
    public var reason: String
    /// The metric values the decision used, in the policy's order.
    public var metrics: [MetricReading]
    /// Seconds until the cooldown ends (threshold policy), when one is running.
    public var cooldownSecondsLeft: Double?
    /// Seconds until the stabilization window stops holding the count (target policy), when it holds it.
    public var stabilizationSecondsLeft: Double?

    /// Creates a recommendation.
    public init(autoscaler: String, policy: String, time: Double, action: ScaleAction, from: Int, to: Int,
                rule: DecisionRule, reason: String, metrics: [MetricReading],
                cooldownSecondsLeft: Double? = nil, stabilizationSecondsLeft: Double? = nil) {
        self.autoscaler = autoscaler
        self.policy = policy
        self.time = time
        self.action = action
        self.from = from
        self.to = to
        self.rule = rule
        self.reason = reason
        self.metrics = metrics
        self.cooldownSecondsLeft = cooldownSecondsLeft
        self.stabilizationSecondsLeft = stabilizationSecondsLeft
    }
}

/// The direction of a recommendation.
public enum ScaleAction: String, Codable, Sendable, CaseIterable {
    /// Add replicas.
    case up
    /// Remove replicas.
    case down
    /// Keep the count.
    case none

    /// The action that moves `from` to `to`.
    public init(from: Int, to: Int) {
        self = to > from ? .up : (to < from ? .down : .none)
    }
}

/// The rule that produced a recommendation. Target-policy cases carry Kubernetes' condition reasons.
public enum DecisionRule: String, Codable, Sendable, CaseIterable {
    /// Threshold: the aggregate is above the scale-up threshold.
    case thresholdUp = "threshold_up"
    /// Threshold: the aggregate is below the scale-down threshold.
    case thresholdDown = "threshold_down"
    /// Threshold: the aggregate is between the thresholds (or exactly on one).
    case withinThresholds = "within_thresholds"
    /// Threshold: an action is wanted but the cooldown has not passed.
    case cooldown
    /// An up is wanted but the count is already at max.
    case atMax = "at_max"
    /// A down is wanted but the count is already at min.
    case atMin = "at_min"
    /// The current count is above max: back to max (HPA does the same, before any metric).
    case aboveMax = "above_max"
    /// The current count is below min: up to min.
    case belowMin = "below_min"
    /// No usable samples (or, for the target policy, a metric missing while the others say down).
    case noData = "no_data"
    /// No current replica count is known yet.
    case unknownReplicas = "unknown_replicas"
    /// Target: zero replicas and min > 0; HPA treats this as scaling disabled.
    case scalingDisabled = "ScalingDisabled"
    /// Target: every metric is within the tolerance of its target.
    case withinTolerance = "WithinTolerance"
    /// Target: the desired count is used as computed.
    case desiredWithinRange = "DesiredWithinRange"
    /// Target: a lower recent recommendation within the scale-up window holds the count down.
    case scaleUpStabilized = "ScaleUpStabilized"
    /// Target: a higher recent recommendation within the scale-down window holds the count up.
    case scaleDownStabilized = "ScaleDownStabilized"
    /// Target: the scale-up policies limit the change.
    case scaleUpLimit = "ScaleUpLimit"
    /// Target: the scale-down policies limit the change.
    case scaleDownLimit = "ScaleDownLimit"
    /// Target: max limits the change.
    case tooManyReplicas = "TooManyReplicas"
    /// Target: min limits the change.
    case tooFewReplicas = "TooFewReplicas"
}

/// One metric as the autoscaler saw it.
public struct MetricReading: Codable, Sendable, Equatable {
    /// The series name.
    public var series: String
    /// Its short label.
    public var label: String
    /// The aggregate the policy used.
    public var aggregate: Aggregate
    /// The window in seconds.
    public var windowSeconds: Double
    /// The aggregate's value, nil without samples.
    public var value: Double?
    /// The window's mean (for the panel), nil without samples.
    public var average: Double?
    /// The window's p95 (for the panel), nil without samples.
    public var p95: Double?
    /// How many samples the window held.
    public var samples: Int
    /// Target policy: the replica count this metric proposes.
    public var proposal: Int?
    /// Predictive policy: the forecast at the horizon with its band (nil before the forecaster has two samples).
    public var forecast: MetricForecast?

    /// Creates a reading.
    public init(series: String, label: String, aggregate: Aggregate, windowSeconds: Double, value: Double?,
                average: Double?, p95: Double?, samples: Int, proposal: Int? = nil,
                forecast: MetricForecast? = nil) {
        self.series = series
        self.label = label
        self.aggregate = aggregate
        self.windowSeconds = windowSeconds
        self.value = value
        self.average = average
        self.p95 = p95
        self.samples = samples
        self.proposal = proposal
        self.forecast = forecast
    }
}
