/// What a policy decided at one step, before the engine applies it.
struct PolicyDecision: Sendable, Equatable {
    var to: Int
    var rule: DecisionRule
    var reason: String
    var cooldownSecondsLeft: Double? = nil
    var stabilizationSecondsLeft: Double? = nil
    /// Target policy: each metric's proposal, in the policy's order (nil for a metric without samples).
    var proposals: [Int?] = []
}

/// One metric's window aggregate as a policy sees it, with the words to describe it.
struct ObservedMetric: Sendable {
    var input: MetricInput
    var value: Double?
    var aggregate: Aggregate
    var windowSeconds: Double
    /// Predictive policy: `value` is the forecast this many seconds ahead (nil: the window's aggregate).
    var forecastHorizon: Double? = nil

    var unit: String { MetricUnit.unit(for: input.series) }

    /// "cpu.busy avg 5m 83.2 %" (the aggregate and window are left out for a 0 s window).
    func describe(_ value: Double) -> String {
        if let forecastHorizon {
            return "\(input.label) forecast +\(MetricUnit.duration(forecastHorizon)) \(MetricUnit.measured(value, unit: unit))"
        }
        let how = windowSeconds > 0 ? " \(aggregate.rawValue) \(MetricUnit.duration(windowSeconds))" : ""
        return "\(input.label)\(how) \(MetricUnit.measured(value, unit: unit))"
    }

    /// "no data for cpu.busy_percent in the last 5m": a series that is misspelt or whose source is down.
    var noSamples: String {
        windowSeconds > 0 ? "no data for \(input.series) in the last \(MetricUnit.duration(windowSeconds))"
            : "no data for \(input.series)"
    }
}

/// Shared wording of reasons.
enum ReasonText {
    /// ": 3 → 4" or ": stays 3".
    static func outcome(_ from: Int, _ to: Int) -> String {
        from == to ? ": stays \(from)" : ": \(from) → \(to)"
    }

    /// The bounds rule both policies apply before looking at metrics.
    static func outOfBounds(current: Int, minReplicas: Int, maxReplicas: Int) -> PolicyDecision? {
        if current > maxReplicas {
            return PolicyDecision(to: maxReplicas, rule: .aboveMax,
                                  reason: "\(current) replicas above max \(maxReplicas)" + outcome(current, maxReplicas))
        }
        if current < minReplicas {
            return PolicyDecision(to: minReplicas, rule: .belowMin,
                                  reason: "\(current) replicas below min \(minReplicas)" + outcome(current, minReplicas))
        }
        return nil
    }
}
