// The `autoscaler` section, written by hand in JSONEncoder's layout: keys in UTF-8 byte order, optionals left out
// when nil, the policy and replica source as the one-key objects of AutoscalerSpec+Coding.swift.

extension AutoscalerStatus: JSONWritable {
    /// One autoscaler: its spec, recommendation and recent decisions.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("decisions"); w.value(decisions)
            w.key("missing_series"); w.value(missingSeries)
            w.key("name"); w.value(name)
            w.key("recommendation"); w.value(recommendation)
            w.member("replicas", ifPresent: replicas)
            w.key("spec"); w.value(spec)
            w.key("summary"); w.value(summary)
        }
    }
}

extension AutoscalerDecision: JSONWritable {
    /// One past decision on the wall clock.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("action"); w.value(action)
            w.key("from"); w.value(from)
            w.key("reason"); w.value(reason)
            w.key("rule"); w.value(rule)
            w.key("time_seconds"); w.value(timeSeconds)
            w.key("timestamp"); w.value(timestamp)
            w.key("timestamp_unix_ms"); w.value(timestampUnixMs)
            w.key("to"); w.value(to)
        }
    }
}

extension Recommendation: JSONWritable {
    /// Action, from → to, rule, reason, the metric readings and the time left in a cooldown or stabilization.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("action"); w.value(action)
            w.key("autoscaler"); w.value(autoscaler)
            w.member("cooldown_seconds_left", ifPresent: cooldownSecondsLeft)
            w.key("from"); w.value(from)
            w.key("metrics"); w.value(metrics)
            w.key("policy"); w.value(policy)
            w.key("reason"); w.value(reason)
            w.key("rule"); w.value(rule)
            w.member("stabilization_seconds_left", ifPresent: stabilizationSecondsLeft)
            w.key("time"); w.value(time)
            w.key("to"); w.value(to)
        }
    }
}

extension MetricReading: JSONWritable {
    /// One input metric's value, window average, p95 and forecast.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("aggregate"); w.value(aggregate)
            w.member("average", ifPresent: average)
            w.member("forecast", ifPresent: forecast)
            w.key("label"); w.value(label)
            w.member("p95", ifPresent: p95)
            w.member("proposal", ifPresent: proposal)
            w.key("samples"); w.value(samples)
            w.key("series"); w.value(series)
            w.member("value", ifPresent: value)
            w.key("window_seconds"); w.value(windowSeconds)
        }
    }
}

extension MetricForecast: JSONWritable {
    /// The forecast value at the horizon and its band.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.member("high", ifPresent: high)
            w.key("horizon_seconds"); w.value(horizonSeconds)
            w.member("low", ifPresent: low)
            w.key("value"); w.value(value)
        }
    }
}

extension AutoscalerSpec: JSONWritable {
    /// The full configuration.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("aggregate"); w.value(aggregate)
            w.key("max_replicas"); w.value(maxReplicas)
            w.key("min_replicas"); w.value(minReplicas)
            w.key("name"); w.value(name)
            w.key("policy"); w.value(policy)
            w.key("replicas"); w.value(replicas)
            w.key("window_seconds"); w.value(windowSeconds)
        }
    }
}

extension AutoscalePolicy: JSONWritable {
    /// One key named after the policy.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            switch self {
            case .predictive(let policy): w.key("predictive"); w.value(policy)
            case .target(let policy): w.key("target"); w.value(policy)
            case .threshold(let policy): w.key("threshold"); w.value(policy)
            }
        }
    }
}

extension ReplicaSource: JSONWritable {
    /// `{"fixed": n}`, `{"tracked": n}` or `{"fallback": n, "metric": "series"}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            switch self {
            case .fixed(let count): w.key("fixed"); w.value(count)
            case .tracked(let initial): w.key("tracked"); w.value(initial)
            case .metric(let series, let fallback):
                w.member("fallback", ifPresent: fallback)
                w.key("metric"); w.value(series)
            }
        }
    }
}

extension MetricInput: JSONWritable {
    /// The series, its label and its PromQL query.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("label"); w.value(label)
            w.member("query", ifPresent: query)
            w.key("series"); w.value(series)
        }
    }
}

extension ThresholdPolicy: JSONWritable {
    /// Thresholds, step and cooldowns.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("cooldown_down_seconds"); w.value(cooldownDownSeconds)
            w.key("cooldown_up_seconds"); w.value(cooldownUpSeconds)
            w.key("metric"); w.value(metric)
            w.key("scale_down_threshold"); w.value(scaleDownThreshold)
            w.key("scale_up_threshold"); w.value(scaleUpThreshold)
            w.key("step"); w.value(step)
        }
    }
}

extension TargetPolicy: JSONWritable {
    /// Targets, tolerance and the HPA behavior.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("behavior"); w.value(behavior)
            w.key("metrics"); w.value(metrics)
            w.key("tolerance"); w.value(tolerance)
        }
    }
}

extension TargetMetric: JSONWritable {
    /// One metric's target.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("metric"); w.value(metric)
            w.key("target"); w.value(target)
            w.key("type"); w.value(type)
        }
    }
}

extension HPABehavior: JSONWritable {
    /// `{scale_down, scale_up}`.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("scale_down"); w.value(scaleDown)
            w.key("scale_up"); w.value(scaleUp)
        }
    }
}

extension ScalingRules: JSONWritable {
    /// One direction's stabilization window and policies.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("policies"); w.value(policies)
            w.key("select_policy"); w.value(selectPolicy)
            w.key("stabilization_window_seconds"); w.value(stabilizationWindowSeconds)
            w.member("tolerance", ifPresent: tolerance)
        }
    }
}

extension ScalingPolicy: JSONWritable {
    /// One HPA scaling policy.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("period_seconds"); w.value(periodSeconds)
            w.key("type"); w.value(type)
            w.key("value"); w.value(value)
        }
    }
}

extension PredictivePolicy: JSONWritable {
    /// The target policy it forecasts for and Holt-Winters' parameters.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("alpha"); w.value(alpha)
            w.key("beta"); w.value(beta)
            w.key("gamma"); w.value(gamma)
            w.key("horizon_seconds"); w.value(horizonSeconds)
            w.member("season_seconds", ifPresent: seasonSeconds)
            w.key("target"); w.value(target)
        }
    }
}
