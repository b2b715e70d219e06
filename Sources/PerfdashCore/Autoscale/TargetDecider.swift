/// The target (HPA) policy: the steps of Kubernetes' `reconcileAutoscaler` from the current count to the new one.
enum TargetDecider {
    static func decide(_ policy: TargetPolicy, metrics: [ObservedMetric], current: Int, minReplicas: Int,
                       maxReplicas: Int, history: inout HPAHistory, now: Double) -> PolicyDecision {
        // recordInitialRecommendation: a new autoscaler remembers the count it found, so it does not scale down
        // before a whole scale-down window has passed.
        if history.recommendations.isEmpty {
            history.recommendations.append(.init(replicas: current, time: now))
        }
        if current == 0, minReplicas != 0 {
            return PolicyDecision(to: 0, rule: .scalingDisabled,
                                  reason: "0 replicas and min \(minReplicas): scaling is disabled, as in HPA, stays 0")
        }
        if let bounded = ReasonText.outOfBounds(current: current, minReplicas: minReplicas, maxReplicas: maxReplicas) {
            return bounded
        }

        var proposals: [Int?] = []
        var decisive: (index: Int, proposal: ReplicaCalculator.Proposal)?
        var allWithin = true
        for (index, target) in policy.metrics.enumerated() {
            guard let value = metrics[index].value else {
                proposals.append(nil)
                continue
            }
            let proposal = ReplicaCalculator.proposal(
                type: target.type, value: value, target: target.target, current: current,
                toleranceUp: policy.toleranceUp, toleranceDown: policy.toleranceDown)
            proposals.append(proposal.replicas)
            allWithin = allWithin && proposal.withinTolerance
            // The largest proposal wins; on a tie the first metric names it, as in computeReplicasForMetrics.
            if proposal.replicas > decisive?.proposal.replicas ?? Int.min { decisive = (index, proposal) }
        }
        let missing = metrics.filter { $0.value == nil }
        guard let decisive else {
            let reason = missing.map(\.noSamples).joined(separator: ", ") + ReasonText.outcome(current, current)
            return PolicyDecision(to: current, rule: .noData, reason: reason, proposals: proposals)
        }
        let desired = decisive.proposal.replicas
        let because = explain(policy.metrics[decisive.index], metrics[decisive.index], decisive.proposal, policy)
        // Kubernetes does not scale down while some metric cannot be read: it might be the one that needs more.
        if !missing.isEmpty, desired < current {
            let reason = "\(because); \(missing.map(\.noSamples).joined(separator: ", ")), so no scale-down"
                + ReasonText.outcome(current, current)
            return PolicyDecision(to: current, rule: .noData, reason: reason, proposals: proposals)
        }

        let stabilized = history.stabilize(desired: desired, current: current, now: now, behavior: policy.behavior)
        let limited = history.limitRate(desired: stabilized.replicas, current: current, minReplicas: minReplicas,
                                        maxReplicas: maxReplicas, behavior: policy.behavior, now: now)
        var notes: [String] = []
        if let rule = stabilized.rule {
            notes.append(stabilizationNote(rule, replicas: stabilized.replicas, secondsLeft: stabilized.secondsLeft,
                                           behavior: policy.behavior))
        }
        if limited.rule != .desiredWithinRange {
            notes.append(limitNote(limited, minReplicas: minReplicas, maxReplicas: maxReplicas,
                                   behavior: policy.behavior))
        }
        let rule: DecisionRule = limited.rule != .desiredWithinRange ? limited.rule
            : stabilized.rule ?? ((allWithin && missing.isEmpty) ? .withinTolerance : .desiredWithinRange)
        let reason = ([because] + notes).joined(separator: "; ") + ReasonText.outcome(current, limited.replicas)
        return PolicyDecision(to: limited.replicas, rule: rule, reason: reason,
                              stabilizationSecondsLeft: stabilized.secondsLeft, proposals: proposals)
    }

    /// "cpu.busy avg 1m 50.0 % vs target 30 % → 5" or "… within tolerance 0.1".
    private static func explain(_ target: TargetMetric, _ metric: ObservedMetric,
                                _ proposal: ReplicaCalculator.Proposal, _ policy: TargetPolicy) -> String {
        let value = metric.value ?? 0
        let per = target.type == .averageValue ? " per replica" : ""
        let comparison = "\(metric.describe(value)) vs target \(MetricUnit.configured(target.target, unit: metric.unit))\(per)"
        if proposal.withinTolerance {
            let tolerance = policy.toleranceUp == policy.toleranceDown ? MetricUnit.plain(policy.toleranceUp)
                : "+\(MetricUnit.plain(policy.toleranceUp))/-\(MetricUnit.plain(policy.toleranceDown))"
            return "\(comparison) within tolerance \(tolerance)"
        }
        return "\(comparison) → \(proposal.replicas)"
    }

    private static func stabilizationNote(_ rule: DecisionRule, replicas: Int, secondsLeft: Double?,
                                          behavior: HPABehavior) -> String {
        let (which, window) = rule == .scaleUpStabilized
            ? ("lowest", behavior.scaleUp.stabilizationWindowSeconds)
            : ("highest", behavior.scaleDown.stabilizationWindowSeconds)
        let left = secondsLeft.map { ", \(MetricUnit.secondsLeft($0)) left" } ?? ""
        return "held at \(replicas) (\(which) recommendation in \(window) s\(left))"
    }

    private static func limitNote(_ limited: HPAHistory.Limited, minReplicas: Int, maxReplicas: Int,
                                  behavior: HPABehavior) -> String {
        switch limited.rule {
        case .scaleUpLimit: "limited to \(limited.replicas) by scale-up \(describe(behavior.scaleUp))"
        case .scaleDownLimit: "limited to \(limited.replicas) by scale-down \(describe(behavior.scaleDown))"
        case .tooManyReplicas: "limited to max \(maxReplicas)"
        case .tooFewReplicas: "limited to min \(minReplicas)"
        default: ""
        }
    }

    /// "Max(4 Pods, 100 Percent per 15 s)" or "Disabled".
    static func describe(_ rules: ScalingRules) -> String {
        if rules.selectPolicy == .disabled { return "policy Disabled" }
        let policies = rules.policies.map { "\($0.value) \($0.type.rawValue) per \($0.periodSeconds) s" }
        return "\(rules.selectPolicy.rawValue)(\(policies.joined(separator: ", ")))"
    }
}
