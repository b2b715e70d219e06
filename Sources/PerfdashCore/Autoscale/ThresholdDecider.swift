/// The threshold policy as a pure function of the aggregate, the count, the last change and `now`.
enum ThresholdDecider {
    static func decide(_ policy: ThresholdPolicy, metric: ObservedMetric, current: Int, minReplicas: Int,
                       maxReplicas: Int, lastScaleTime: Double?, now: Double) -> PolicyDecision {
        if let bounded = ReasonText.outOfBounds(current: current, minReplicas: minReplicas, maxReplicas: maxReplicas) {
            return bounded
        }
        guard let value = metric.value else {
            return PolicyDecision(to: current, rule: .noData,
                                  reason: metric.noSamples + ReasonText.outcome(current, current))
        }
        let subject = metric.describe(value)
        let upLeft = secondsLeft(since: lastScaleTime, cooldown: policy.cooldownUpSeconds, now: now)
        let downLeft = secondsLeft(since: lastScaleTime, cooldown: policy.cooldownDownSeconds, now: now)
        let stays = ReasonText.outcome(current, current)

        if value > policy.scaleUpThreshold {
            let comparison = "\(subject) > \(MetricUnit.configured(policy.scaleUpThreshold, unit: metric.unit))"
            if current >= maxReplicas {
                return PolicyDecision(to: current, rule: .atMax,
                                      reason: "\(comparison), already at max \(maxReplicas)" + stays)
            }
            if let upLeft {
                return cooldown(upLeft, comparison: comparison, current: current)
            }
            let to = min(current.addingSaturating(policy.step), maxReplicas)
            return PolicyDecision(to: to, rule: .thresholdUp, reason: comparison + ReasonText.outcome(current, to))
        }
        if value < policy.scaleDownThreshold {
            let comparison = "\(subject) < \(MetricUnit.configured(policy.scaleDownThreshold, unit: metric.unit))"
            if current <= minReplicas {
                return PolicyDecision(to: current, rule: .atMin,
                                      reason: "\(comparison), already at min \(minReplicas)" + stays)
            }
            if let downLeft {
                return cooldown(downLeft, comparison: comparison, current: current)
            }
            let to = max(current.subtractingSaturating(policy.step), minReplicas)
            return PolicyDecision(to: to, rule: .thresholdDown, reason: comparison + ReasonText.outcome(current, to))
        }
        let range = "\(MetricUnit.configured(policy.scaleDownThreshold, unit: metric.unit)) and "
            + MetricUnit.configured(policy.scaleUpThreshold, unit: metric.unit)
        // Nothing wanted, but the panel still shows how long a cooldown would hold an action.
        let left = [upLeft, downLeft].compactMap(\.self).max()
        return PolicyDecision(to: current, rule: .withinThresholds, reason: "\(subject) between \(range)" + stays,
                              cooldownSecondsLeft: left)
    }

    /// Seconds until `lastScaleTime + cooldown`, nil once it has passed (exactly at the end counts as passed).
    static func secondsLeft(since lastScaleTime: Double?, cooldown: Double, now: Double) -> Double? {
        guard let lastScaleTime else { return nil }
        let left = lastScaleTime + cooldown - now
        return left > 0 ? left : nil
    }

    private static func cooldown(_ left: Double, comparison: String, current: Int) -> PolicyDecision {
        PolicyDecision(to: current, rule: .cooldown,
                       reason: "none (cooldown, \(MetricUnit.secondsLeft(left)) left): \(comparison), stays \(current)",
                       cooldownSecondsLeft: left)
    }
}
