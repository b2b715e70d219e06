/// The replica count one metric proposes: a port of kubernetes/pkg/controller/podautoscaler/replica_calculator.go
/// without pods (perfdash sees one value per series, not one per pod).
public enum ReplicaCalculator {
    /// What one metric proposes.
    public struct Proposal: Sendable, Equatable {
        /// The proposed count.
        public var replicas: Int
        /// value / target (utilization, value) or value / (target × current) (average value).
        public var usageRatio: Double
        /// The ratio was within the tolerance, so the proposal is the current count.
        public var withinTolerance: Bool
    }

    /// Kubernetes' `Tolerances.isWithin`: (1 − down) ≤ ratio ≤ (1 + up).
    public static func isWithin(_ ratio: Double, toleranceUp: Double, toleranceDown: Double) -> Bool {
        (1 - toleranceDown) <= ratio && ratio <= (1 + toleranceUp)
    }

    /// The proposal for `value` against `target` at `current` replicas.
    ///
    /// - utilization / value (`GetResourceReplicas`, `GetObjectMetricReplicas`): ratio = value / target;
    ///   within tolerance → current, else ceil(ratio × current); at zero replicas ceil(ratio).
    /// - average value (`GetObjectPerPodMetricReplicas`, `GetExternalPerPodMetricReplicas`):
    ///   ratio = value / (target × current); within tolerance → current, else ceil(value / target).
    public static func proposal(type: TargetType, value: Double, target: Double, current: Int,
                                toleranceUp: Double, toleranceDown: Double) -> Proposal {
        switch type {
        case .utilization, .value:
            let ratio = value / target
            if current == 0 {
                return Proposal(replicas: HPAHistory.int(ratio.rounded(.up)), usageRatio: ratio, withinTolerance: false)
            }
            if isWithin(ratio, toleranceUp: toleranceUp, toleranceDown: toleranceDown) {
                return Proposal(replicas: current, usageRatio: ratio, withinTolerance: true)
            }
            // Kubernetes multiplies the ratio (not value × current / target): same rounding as the reference.
            return Proposal(replicas: HPAHistory.int((ratio * Double(current)).rounded(.up)), usageRatio: ratio,
                            withinTolerance: false)
        case .averageValue:
            let ratio = value / (target * Double(current))
            if isWithin(ratio, toleranceUp: toleranceUp, toleranceDown: toleranceDown) {
                return Proposal(replicas: current, usageRatio: ratio, withinTolerance: true)
            }
            return Proposal(replicas: HPAHistory.int((value / target).rounded(.up)), usageRatio: ratio,
                            withinTolerance: false)
        }
    }
}
