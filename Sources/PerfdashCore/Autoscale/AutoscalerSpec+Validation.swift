extension AutoscalerSpec {
    typealias Path = [AutoscaleConfigError.PathComponent]

    /// Checks every parameter; the error's key path uses the config's key names (relative to the autoscaler).
    public func validate() throws(AutoscaleConfigError) {
        func fail(_ path: Path, _ message: String) -> AutoscaleConfigError {
            AutoscaleConfigError(keyPath: path, message: message)
        }
        if name.isEmpty { throw fail([.key("name")], "must not be empty") }
        if minReplicas < 0 { throw fail([.key("min_replicas")], "must be 0 or more, got \(minReplicas)") }
        if maxReplicas < 1 { throw fail([.key("max_replicas")], "must be at least 1, got \(maxReplicas)") }
        if maxReplicas < minReplicas {
            throw fail([.key("max_replicas")], "must be at least min_replicas (\(minReplicas)), got \(maxReplicas)")
        }
        if !(windowSeconds >= 0 && windowSeconds.isFinite) {
            throw fail([.key("window")], "must be a duration of 0 s or more")
        }
        try validateReplicas()
        switch policy {
        case .threshold(let threshold): try threshold.validate()
        case .target(let target): try target.validate()
        case .predictive(let predictive): try predictive.validate()
        }
    }

    private func validateReplicas() throws(AutoscaleConfigError) {
        switch replicas {
        case .fixed(let count), .tracked(let count):
            if count < 0 {
                throw AutoscaleConfigError(keyPath: [.key("replicas")], message: "must be 0 or more, got \(count)")
            }
        case .metric(let series, let fallback):
            if series.isEmpty {
                throw AutoscaleConfigError(keyPath: [.key("replicas_metric")], message: "must name a series")
            }
            if let fallback, fallback < 0 {
                throw AutoscaleConfigError(keyPath: [.key("replicas")], message: "must be 0 or more, got \(fallback)")
            }
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
        if !(cooldownUpSeconds >= 0 && cooldownUpSeconds.isFinite) {
            throw fail("cooldown_up", "must be a duration of 0 s or more")
        }
        if !(cooldownDownSeconds >= 0 && cooldownDownSeconds.isFinite) {
            throw fail("cooldown_down", "must be a duration of 0 s or more")
        }
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
            if !(1...1800).contains(policy.periodSeconds) {
                throw AutoscaleConfigError(keyPath: at + [.key("period_seconds")],
                                           message: "must be 1…1800, got \(policy.periodSeconds)")
            }
        }
    }
}
