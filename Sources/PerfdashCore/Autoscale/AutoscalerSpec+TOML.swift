extension AutoscalerSpec {
    private static let commonKeys: Set<String> = [
        "name", "policy", "metric", "label", "window", "aggregate", "min_replicas", "max_replicas", "replicas",
        "replicas_source", "replicas_metric",
    ]
    private static let thresholdKeys: Set<String> = [
        "scale_up_threshold", "scale_down_threshold", "step", "cooldown", "cooldown_up", "cooldown_down",
    ]
    private static let targetKeys: Set<String> = ["target", "target_type", "tolerance", "metrics", "behavior"]

    /// Every `[[autoscaler]]` table of a config document (a single `[autoscaler]` table is accepted too), in order.
    /// Names must be unique. No `autoscaler` key → no autoscalers.
    public static func parseAll(document: ConfigTable) throws(AutoscaleConfigError) -> [AutoscalerSpec] {
        guard let value = document["autoscaler"] else { return [] }
        var specs: [AutoscalerSpec] = []
        if case .table(let single) = value.content {
            specs = [try parse(table: single, keyPath: [.key("autoscaler")])]
        } else if let fields = try TOMLFields(table: document, path: []).tables("autoscaler") {
            for field in fields { specs.append(try parse(table: field.table, keyPath: field.path)) }
        }
        for (index, spec) in specs.enumerated() {
            if let first = specs[..<index].firstIndex(where: { $0.name == spec.name }) {
                throw AutoscaleConfigError(keyPath: [.key("autoscaler"), .index(index), .key("name")],
                                           message: "duplicate name \"\(spec.name)\" (also autoscaler[\(first)])")
            }
        }
        return specs
    }

    /// Parses TOML text and returns its autoscalers; TOML syntax errors carry line and column.
    public static func parseAll(toml text: String) throws(AutoscaleConfigError) -> [AutoscalerSpec] {
        let document: ConfigTable
        do {
            document = try ConfigDocument.parse(text, file: "")
        } catch {
            throw AutoscaleConfigError(keyPath: [], message: error.reason, line: error.position?.line,
                                       column: error.position?.column)
        }
        return try parseAll(document: document)
    }

    /// One autoscaler from its table. `keyPath` is where the table sits (e.g. `autoscaler`, `[0]`); every error's
    /// key path starts with it, so the caller can map it to a line and column.
    public static func parse(table: ConfigTable,
                             keyPath: [AutoscaleConfigError.PathComponent] = []) throws(AutoscaleConfigError)
        -> AutoscalerSpec {
        let fields = TOMLFields(table: table, path: keyPath)
        guard let name = try fields.string("name") else { throw fields.error("name", "is required") }
        guard let kind = try fields.string("policy") else {
            throw fields.error("policy", "is required: \"threshold\" or \"target\"")
        }
        let policyKeys: Set<String>
        switch kind {
        case "threshold": policyKeys = thresholdKeys
        case "target": policyKeys = targetKeys
        default: throw fields.error("policy", "must be \"threshold\" or \"target\", got \"\(kind)\"")
        }
        try fields.rejectUnknown(allowed: commonKeys.union(policyKeys)) { key in
            let other = kind == "threshold" ? targetKeys : thresholdKeys
            return other.contains(key) ? "applies to policy \"\(kind == "threshold" ? "target" : "threshold")\" only"
                : nil
        }

        let minReplicas = try fields.int("min_replicas") ?? 1
        guard let maxReplicas = try fields.int("max_replicas") else { throw fields.error("max_replicas", "is required") }
        let policy: AutoscalePolicy = kind == "threshold"
            ? .threshold(try thresholdPolicy(fields))
            : .target(try targetPolicy(fields))
        let spec = AutoscalerSpec(
            name: name, policy: policy, windowSeconds: try fields.duration("window") ?? defaultWindowSeconds,
            aggregate: try fields.choice("aggregate", Aggregate.self) ?? .avg,
            replicas: try replicaSource(fields, minReplicas: minReplicas, maxReplicas: maxReplicas),
            minReplicas: minReplicas, maxReplicas: maxReplicas)
        do {
            try spec.validate()
        } catch {
            throw error.prefixed(by: keyPath)
        }
        return spec
    }

    private static func metricInput(_ fields: TOMLFields, seriesKey: String) throws(AutoscaleConfigError)
        -> MetricInput {
        guard let series = try fields.string(seriesKey) else { throw fields.error(seriesKey, "is required") }
        return MetricInput(series: series, label: try fields.string("label"))
    }

    private static func thresholdPolicy(_ fields: TOMLFields) throws(AutoscaleConfigError) -> ThresholdPolicy {
        guard let up = try fields.number("scale_up_threshold") else {
            throw fields.error("scale_up_threshold", "is required")
        }
        guard let down = try fields.number("scale_down_threshold") else {
            throw fields.error("scale_down_threshold", "is required")
        }
        let cooldown = try fields.duration("cooldown") ?? ThresholdPolicy.defaultCooldownSeconds
        return ThresholdPolicy(
            metric: try metricInput(fields, seriesKey: "metric"), scaleUpThreshold: up, scaleDownThreshold: down,
            step: try fields.int("step") ?? ThresholdPolicy.defaultStep,
            cooldownUpSeconds: try fields.duration("cooldown_up") ?? cooldown,
            cooldownDownSeconds: try fields.duration("cooldown_down") ?? cooldown)
    }

    private static func targetPolicy(_ fields: TOMLFields) throws(AutoscaleConfigError) -> TargetPolicy {
        var metrics: [TargetMetric] = []
        if let tables = try fields.tables("metrics") {
            for key in ["metric", "target", "target_type"] where fields.has(key) {
                throw fields.error(key, "use either metric/target/target_type or [[autoscaler.metrics]], not both")
            }
            for table in tables {
                try table.rejectUnknown(allowed: ["series", "label", "type", "target"])
                metrics.append(try targetMetric(table, seriesKey: "series", typeKey: "type"))
            }
        } else if fields.has("metric") {
            metrics = [try targetMetric(fields, seriesKey: "metric", typeKey: "target_type")]
        } else {
            throw fields.error("metrics", "is required: a metric with a target, or [[autoscaler.metrics]] tables")
        }
        var behavior = HPABehavior()
        if let table = try fields.subtable("behavior") {
            try table.rejectUnknown(allowed: ["scale_up", "scale_down"])
            behavior.scaleUp = try scalingRules(table.subtable("scale_up"), defaults: .defaultScaleUp)
            behavior.scaleDown = try scalingRules(table.subtable("scale_down"), defaults: .defaultScaleDown)
        }
        return TargetPolicy(metrics: metrics, tolerance: try fields.number("tolerance") ?? TargetPolicy.defaultTolerance,
                            behavior: behavior)
    }

    private static func targetMetric(_ fields: TOMLFields, seriesKey: String,
                                     typeKey: String) throws(AutoscaleConfigError) -> TargetMetric {
        let input = try metricInput(fields, seriesKey: seriesKey)
        guard let target = try fields.number("target") else { throw fields.error("target", "is required") }
        // A percent series is a utilization; anything else a plain value (same formula; average_value must be said).
        let type = try fields.choice(typeKey, TargetType.self)
            ?? (MetricUnit.unit(for: input.series) == "%" ? .utilization : .value)
        return TargetMetric(metric: input, type: type, target: target)
    }

    /// Like Kubernetes' `GenerateHPAScaleUpRules`: fields not given keep the direction's defaults.
    private static func scalingRules(_ fields: TOMLFields?,
                                     defaults: ScalingRules) throws(AutoscaleConfigError) -> ScalingRules {
        guard let fields else { return defaults }
        try fields.rejectUnknown(allowed: ["stabilization_window_seconds", "select_policy", "policies", "tolerance"])
        var rules = defaults
        if let window = try fields.int("stabilization_window_seconds") { rules.stabilizationWindowSeconds = window }
        if let select = try fields.choice("select_policy", SelectPolicy.self) { rules.selectPolicy = select }
        if let tolerance = try fields.number("tolerance") { rules.tolerance = tolerance }
        if let tables = try fields.tables("policies") {
            var policies: [ScalingPolicy] = []
            for table in tables {
                try table.rejectUnknown(allowed: ["type", "value", "period_seconds"])
                guard let type = try table.choice("type", ScalingPolicyType.self) else {
                    throw table.error("type", "is required: \"Pods\" or \"Percent\"")
                }
                guard let value = try table.int("value") else { throw table.error("value", "is required") }
                guard let period = try table.int("period_seconds") else {
                    throw table.error("period_seconds", "is required")
                }
                policies.append(ScalingPolicy(type: type, value: value, periodSeconds: period))
            }
            rules.policies = policies
        }
        return rules
    }

    private static func replicaSource(_ fields: TOMLFields, minReplicas: Int,
                                      maxReplicas: Int) throws(AutoscaleConfigError) -> ReplicaSource {
        let count = try fields.int("replicas")
        let series = try fields.string("replicas_metric")
        let source = try fields.string("replicas_source") ?? (series == nil ? "tracked" : "metric")
        switch source {
        case "tracked":
            if series != nil { throw fields.error("replicas_metric", "applies to replicas_source = \"metric\" only") }
            // A dry run with no count given starts where HPA would settle first: min (at least 1), within max.
            return .tracked(initial: count ?? Swift.min(Swift.max(minReplicas, 1), Swift.max(maxReplicas, 1)))
        case "fixed":
            if series != nil { throw fields.error("replicas_metric", "applies to replicas_source = \"metric\" only") }
            guard let count else { throw fields.error("replicas", "is required when replicas_source = \"fixed\"") }
            return .fixed(count)
        case "metric":
            guard let series else {
                throw fields.error("replicas_metric", "is required when replicas_source = \"metric\"")
            }
            return .metric(series: series, fallback: count)
        default:
            throw fields.error("replicas_source", "must be \"tracked\", \"fixed\" or \"metric\", got \"\(source)\"")
        }
    }
}
