extension AutoscalerSpec {
    typealias Path = [AutoscaleConfigError.PathComponent]

    /// The most replicas any count, bound or step may name (Kubernetes counts replicas in an int32; a million is
    /// far past any real deployment and keeps every sum of counts far from overflow).
    public static let maxReplicaCount = 1_000_000

    /// The longest window or cooldown: 365 days.
    public static let maxSeconds = DurationText.maxSeconds

    /// A duration setting's rule: finite, 0 s to 365 days.
    static func checkDuration(_ seconds: Double, _ path: Path) throws(AutoscaleConfigError) {
        guard seconds >= 0, seconds <= maxSeconds else {
            throw AutoscaleConfigError(keyPath: path, message: "must be a duration from 0 s to 365 days")
        }
    }

    /// A replica count's rule: `lower`…1,000,000.
    static func checkCount(_ count: Int, from lower: Int, _ path: Path) throws(AutoscaleConfigError) {
        guard count >= lower, count <= maxReplicaCount else {
            throw AutoscaleConfigError(keyPath: path, message: "must be \(lower)…\(maxReplicaCount), got \(count)")
        }
    }

    /// Checks every parameter; the error's key path uses the config's key names (relative to the autoscaler).
    public func validate() throws(AutoscaleConfigError) {
        func fail(_ path: Path, _ message: String) -> AutoscaleConfigError {
            AutoscaleConfigError(keyPath: path, message: message)
        }
        if name.isEmpty { throw fail([.key("name")], "must not be empty") }
        if minReplicas < 0 { throw fail([.key("min_replicas")], "must be 0 or more, got \(minReplicas)") }
        try Self.checkCount(minReplicas, from: 0, [.key("min_replicas")])
        if maxReplicas < 1 { throw fail([.key("max_replicas")], "must be at least 1, got \(maxReplicas)") }
        try Self.checkCount(maxReplicas, from: 1, [.key("max_replicas")])
        if maxReplicas < minReplicas {
            throw fail([.key("max_replicas")], "must be at least min_replicas (\(minReplicas)), got \(maxReplicas)")
        }
        try Self.checkDuration(windowSeconds, [.key("window")])
        try validateReplicas()
        switch policy {
        case .threshold(let threshold): try threshold.validate()
        case .target(let target): try target.validate()
        }
    }

    private func validateReplicas() throws(AutoscaleConfigError) {
        switch replicas {
        case .fixed(let count), .tracked(let count):
            try Self.checkCount(count, from: 0, [.key("replicas")])
        case .metric(let series, let fallback):
            if series.isEmpty {
                throw AutoscaleConfigError(keyPath: [.key("replicas_metric")], message: "must name a series")
            }
            if let fallback { try Self.checkCount(fallback, from: 0, [.key("replicas")]) }
        }
    }
}

extension ThresholdPolicy {
    func validate() throws(AutoscaleConfigError) {
        func fail(_ key: String, _ message: String) -> AutoscaleConfigError {
            AutoscaleConfigError(keyPath: [.key(key)], message: message)
        }
        if metric.series.isEmpty { throw fail("metric", "must name a series") }
        if !scaleUpThreshold.isFinite { throw fail("scale_up_threshold", "must be a finite number") }
        if !scaleDownThreshold.isFinite { throw fail("scale_down_threshold", "must be a finite number") }
        if scaleUpThreshold <= scaleDownThreshold {
            throw fail("scale_up_threshold", "must be greater than scale_down_threshold "
                + "(\(MetricUnit.plain(scaleDownThreshold))), got \(MetricUnit.plain(scaleUpThreshold))")
        }
        if step < 1 { throw fail("step", "must be at least 1, got \(step)") }
        try AutoscalerSpec.checkCount(step, from: 1, [.key("step")])
        try AutoscalerSpec.checkDuration(cooldownUpSeconds, [.key("cooldown_up")])
        try AutoscalerSpec.checkDuration(cooldownDownSeconds, [.key("cooldown_down")])
    }
}

extension TargetPolicy {
    func validate() throws(AutoscaleConfigError) {
        if metrics.isEmpty {
            throw AutoscaleConfigError(keyPath: [.key("metrics")], message: "a target policy needs at least one metric")
        }
        for (index, metric) in metrics.enumerated() {
            let path: AutoscalerSpec.Path = [.key("metrics"), .index(index)]
            if metric.metric.series.isEmpty {
                throw AutoscaleConfigError(keyPath: path + [.key("series")], message: "must name a series")
            }
            if !(metric.target > 0 && metric.target.isFinite) {
                throw AutoscaleConfigError(keyPath: path + [.key("target")],
                                           message: "must be greater than 0, got \(MetricUnit.plain(metric.target))")
            }
        }
        if !(tolerance >= 0 && tolerance.isFinite) {
            throw AutoscaleConfigError(keyPath: [.key("tolerance")], message: "must be 0 or more")
        }
        try behavior.scaleUp.validate(at: [.key("behavior"), .key("scale_up")])
        try behavior.scaleDown.validate(at: [.key("behavior"), .key("scale_down")])
    }
}

extension ScalingRules {
    /// Kubernetes' limits: window 0…3600 s, period 1…1800 s, value > 0, at least one policy unless Disabled.
    func validate(at path: AutoscalerSpec.Path) throws(AutoscaleConfigError) {
        if !(0...3600).contains(stabilizationWindowSeconds) {
            throw AutoscaleConfigError(keyPath: path + [.key("stabilization_window_seconds")],
                                       message: "must be 0…3600, got \(stabilizationWindowSeconds)")
        }
        if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
            throw AutoscaleConfigError(keyPath: path + [.key("tolerance")], message: "must be 0 or more")
        }
        if policies.isEmpty, selectPolicy != .disabled {
            throw AutoscaleConfigError(keyPath: path + [.key("policies")],
                                       message: "needs at least one policy unless select_policy is Disabled")
        }
        for (index, policy) in policies.enumerated() {
            let at = path + [.key("policies"), .index(index)]
            if policy.value <= 0 {
                throw AutoscaleConfigError(keyPath: at + [.key("value")],
                                           message: "must be greater than 0, got \(policy.value)")
            }
            try AutoscalerSpec.checkCount(policy.value, from: 1, at + [.key("value")])
            if !(1...1800).contains(policy.periodSeconds) {
                throw AutoscaleConfigError(keyPath: at + [.key("period_seconds")],
                                           message: "must be 1…1800, got \(policy.periodSeconds)")
            }
        }
    }
}
