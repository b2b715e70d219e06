extension AutoscalerSpec {
    /// The policy and its parameters in one line, for the panel header:
    /// `threshold · cpu avg 5m · up > 80 %, down < 30 % · step 1 · cooldown 60 s · replicas 1…10 (tracked)`.
    public var summary: String {
        var parts = [policy.kind]
        let how = windowSeconds > 0 ? " \(aggregate.rawValue) \(MetricUnit.duration(windowSeconds))" : ""
        switch policy {
        case .threshold(let threshold):
            let unit = MetricUnit.unit(for: threshold.metric.series)
            parts.append(threshold.metric.label + how)
            parts.append("up > \(MetricUnit.configured(threshold.scaleUpThreshold, unit: unit)), "
                + "down < \(MetricUnit.configured(threshold.scaleDownThreshold, unit: unit))")
            parts.append("step \(threshold.step)")
            parts.append(threshold.cooldownUpSeconds == threshold.cooldownDownSeconds
                ? "cooldown \(MetricUnit.plain(threshold.cooldownUpSeconds)) s"
                : "cooldown up \(MetricUnit.plain(threshold.cooldownUpSeconds)) s, "
                    + "down \(MetricUnit.plain(threshold.cooldownDownSeconds)) s")
        case .target(let target):
            Self.describe(target, how: how, into: &parts)
        case .predictive(let predictive):
            Self.describe(predictive.target, how: how, into: &parts)
            parts.insert(predictive.methodSummary, at: 1)
        }
        let source = switch replicas {
        case .fixed: "fixed"
        case .tracked: "tracked"
        case .metric(let series, _): "from \(series)"
        }
        parts.append("replicas \(minReplicas)…\(maxReplicas) (\(source))")
        return parts.joined(separator: " · ")
    }

    private static func describe(_ target: TargetPolicy, how: String, into parts: inout [String]) {
        parts.append(target.metrics.map { metric in
            let unit = MetricUnit.unit(for: metric.metric.series)
            let per = metric.type == .averageValue ? " per replica" : ""
            return "\(metric.metric.label)\(how) → \(MetricUnit.configured(metric.target, unit: unit))\(per)"
        }.joined(separator: ", "))
        parts.append("tolerance \(MetricUnit.plain(target.tolerance))")
        parts.append("up \(Self.describe(target.behavior.scaleUp))")
        parts.append("down \(Self.describe(target.behavior.scaleDown))")
    }

    /// "window 300 s, Max(100 Percent per 15 s)".
    private static func describe(_ rules: ScalingRules) -> String {
        "window \(rules.stabilizationWindowSeconds) s, \(TargetDecider.describe(rules))"
    }
}
