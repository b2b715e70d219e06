import Foundation

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
    /// `--policy threshold|target` (default: target when `--target` is given, else threshold).
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
    func table() throws(AutoscaleConfigError) -> ConfigTable {
        var table = FlagTable()
        let kind = policy ?? (targets.isEmpty ? "threshold" : "target")
        table["name"] = .string(name ?? "cli")
        table["policy"] = .string(kind)
        table["scale_up_threshold"] = up.map { .float($0) }
        table["scale_down_threshold"] = down.map { .float($0) }
        table["step"] = step.map { .integer($0) }
        table["cooldown"] = cooldown.map { .string($0) }
        table["cooldown_up"] = cooldownUp.map { .string($0) }
        table["cooldown_down"] = cooldownDown.map { .string($0) }
        table["tolerance"] = tolerance.map { .float($0) }
        table["min_replicas"] = minReplicas.map { .integer($0) }
        table["max_replicas"] = maxReplicas.map { .integer($0) }
        table["replicas"] = replicas.map { .integer($0) }
        table["replicas_source"] = replicasSource.map { .string($0) }
        table["replicas_metric"] = replicasMetric.map { .string($0) }
        table["window"] = window.map { .string($0) }
        table["aggregate"] = aggregate.map { .string($0) }
        if kind == "target" {
            table["metrics"] = try targetMetrics()
            table["behavior"] = behavior()
        } else {
            if metrics.count > 1 {
                throw AutoscaleConfigError(keyPath: [.key("metric")], message: "the threshold policy reads one metric")
            }
            table["metric"] = .string(metrics[0])
            table["target"] = targets.first.map { .float($0) }
        }
        return table.built
    }

    private func targetMetrics() throws(AutoscaleConfigError) -> ConfigValue.Content {
        if targets.count != metrics.count {
            throw AutoscaleConfigError(keyPath: [.key("target")],
                                       message: "give one --target per --autoscale-metric (\(metrics.count))")
        }
        if targetTypes.count > 1, targetTypes.count != metrics.count {
            throw AutoscaleConfigError(keyPath: [.key("type")],
                                       message: "give one --target-type for all metrics or one per metric")
        }
        var array: [ConfigValue] = []
        for (index, series) in metrics.enumerated() {
            var metric = FlagTable()
            metric["series"] = .string(series)
            metric["target"] = .float(targets[index])
            // One --target-type applies to every metric; otherwise they pair up by position.
            let type = targetTypes.count == 1 ? targetTypes.first : targetTypes.indices.contains(index)
                ? targetTypes[index] : nil
            metric["type"] = type.map { .string($0) }
            array.append(FlagTable.value(.table(metric.built)))
        }
        return .array(array)
    }

    private func behavior() -> ConfigValue.Content? {
        guard stabilizationUp != nil || stabilizationDown != nil else { return nil }
        var behavior = FlagTable()
        for (key, seconds) in [("scale_up", stabilizationUp), ("scale_down", stabilizationDown)] {
            guard let seconds else { continue }
            var rules = FlagTable()
            rules["stabilization_window_seconds"] = .integer(seconds)
            behavior[key] = .table(rules.built)
        }
        return .table(behavior.built)
    }
}

/// A config table made from flags: no file, so every position is the same placeholder.
private struct FlagTable {
    static let position = SourcePosition(file: "flags", line: 1, column: 1)
    private var entries: [ConfigEntry] = []

    static func value(_ content: ConfigValue.Content) -> ConfigValue { ConfigValue(content, at: position) }

    /// Sets `key`; nil leaves it out, as an absent flag.
    subscript(key: String) -> ConfigValue.Content? {
        get { entries.first { $0.key == key }?.value.content }
        set {
            entries.removeAll { $0.key == key }
            if let newValue {
                entries.append(ConfigEntry(key: key, keyPosition: Self.position, value: Self.value(newValue)))
            }
        }
    }

    var built: ConfigTable { ConfigTable(entries: entries, position: Self.position, context: "flags") }
}
