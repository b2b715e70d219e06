import PerfdashCore

/// The time an autoscaler is holding still: the threshold policy's cooldown or the target policy's stabilization
/// window, with the seconds left (nil when nothing runs) and the full length, for a countdown bar.
struct AutoscalerCountdown: Equatable {
    /// `cooldown` or `stabilization`.
    var label: String
    /// Seconds left; nil when nothing is running.
    var left: Double?
    /// The full length in seconds, the bar's 100 %.
    var total: Double
    /// What runs when nothing does: `60 s after each change`, `down window 300 s, up 0 s`.
    var idle: String

    /// The countdown of `status`; nil for an unknown replica count.
    init?(_ status: AutoscalerStatus) {
        let r = status.recommendation
        guard r.rule != .unknownReplicas else { return nil }
        switch status.spec.policy {
        case .threshold(let p):
            label = "cooldown"
            let running = r.cooldownSecondsLeft ?? 0
            left = r.cooldownSecondsLeft
            // Up and down may have their own cooldowns: the running one is the shortest not below what is left.
            let lengths = [p.cooldownUpSeconds, p.cooldownDownSeconds].sorted()
            total = lengths.first { $0 >= running } ?? lengths[1]
            idle = p.cooldownUpSeconds == p.cooldownDownSeconds
                ? "\(AutoscalerText.configured(p.cooldownUpSeconds, unit: "s")) after each change"
                : "up \(AutoscalerText.configured(p.cooldownUpSeconds, unit: "s")), "
                    + "down \(AutoscalerText.configured(p.cooldownDownSeconds, unit: "s")) after a change"
        case .target, .predictive:
            guard let t = status.spec.policy.targetPolicy else { return nil }
            label = "stabilization"
            left = r.stabilizationSecondsLeft
            let up = Double(t.behavior.scaleUp.stabilizationWindowSeconds)
            let down = Double(t.behavior.scaleDown.stabilizationWindowSeconds)
            total = r.rule == .scaleUpStabilized ? up : down
            idle = "down window \(t.behavior.scaleDown.stabilizationWindowSeconds) s, "
                + "up \(t.behavior.scaleUp.stabilizationWindowSeconds) s"
        }
        if let l = left, l <= 0 { left = nil }
    }

    /// The fraction of the countdown still to run, 0…1.
    var fraction: Double {
        guard let left, total > 0 else { return 0 }
        return min(1, max(0, left / total))
    }
}
