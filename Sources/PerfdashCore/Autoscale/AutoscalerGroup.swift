/// The configured autoscalers, stepped together with the same time and values.
public struct AutoscalerGroup: Sendable {
    /// The autoscalers in configuration order.
    public private(set) var autoscalers: [Autoscaler]

    /// Creates one autoscaler per spec.
    public init(specs: [AutoscalerSpec]) {
        autoscalers = specs.map(Autoscaler.init(spec:))
    }

    /// Every series any autoscaler reads, without repeats, in configuration order.
    public var inputSeries: [String] {
        var seen = Set<String>()
        return autoscalers.flatMap(\.spec.inputSeries).filter { seen.insert($0).inserted }
    }

    /// Steps every autoscaler; the recommendations come back in configuration order.
    public mutating func step(now: Double, samples: [String: Double]) -> [Recommendation] {
        autoscalers.indices.map { autoscalers[$0].step(now: now, samples: samples) }
    }

    /// The autoscaler with this name.
    public subscript(name: String) -> Autoscaler? {
        autoscalers.first { $0.name == name }
    }
}
