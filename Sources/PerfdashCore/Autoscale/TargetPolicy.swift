/// Kubernetes' Horizontal Pod Autoscaler, `autoscaling/v2` semantics.
///
/// Each metric proposes a replica count (see ``TargetType``); the largest proposal wins; then the stabilization
/// windows and the behavior's rate policies of ``HPABehavior`` shape it, and min/max clamp it.
public struct TargetPolicy: Codable, Sendable, Equatable {
    /// The metrics and their targets; at least one.
    public var metrics: [TargetMetric]
    /// |ratio − 1| within this keeps the current count (Kubernetes' `--horizontal-pod-autoscaler-tolerance`).
    public var tolerance: Double
    /// Stabilization windows and rate limits per direction.
    public var behavior: HPABehavior

    /// Kubernetes' default tolerance, 0.1.
    public static let defaultTolerance = 0.1

    /// Creates the parameters with Kubernetes' defaults for what is not given.
    public init(metrics: [TargetMetric], tolerance: Double = TargetPolicy.defaultTolerance,
                behavior: HPABehavior = HPABehavior()) {
        self.metrics = metrics
        self.tolerance = tolerance
        self.behavior = behavior
    }

    /// Tolerance for a ratio above 1 (scale-up side): the scale-up rules' own, or the policy's.
    public var toleranceUp: Double { behavior.scaleUp.tolerance ?? tolerance }
    /// Tolerance for a ratio below 1 (scale-down side): the scale-down rules' own, or the policy's.
    public var toleranceDown: Double { behavior.scaleDown.tolerance ?? tolerance }
}

/// One metric of a target policy.
public struct TargetMetric: Codable, Sendable, Equatable {
    /// The series read.
    public var metric: MetricInput
    /// How the value relates to the replica count.
    public var type: TargetType
    /// The target value (per replica for `averageValue`).
    public var target: Double

    /// Creates a metric target.
    public init(metric: MetricInput, type: TargetType, target: Double) {
        self.metric = metric
        self.type = type
        self.target = target
    }
}

/// How a target metric's value turns into a replica count.
public enum TargetType: String, Codable, Sendable, CaseIterable {
    /// The value is a per-replica level in percent (CPU %): desired = ceil(current × value / target).
    case utilization
    /// The value is a level that falls as replicas are added (latency p95): desired = ceil(current × value / target).
    case value
    /// The value is a total to share (queue depth): desired = ceil(value / target); ratio = value / (target × current).
    case averageValue = "average_value"
}

/// Rate and stabilization rules for both directions (HPA's `spec.behavior`).
public struct HPABehavior: Codable, Sendable, Equatable {
    /// Rules applied when the stabilized recommendation is above the current count.
    public var scaleUp: ScalingRules
    /// Rules applied when it is below.
    public var scaleDown: ScalingRules

    /// Kubernetes' defaults: up Max{4 pods, 100 %} per 15 s without stabilization; down 100 % per 15 s, 300 s window.
    public init(scaleUp: ScalingRules = .defaultScaleUp, scaleDown: ScalingRules = .defaultScaleDown) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }
}

/// HPA's `HPAScalingRules` for one direction.
public struct ScalingRules: Codable, Sendable, Equatable {
    /// Seconds of past recommendations considered (up: the lowest wins; down: the highest wins).
    public var stabilizationWindowSeconds: Int
    /// Which policy's limit applies when there are several.
    public var selectPolicy: SelectPolicy
    /// The rate limits; each allows a change of `value` pods or percent per `periodSeconds`.
    public var policies: [ScalingPolicy]
    /// This direction's own tolerance (Kubernetes 1.33+ `tolerance`), or nil for the policy's.
    public var tolerance: Double?

    /// Creates rules.
    public init(stabilizationWindowSeconds: Int, selectPolicy: SelectPolicy = .max, policies: [ScalingPolicy],
                tolerance: Double? = nil) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
        self.tolerance = tolerance
    }

    /// Kubernetes' scale-up default: no stabilization, Max of 4 pods and 100 % per 15 s.
    public static let defaultScaleUp = ScalingRules(
        stabilizationWindowSeconds: 0, selectPolicy: .max,
        policies: [ScalingPolicy(type: .pods, value: 4, periodSeconds: 15),
                   ScalingPolicy(type: .percent, value: 100, periodSeconds: 15)])

    /// Kubernetes' scale-down default: 300 s stabilization, 100 % per 15 s.
    public static let defaultScaleDown = ScalingRules(
        stabilizationWindowSeconds: 300, selectPolicy: .max,
        policies: [ScalingPolicy(type: .percent, value: 100, periodSeconds: 15)])

    /// The longest policy period: scale events older than this are no longer needed.
    var longestPeriodSeconds: Int { policies.map(\.periodSeconds).max() ?? 0 }
}

/// HPA's `HPAScalingPolicy`: at most `value` pods (or percent of the count at the period's start) per period.
public struct ScalingPolicy: Codable, Sendable, Equatable {
    /// Pods or Percent.
    public var type: ScalingPolicyType
    /// The allowed change; greater than zero.
    public var value: Int
    /// The period, 1…1800 s.
    public var periodSeconds: Int

    /// Creates a policy.
    public init(type: ScalingPolicyType, value: Int, periodSeconds: Int) {
        self.type = type
        self.value = value
        self.periodSeconds = periodSeconds
    }
}

/// The unit of a scaling policy's value.
public enum ScalingPolicyType: String, Codable, Sendable, CaseIterable {
    /// An absolute number of replicas.
    case pods = "Pods"
    /// A percentage of the replica count at the start of the period.
    case percent = "Percent"
}

/// HPA's `selectPolicy`.
public enum SelectPolicy: String, Codable, Sendable, CaseIterable {
    /// The policy allowing the largest change.
    case max = "Max"
    /// The policy allowing the smallest change.
    case min = "Min"
    /// No change in this direction at all.
    case disabled = "Disabled"
}
