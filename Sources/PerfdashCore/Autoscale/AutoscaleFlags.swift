import Foundation
import TOMLKit

/// The simple case on the command line: one autoscaler from flags such as
/// `--autoscale-metric cpu.busy_percent --policy threshold --up 80 --down 30 --min 1 --max 10 --cooldown 60s`.
///
/// The flags are turned into the same table a `[[autoscaler]]` section would be and go through the same parser and
/// validation, so flags and config cannot drift apart; errors name the flag instead of the key.
public struct AutoscaleFlags: Sendable, Equatable {
    /// `--autoscale-name`: the autoscaler's name (default `cli`).
    public var name: String?
    /// `--autoscale-metric` (repeatable for target): the series read. No metric → no autoscaler.
    public var metrics: [String] = []
    /// `--policy threshold|target|predictive` (default: target when `--target` is given, else threshold).
    public var policy: String?
    /// `--up`: scale-up threshold.
    public var up: Double?
    /// `--down`: scale-down threshold.
    public var down: Double?
    /// `--step`: replicas per threshold action.
    public var step: Int?
    /// `--cooldown`: both cooldowns, as a duration (`60s`, `2m`).
    public var cooldown: String?
    /// `--cooldown-up`.
    public var cooldownUp: String?
    /// `--cooldown-down`.
    public var cooldownDown: String?
    /// `--target` (one per `--autoscale-metric`, in order).
    public var targets: [Double] = []
    /// `--target-type utilization|value|average_value` (one per metric, or one for all).
    public var targetTypes: [String] = []
    /// `--tolerance`.
    public var tolerance: Double?
    /// `--stabilization-up` seconds (HPA scale-up stabilization window).
    public var stabilizationUp: Int?
    /// `--stabilization-down` seconds (HPA scale-down stabilization window).
    public var stabilizationDown: Int?
    /// `--min`.
    public var minReplicas: Int?
    /// `--max`.
    public var maxReplicas: Int?
    /// `--replicas`: the starting (tracked) or fixed count.
    public var replicas: Int?
    /// `--replicas-source tracked|fixed|metric`.
    public var replicasSource: String?
    /// `--replicas-metric`: a series holding the current count.
    public var replicasMetric: String?
    /// `--autoscale-window`: aggregation window as a duration.
    public var window: String?
    /// `--aggregate avg|min|max|last|p50|p95|p99`.
    public var aggregate: String?
    /// `--horizon`: the predictive policy's forecast horizon (a duration).
    public var horizon: String?
    /// `--season`: the predictive policy's season (a duration; Holt-Winters).
    public var season: String?

    /// Empty flags: no autoscaler.
    public init() {}

    /// The flag that sets each config key, for error messages.
    static let flagForKey: [String: String] = [
        "name": "--autoscale-name", "metric": "--autoscale-metric", "metrics": "--autoscale-metric",
        "policy": "--policy", "scale_up_threshold": "--up", "scale_down_threshold": "--down", "step": "--step",
        "cooldown": "--cooldown", "cooldown_up": "--cooldown-up", "cooldown_down": "--cooldown-down",
        "target": "--target", "type": "--target-type", "series": "--autoscale-metric", "tolerance": "--tolerance",
        "min_replicas": "--min", "max_replicas": "--max", "replicas": "--replicas",
        "replicas_source": "--replicas-source", "replicas_metric": "--replicas-metric",
        "window": "--autoscale-window", "aggregate": "--aggregate",
        "stabilization_window_seconds": "--stabilization-up/--stabilization-down",
        "horizon": "--horizon", "season": "--season",
    ]

    /// The autoscaler these flags describe, nil when no `--autoscale-metric` was given.
    public func spec() throws(AutoscaleConfigError) -> AutoscalerSpec? {
        guard !metrics.isEmpty else { return nil }
        do {
            return try AutoscalerSpec.parse(table: table())
        } catch {
            // Name the flag: the last key of the path is the one the user typed.
            let key = error.keyPath.reversed().compactMap { component -> String? in
                if case .key(let key) = component { return key }
                return nil
            }.first
            let flag = key.flatMap { Self.flagForKey[$0] } ?? key ?? "flags"
            var message = error.message
            // Messages may mention other keys ("greater than scale_down_threshold"): say the flag there too.
            for (key, flag) in Self.flagForKey where key.contains("_") {
                message = message.replacingOccurrences(of: key, with: flag)
            }
            throw AutoscaleConfigError(keyPath: [.key(flag)], message: message)
        }
    }

    /// The `[[autoscaler]]` table these flags stand for.
    func table() throws(AutoscaleConfigError) -> TOMLTable {
        let table = TOMLTable()
        let kind = policy ?? (targets.isEmpty ? "threshold" : "target")
        table["name"] = name ?? "cli"
        table["policy"] = kind
        set(table, "scale_up_threshold", up)
        set(table, "scale_down_threshold", down)
        set(table, "step", step)
        set(table, "cooldown", cooldown)
        set(table, "cooldown_up", cooldownUp)
        set(table, "cooldown_down", cooldownDown)
        set(table, "tolerance", tolerance)
        set(table, "min_replicas", minReplicas)
        set(table, "max_replicas", maxReplicas)
        set(table, "replicas", replicas)
        set(table, "replicas_source", replicasSource)
        set(table, "replicas_metric", replicasMetric)
        set(table, "window", window)
        set(table, "aggregate", aggregate)
        set(table, "horizon", horizon)
        set(table, "season", season)
        if kind == "target" || kind == "predictive" {
            try addTargetMetrics(to: table)
            addBehavior(to: table)
        } else {
            if metrics.count > 1 {
                throw AutoscaleConfigError(keyPath: [.key("metric")], message: "the threshold policy reads one metric")
            }
            table["metric"] = metrics[0]
            set(table, "target", targets.first)
        }
        return table
    }

    private func addTargetMetrics(to table: TOMLTable) throws(AutoscaleConfigError) {
        if targets.count != metrics.count {
            throw AutoscaleConfigError(keyPath: [.key("target")],
                                       message: "give one --target per --autoscale-metric (\(metrics.count))")
        }
        if targetTypes.count > 1, targetTypes.count != metrics.count {
            throw AutoscaleConfigError(keyPath: [.key("type")],
                                       message: "give one --target-type for all metrics or one per metric")
        }
        let array = TOMLArray()
        for (index, series) in metrics.enumerated() {
            let metric = TOMLTable()
            metric["series"] = series
            metric["target"] = targets[index]
            // One --target-type applies to every metric; otherwise they pair up by position.
            let type = targetTypes.count == 1 ? targetTypes.first : targetTypes.indices.contains(index)
                ? targetTypes[index] : nil
            set(metric, "type", type)
            array.append(metric)
        }
        table["metrics"] = array
    }

    private func addBehavior(to table: TOMLTable) {
        guard stabilizationUp != nil || stabilizationDown != nil else { return }
        let behavior = TOMLTable()
        for (key, seconds) in [("scale_up", stabilizationUp), ("scale_down", stabilizationDown)] {
            guard let seconds else { continue }
            let rules = TOMLTable()
            rules["stabilization_window_seconds"] = seconds
            behavior[key] = rules
        }
        table["behavior"] = behavior
    }

    private func set(_ table: TOMLTable, _ key: String, _ value: (any TOMLValueConvertible)?) {
        if let value { table[key] = value }
    }
}
