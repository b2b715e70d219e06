// Hand-written coding for the spec's enums: `{"threshold": {...}}` and `{"tracked": 3}` read better in snapshots
// and JSON than the synthesized `{"threshold": {"_0": {...}}}`.

extension AutoscalePolicy {
    private enum CodingKeys: String, CodingKey {
        case threshold, target, predictive
    }

    /// Decodes `{"threshold": {...}}`, `{"target": {...}}` or `{"predictive": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let threshold = try container.decodeIfPresent(ThresholdPolicy.self, forKey: .threshold) {
            self = .threshold(threshold)
        } else if let predictive = try container.decodeIfPresent(PredictivePolicy.self, forKey: .predictive) {
            self = .predictive(predictive)
        } else {
            self = .target(try container.decode(TargetPolicy.self, forKey: .target))
        }
    }

    /// Encodes one key named after the policy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .threshold(let policy): try container.encode(policy, forKey: .threshold)
        case .target(let policy): try container.encode(policy, forKey: .target)
        case .predictive(let policy): try container.encode(policy, forKey: .predictive)
        }
    }
}

extension ReplicaSource {
    private enum CodingKeys: String, CodingKey {
        case fixed, tracked, metric, fallback
    }

    /// Decodes `{"fixed": 3}`, `{"tracked": 3}` or `{"metric": "series", "fallback": 3}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let count = try container.decodeIfPresent(Int.self, forKey: .fixed) {
            self = .fixed(count)
        } else if let initial = try container.decodeIfPresent(Int.self, forKey: .tracked) {
            self = .tracked(initial: initial)
        } else {
            self = .metric(series: try container.decode(String.self, forKey: .metric),
                           fallback: try container.decodeIfPresent(Int.self, forKey: .fallback))
        }
    }

    /// Encodes the source as one key, plus `fallback` for a metric.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let count): try container.encode(count, forKey: .fixed)
        case .tracked(let initial): try container.encode(initial, forKey: .tracked)
        case .metric(let series, let fallback):
            try container.encode(series, forKey: .metric)
            try container.encodeIfPresent(fallback, forKey: .fallback)
        }
    }
}
