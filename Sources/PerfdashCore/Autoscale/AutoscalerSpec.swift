/// One named autoscaler: the series it reads, how it decides, where its replica count comes from, and its bounds.
///
/// Times are plain seconds (`Double`): the spec holds durations, the ``Autoscaler`` is stepped with a `now` that the
/// caller owns (seconds since any fixed origin), so the same code runs live and in `perfdash autoscale simulate`.
public struct AutoscalerSpec: Codable, Sendable, Equatable {
    /// The name shown on the panel and in snapshots; unique among the configured autoscalers.
    public var name: String
    /// The decision rule and its parameters.
    public var policy: AutoscalePolicy
    /// How far back the metric samples are aggregated, in seconds (0: the latest sample only).
    public var windowSeconds: Double
    /// How the samples in the window become the one value the policy sees.
    public var aggregate: Aggregate
    /// Where the current replica count comes from.
    public var replicas: ReplicaSource
    /// The lowest replica count ever recommended.
    public var minReplicas: Int
    /// The highest replica count ever recommended.
    public var maxReplicas: Int

    /// Default window: one minute, the shortest of the dashboard's windows.
    public static let defaultWindowSeconds: Double = 60

    /// Creates a spec; call ``validate()`` before use (the parsers do).
    public init(name: String, policy: AutoscalePolicy, windowSeconds: Double = AutoscalerSpec.defaultWindowSeconds,
                aggregate: Aggregate = .avg, replicas: ReplicaSource, minReplicas: Int, maxReplicas: Int) {
        self.name = name
        self.policy = policy
        self.windowSeconds = windowSeconds
        self.aggregate = aggregate
        self.replicas = replicas
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
    }

    /// Every series the autoscaler reads: its metrics, then the replica-count series if it has one.
    public var inputSeries: [String] {
        var names: [String]
        switch policy {
        case .threshold(let threshold): names = [threshold.metric.series]
        case .target(let target): names = target.metrics.map(\.metric.series)
        case .predictive(let predictive): names = predictive.target.metrics.map(\.metric.series)
        }
        if case .metric(let series, _) = replicas { names.append(series) }
        return names
    }

    /// The metric inputs in the order the policy lists them.
    public var metrics: [MetricInput] {
        switch policy {
        case .threshold(let threshold): [threshold.metric]
        case .target(let target): target.metrics.map(\.metric)
        case .predictive(let predictive): predictive.target.metrics.map(\.metric)
        }
    }
}

/// The decision rule of an autoscaler.
public enum AutoscalePolicy: Codable, Sendable, Equatable {
    /// Scale by a step when the aggregate crosses a threshold, then wait out a cooldown.
    case threshold(ThresholdPolicy)
    /// Kubernetes HPA (`autoscaling/v2`): proportional to value / target, with stabilization and rate policies.
    case target(TargetPolicy)
    /// The target math on a forecast (Holt / Holt-Winters) `horizon` ahead, never below the reactive target.
    case predictive(PredictivePolicy)

    /// The policy's name as written in the config (`threshold`, `target` or `predictive`).
    public var kind: String {
        switch self {
        case .threshold: "threshold"
        case .target: "target"
        case .predictive: "predictive"
        }
    }

    /// The HPA parameters of a target or predictive policy.
    public var targetPolicy: TargetPolicy? {
        switch self {
        case .threshold: nil
        case .target(let target): target
        case .predictive(let predictive): predictive.target
        }
    }
}

/// A series the autoscaler reads, and how it is named in reasons.
public struct MetricInput: Codable, Sendable, Equatable {
    /// The series name, as the data engine and services name it (`cpu.busy_percent`).
    public var series: String
    /// A short name for reasons and the panel; by default the series name without its unit suffix.
    public var label: String

    /// Creates an input; `label` defaults to ``MetricUnit/shortLabel(for:)`` of the series.
    public init(series: String, label: String? = nil) {
        self.series = series
        self.label = label ?? MetricUnit.shortLabel(for: series)
    }
}

/// Where the current replica count comes from.
public enum ReplicaSource: Codable, Sendable, Equatable {
    /// Always this many: recommendations are advice only, but they still start the cooldown and the rate history.
    case fixed(Int)
    /// Starts here and applies each of its own recommendations (dry-run: nothing outside perfdash changes).
    case tracked(initial: Int)
    /// Read from a series (a gauge the service exposes), rounded; `fallback` until the series has a value.
    /// A change of the observed count is what starts the cooldown and the rate history.
    case metric(series: String, fallback: Int?)

    /// The count to assume before anything is known.
    public var initialCount: Int? {
        switch self {
        case .fixed(let count): count
        case .tracked(let initial): initial
        case .metric(_, let fallback): fallback
        }
    }
}

/// How the samples in the window become one value.
public enum Aggregate: String, Codable, Sendable, CaseIterable {
    /// Arithmetic mean.
    case avg
    /// Smallest sample.
    case min
    /// Largest sample.
    case max
    /// The newest sample.
    case last
    /// Median, linear interpolation between closest ranks.
    case p50
    /// 95th percentile, linear interpolation between closest ranks.
    case p95
    /// 99th percentile, linear interpolation between closest ranks.
    case p99
}
