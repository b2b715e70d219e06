import Testing
@testable import PerfdashCore

@Suite("Threshold policy")
struct ThresholdPolicyTests {
    typealias Support = AutoscaleTestSupport

    /// Thresholds 80 (up) and 30 (down), 3 replicas: strictly above/below acts, exactly on a threshold does not.
    @Test(arguments: [
        (80.0, ScaleAction.none, 3, DecisionRule.withinThresholds),
        (80.1, .up, 4, .thresholdUp),
        (30.0, .none, 3, .withinThresholds),
        (29.9, .down, 2, .thresholdDown),
        (55.0, .none, 3, .withinThresholds),
    ])
    func edges(value: Double, action: ScaleAction, to: Int, rule: DecisionRule) {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec())
        let recommendation = autoscaler.step(now: 0, samples: ["cpu.busy_percent": value])
        #expect(recommendation.action == action)
        #expect(recommendation.from == 3)
        #expect(recommendation.to == to)
        #expect(recommendation.rule == rule)
    }

    @Test func reasonReadsLikeTheIssue() {
        // Window 5 m, average of one sample 83.2 → "cpu avg 5m 83.2 % > 80 %: 3 → 4".
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(window: 300))
        let up = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 83.2])
        #expect(up.reason == "cpu avg 5m 83.2% > 80%: 3 → 4")
        #expect(up.metrics.first?.value == 83.2)
        #expect(up.metrics.first?.samples == 1)
    }

    @Test func cooldownSuppressesThenAllows() throws {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(cooldownUp: 60, cooldownDown: 60))
        let hot = ["cpu.busy_percent": 95.0]
        #expect(autoscaler.step(now: 100, samples: hot).to == 4)
        // 100 + 60 − 118 = 42 s left.
        let held = autoscaler.step(now: 118, samples: hot)
        #expect(held.action == .none)
        #expect(held.rule == .cooldown)
        #expect(held.cooldownSecondsLeft == 42)
        #expect(held.reason == "none (cooldown, 42 s left): cpu 95.0% > 80%, stays 4")
        // 100 + 60 − 159.5 = 0.5 s left, shown rounded up.
        let almost = autoscaler.step(now: 159.5, samples: hot)
        #expect(almost.cooldownSecondsLeft == 0.5)
        #expect(almost.reason.hasPrefix("none (cooldown, 1 s left)"))
        // Exactly at 160 the cooldown has passed.
        let again = autoscaler.step(now: 160, samples: hot)
        #expect(again.action == .up)
        #expect(again.from == 4)
        #expect(again.to == 5)
        #expect(again.cooldownSecondsLeft == nil)
        #expect(autoscaler.lastScaleTime == 160)
    }

    @Test func separateCooldownsPerDirection() {
        // Up may follow 30 s after a change, down only 120 s after.
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(cooldownUp: 30, cooldownDown: 120))
        #expect(autoscaler.step(now: 0, samples: ["cpu.busy_percent": 90]).action == .up)      // 3 → 4
        let down = autoscaler.step(now: 40, samples: ["cpu.busy_percent": 10])
        #expect(down.rule == .cooldown)
        #expect(down.cooldownSecondsLeft == 80)                                               // 0 + 120 − 40
        let up = autoscaler.step(now: 40, samples: ["cpu.busy_percent": 90])
        #expect(up.action == .up)                                                             // 40 ≥ 0 + 30
        #expect(up.to == 5)
    }

    @Test func withinThresholdsStillShowsTheCooldown() {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(cooldownUp: 60, cooldownDown: 90))
        _ = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 90])
        let calm = autoscaler.step(now: 10, samples: ["cpu.busy_percent": 50])
        #expect(calm.rule == .withinThresholds)
        #expect(calm.cooldownSecondsLeft == 80)   // the longer of 60 − 10 and 90 − 10
    }

    @Test func maxAndMinAreRespected() {
        var atMax = Autoscaler(spec: Support.thresholdSpec(max: 10, replicas: .tracked(initial: 10)))
        let full = atMax.step(now: 0, samples: ["cpu.busy_percent": 99])
        #expect(full.action == .none)
        #expect(full.rule == .atMax)
        #expect(full.reason == "cpu 99.0% > 80%, already at max 10: stays 10")

        var nearMax = Autoscaler(spec: Support.thresholdSpec(step: 3, max: 10, replicas: .tracked(initial: 9)))
        #expect(nearMax.step(now: 0, samples: ["cpu.busy_percent": 99]).to == 10)  // min(9 + 3, 10)

        var nearMin = Autoscaler(spec: Support.thresholdSpec(step: 3, min: 1, replicas: .tracked(initial: 2)))
        #expect(nearMin.step(now: 0, samples: ["cpu.busy_percent": 1]).to == 1)    // max(2 − 3, 1)

        var atMin = Autoscaler(spec: Support.thresholdSpec(min: 2, replicas: .tracked(initial: 2)))
        #expect(atMin.step(now: 0, samples: ["cpu.busy_percent": 1]).rule == .atMin)
    }

    @Test func countOutsideTheBoundsComesBackAtOnce() {
        var above = Autoscaler(spec: Support.thresholdSpec(max: 10, replicas: .fixed(12)))
        let down = above.step(now: 0, samples: ["cpu.busy_percent": 50])
        #expect(down.action == .down)
        #expect(down.to == 10)
        #expect(down.rule == .aboveMax)
        #expect(down.reason == "12 replicas above max 10: 12 → 10")
    }

    @Test func windowAverageDecides() {
        // Window 60 s: samples at 0 (70) and 30 (90) average 80 → none; at 59 add 100 → (70+90+100)/3 ≈ 86.7 → up;
        // at 60 the sample from 0 has left (0 ≤ 60 − 60): (90+100+60)/3 = 83.3.
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(cooldownUp: 0, window: 60))
        _ = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 70])
        let even = autoscaler.step(now: 30, samples: ["cpu.busy_percent": 90])
        #expect(even.metrics[0].value == 80)
        #expect(even.action == .none)
        let up = autoscaler.step(now: 59, samples: ["cpu.busy_percent": 100])
        #expect(up.action == .up)
        #expect(up.metrics[0].samples == 3)
        let later = autoscaler.step(now: 60, samples: ["cpu.busy_percent": 60])
        #expect(later.metrics[0].samples == 3)
        #expect(abs((later.metrics[0].value ?? 0) - 250.0 / 3) < 1e-12)
    }

    @Test func noSamplesMeansNoAction() {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(window: 60))
        let empty = autoscaler.step(now: 0, samples: [:])
        #expect(empty.rule == .noData)
        #expect(empty.reason == "no data for cpu.busy_percent in the last 1m: stays 3")
    }

    @Test func fixedCountStillStartsTheCooldown() {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(replicas: .fixed(3)))
        #expect(autoscaler.step(now: 0, samples: ["cpu.busy_percent": 90]).to == 4)
        let held = autoscaler.step(now: 10, samples: ["cpu.busy_percent": 90])
        #expect(held.from == 3)
        #expect(held.rule == .cooldown)
    }

    @Test func metricCountChangesStartTheCooldown() {
        let spec = Support.thresholdSpec(replicas: .metric(series: "service.web.replicas", fallback: nil))
        var autoscaler = Autoscaler(spec: spec)
        let unknown = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 90])
        #expect(unknown.rule == .unknownReplicas)
        let first = autoscaler.step(now: 1, samples: ["cpu.busy_percent": 90, "service.web.replicas": 3])
        #expect(first.from == 3)
        #expect(first.to == 4)
        #expect(autoscaler.lastScaleTime == nil)   // not applied until the series shows it
        _ = autoscaler.step(now: 5, samples: ["cpu.busy_percent": 90, "service.web.replicas": 4])
        #expect(autoscaler.lastScaleTime == 5)
        #expect(autoscaler.step(now: 6, samples: ["cpu.busy_percent": 90]).rule == .cooldown)
    }

    @Test func historyKeepsTwentyDistinctDecisions() {
        var autoscaler = Autoscaler(spec: Support.thresholdSpec(cooldownUp: 0, cooldownDown: 0, max: 100,
                                                                replicas: .tracked(initial: 50)))
        for second in 0..<30 {
            // Alternate up and down so that every step is a new decision.
            _ = autoscaler.step(now: Double(second), samples: ["cpu.busy_percent": second.isMultiple(of: 2) ? 90 : 10])
        }
        #expect(autoscaler.history.count == Autoscaler.historyLimit)
        #expect(autoscaler.history.first?.time == 10)
        #expect(autoscaler.history.last?.time == 29)
        var steady = Autoscaler(spec: Support.thresholdSpec())
        for second in 0..<5 { _ = steady.step(now: Double(second), samples: ["cpu.busy_percent": 50]) }
        #expect(steady.history.count == 1)
        #expect(steady.latest?.time == 4)
    }
}
