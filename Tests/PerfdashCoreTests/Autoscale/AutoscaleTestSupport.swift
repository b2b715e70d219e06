@testable import PerfdashCore

/// Small builders shared by the autoscaler tests.
enum AutoscaleTestSupport {
    /// A threshold autoscaler on `cpu.busy_percent` (label `cpu`), window 0 s unless given.
    static func thresholdSpec(up: Double = 80, down: Double = 30, step: Int = 1, cooldownUp: Double = 60,
                              cooldownDown: Double = 60, min: Int = 1, max: Int = 10,
                              replicas: ReplicaSource = .tracked(initial: 3), window: Double = 0) -> AutoscalerSpec {
        AutoscalerSpec(
            name: "web",
            policy: .threshold(ThresholdPolicy(
                metric: MetricInput(series: "cpu.busy_percent", label: "cpu"), scaleUpThreshold: up,
                scaleDownThreshold: down, step: step, cooldownUpSeconds: cooldownUp,
                cooldownDownSeconds: cooldownDown)),
            windowSeconds: window, replicas: replicas, minReplicas: min, maxReplicas: max)
    }

    /// A target autoscaler with one metric per (series, type, target), window 0 s.
    static func targetSpec(_ metrics: [(String, TargetType, Double)], min: Int = 1, max: Int = 1000,
                           replicas: ReplicaSource, behavior: HPABehavior = HPABehavior(),
                           tolerance: Double = 0.1) -> AutoscalerSpec {
        let targets = metrics.map { TargetMetric(metric: MetricInput(series: $0.0), type: $0.1, target: $0.2) }
        return AutoscalerSpec(
            name: "hpa", policy: .target(TargetPolicy(metrics: targets, tolerance: tolerance, behavior: behavior)),
            windowSeconds: 0, replicas: replicas, minReplicas: min, maxReplicas: max)
    }

    /// Kubernetes' `generateScalingRules(pods, podsPeriod, percent, percentPeriod, stabilizationWindow)` passed
    /// through `GenerateHPAScale{Up,Down}Rules`: select Max; no policies given → the direction's default policies.
    static func rules(pods: Int, podsPeriod: Int, percent: Int, percentPeriod: Int, window: Int,
                      defaults: ScalingRules) -> ScalingRules {
        var policies: [ScalingPolicy] = []
        if pods != 0 { policies.append(ScalingPolicy(type: .pods, value: pods, periodSeconds: podsPeriod)) }
        if percent != 0 { policies.append(ScalingPolicy(type: .percent, value: percent, periodSeconds: percentPeriod)) }
        return ScalingRules(stabilizationWindowSeconds: window, selectPolicy: .max,
                            policies: policies.isEmpty ? defaults.policies : policies)
    }

    /// Kubernetes' `generateEventsUniformDistribution`: events centred in equal segments of the last `period`
    /// seconds before `now`, oldest first (Go converts the offset to a Duration, truncating to whole seconds).
    static func uniformEvents(_ changes: [Int], period: Int, now: Double) -> [HPAHistory.ScaleEvent] {
        let segment = Double(period) / Double(changes.count)
        return changes.enumerated().map { index, change in
            let secondsAgo = Double(Int(Double(period) - segment * Double(index + 1) + segment / 2))
            return HPAHistory.ScaleEvent(change: change, time: now - secondsAgo)
        }
    }
}
