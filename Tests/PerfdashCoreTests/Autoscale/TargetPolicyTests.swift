import Testing
@testable import PerfdashCore

/// The target (HPA) policy against cases from Kubernetes' replica_calculator_test.go and horizontal_test.go.
@Suite("Target policy")
struct TargetPolicyTests {
    typealias Support = AutoscaleTestSupport

    /// Replica calculator cases: (current, type, value, target) → proposal.
    @Test(arguments: [
        // TestReplicaCalcScaleUp: 3 pods at 50 % of request, target 30 %: ceil(3 × 50/30) = ceil(5.0) = 5.
        (3, TargetType.utilization, 50.0, 30.0, 5, false),
        // TestReplicaCalcScaleDown: 5 pods at 28 %, target 50 %: ceil(5 × 0.56) = ceil(2.8) = 3.
        (5, .utilization, 28.0, 50.0, 3, false),
        // TestReplicaCalcTolerance: 3 pods at 102 %, target 100 %: |1.02 − 1| ≤ 0.1 → stays 3.
        (3, .utilization, 102.0, 100.0, 3, true),
        // Average value: 20 per replica over 3 replicas is a total of 60, target 15 per replica:
        // ratio 60 / (15 × 3) = 1.33 > 1.1 → ceil(60 / 15) = 4.
        (3, .averageValue, 60.0, 15.0, 4, false),
        // TestReplicaCalcScaleDownCM: 5 pods at 12, target 20: ceil(5 × 0.6) = 3.
        (5, .value, 12.0, 20.0, 3, false),
    ])
    func replicaCalculator(current: Int, type: TargetType, value: Double, target: Double, expected: Int,
                           within: Bool) {
        let proposal = ReplicaCalculator.proposal(type: type, value: value, target: target, current: current,
                                                  toleranceUp: 0.1, toleranceDown: 0.1)
        #expect(proposal.replicas == expected)
        #expect(proposal.withinTolerance == within)
    }

    /// The same cases through the whole engine. Scale-downs use a 0 s down window: a new HPA first records the
    /// count it found, and the default 300 s window would hold that for five minutes.
    @Test(arguments: [
        (3, TargetType.utilization, 50.0, 30.0, 5, DecisionRule.desiredWithinRange),
        (5, .utilization, 28.0, 50.0, 3, .desiredWithinRange),
        (3, .utilization, 102.0, 100.0, 3, .withinTolerance),
        (3, .averageValue, 60.0, 15.0, 4, .desiredWithinRange),
        (5, .value, 12.0, 20.0, 3, .desiredWithinRange),
    ])
    func engine(current: Int, type: TargetType, value: Double, target: Double, expected: Int, rule: DecisionRule) {
        var behavior = HPABehavior()
        behavior.scaleDown.stabilizationWindowSeconds = 0
        var autoscaler = Autoscaler(spec: Support.targetSpec([("m", type, target)], replicas: .tracked(initial: current),
                                                             behavior: behavior))
        let recommendation = autoscaler.step(now: 0, samples: ["m": value])
        #expect(recommendation.to == expected)
        #expect(recommendation.rule == rule)
        #expect(recommendation.metrics[0].proposal == expected)
        #expect(autoscaler.replicas == expected)
    }

    @Test func reasonsNameTheMetricAndTarget() {
        var behavior = HPABehavior()
        behavior.scaleDown.stabilizationWindowSeconds = 0
        var up = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 30)],
                                                     replicas: .tracked(initial: 3)))
        #expect(up.step(now: 0, samples: ["cpu.busy_percent": 50]).reason
            == "cpu.busy 50.0% vs target 30% → 5: 3 → 5")
        var within = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 100)],
                                                         replicas: .tracked(initial: 3)))
        #expect(within.step(now: 0, samples: ["cpu.busy_percent": 102]).reason
            == "cpu.busy 102.0% vs target 100% within tolerance 0.1: stays 3")
        var queue = Autoscaler(spec: Support.targetSpec([("service.api.queue.high.depth", .averageValue, 15)],
                                                        replicas: .tracked(initial: 3)))
        #expect(queue.step(now: 0, samples: ["service.api.queue.high.depth": 60]).reason
            == "service.api.queue.high.depth 60.0 vs target 15 per replica → 4: 3 → 4")
    }

    /// horizontal_test.go TestScalingWithRules "scaleUp with default behavior": current 10, desired 50 → 20
    /// (Max of 10 + 4 pods and 10 × 200 % per 15 s).
    @Test func defaultBehaviorLimitsScaleUp() {
        let limited = HPAHistory().limitRate(desired: 50, current: 10, minReplicas: 1, maxReplicas: 1000,
                                             behavior: HPABehavior(), now: 0)
        #expect(limited == HPAHistory.Limited(replicas: 20, rule: .scaleUpLimit))

        // Through the engine: 10 replicas at 500 % of a 100 % target want ceil(10 × 5) = 50.
        var autoscaler = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 100)],
                                                             replicas: .tracked(initial: 10)))
        let recommendation = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 500])
        #expect(recommendation.to == 20)
        #expect(recommendation.rule == .scaleUpLimit)
        #expect(recommendation.reason == "cpu.busy 500.0% vs target 100% → 50; limited to 20 by scale-up "
            + "Max(4 Pods per 15 s, 100 Percent per 15 s): 10 → 20")
        // 15 s later the +10 event is no longer strictly inside the 15 s period: 20 may double again.
        let next = autoscaler.step(now: 15, samples: ["cpu.busy_percent": 500])
        #expect(next.to == 40)
        // 1 s after that, +20 happened within the period: the limit is (40 − 20) × 2 = 40, nothing more.
        let held = autoscaler.step(now: 16, samples: ["cpu.busy_percent": 500])
        #expect(held.to == 40)
        #expect(held.rule == .scaleUpLimit)
    }

    /// TestNormalizeDesiredReplicasWithBehavior "simple scale down stabilization": recommendations 4 (2 min ago)
    /// and 5 (1 min ago), current 100, desired 3, down window 180 s → 5 (the highest within the window).
    @Test func scaleDownStabilization() {
        var history = HPAHistory(recommendations: [.init(replicas: 4, time: 1000 - 120),
                                                   .init(replicas: 5, time: 1000 - 60)])
        var behavior = HPABehavior()
        behavior.scaleUp.stabilizationWindowSeconds = 0
        behavior.scaleDown.stabilizationWindowSeconds = 180
        let stabilized = history.stabilize(desired: 3, current: 100, now: 1000, behavior: behavior)
        #expect(stabilized.replicas == 5)
        #expect(stabilized.rule == .scaleDownStabilized)
        #expect(stabilized.secondsLeft == 120)   // the 5 from 60 s ago leaves the 180 s window in 120 s
        #expect(history.recommendations.map(\.replicas) == [4, 5, 3])
    }

    @Test func engineHoldsScaleDownForTheWindow() {
        // A spike to 8 replicas, then a drop: the default 300 s window keeps 8 until the spike's record leaves it.
        var autoscaler = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 50)],
                                                             replicas: .tracked(initial: 4)))
        #expect(autoscaler.step(now: 0, samples: ["cpu.busy_percent": 100]).to == 8)   // ceil(4 × 2) = 8
        let held = autoscaler.step(now: 100, samples: ["cpu.busy_percent": 10])        // wants ceil(8 × 0.2) = 2
        #expect(held.to == 8)
        #expect(held.rule == .scaleDownStabilized)
        #expect(held.stabilizationSecondsLeft == 200)                                   // 0 + 300 − 100
        #expect(held.reason.contains("held at 8 (highest recommendation in 300 s, 200 s left)"))
        // At 300 the records from 0 (4 initial, 8) are not after the cutoff 0: only 2s remain.
        let released = autoscaler.step(now: 300, samples: ["cpu.busy_percent": 10])
        #expect(released.to == 2)
        #expect(released.action == .down)
    }

    @Test func largestProposalWins() {
        // cpu wants ceil(4 × 60/50) = 5, the queue ceil(90 / 10) = 9.
        var autoscaler = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 50),
                                                              ("queue", .averageValue, 10)],
                                                             replicas: .tracked(initial: 4)))
        let recommendation = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 60, "queue": 90])
        #expect(recommendation.to == 8)   // limited: Max(4 + 4, 4 × 2) = 8
        #expect(recommendation.metrics.map(\.proposal) == [5, 9])
        #expect(recommendation.reason.hasPrefix("queue 90.0 vs target 10 per replica → 9"))
    }

    @Test func missingMetricBlocksScaleDownOnly() {
        var behavior = HPABehavior()
        behavior.scaleDown.stabilizationWindowSeconds = 0
        let spec = Support.targetSpec([("a", .value, 50), ("b", .value, 50)], replicas: .tracked(initial: 5),
                                      behavior: behavior)
        var down = Autoscaler(spec: spec)
        let blocked = down.step(now: 0, samples: ["a": 10])
        #expect(blocked.to == 5)
        #expect(blocked.rule == .noData)
        var up = Autoscaler(spec: spec)
        #expect(up.step(now: 0, samples: ["a": 100]).to == 10)   // ceil(5 × 2)
        var none = Autoscaler(spec: spec)
        #expect(none.step(now: 0, samples: [:]).rule == .noData)
    }

    @Test func zeroReplicasWithMinAboveZeroIsDisabled() {
        var autoscaler = Autoscaler(spec: Support.targetSpec([("a", .value, 50)], replicas: .tracked(initial: 0)))
        let recommendation = autoscaler.step(now: 0, samples: ["a": 100])
        #expect(recommendation.rule == .scalingDisabled)
        #expect(recommendation.to == 0)
    }

    @Test func separateTolerancesPerDirection() {
        // Kubernetes 1.33 per-direction tolerance: up 0.5, down 0.05.
        #expect(ReplicaCalculator.isWithin(1.4, toleranceUp: 0.5, toleranceDown: 0.05))
        #expect(!ReplicaCalculator.isWithin(0.9, toleranceUp: 0.5, toleranceDown: 0.05))
        #expect(ReplicaCalculator.isWithin(0.95, toleranceUp: 0.5, toleranceDown: 0.05))
    }

    /// Kubernetes' recordInitialRecommendation: a new autoscaler remembers the count it found, so the default
    /// 300 s scale-down window holds it before the first scale-down.
    @Test func newAutoscalerWaitsOneScaleDownWindow() {
        var autoscaler = Autoscaler(spec: Support.targetSpec([("cpu.busy_percent", .utilization, 50)],
                                                             replicas: .tracked(initial: 5)))
        let first = autoscaler.step(now: 0, samples: ["cpu.busy_percent": 10])   // wants ceil(5 × 0.2) = 1
        #expect(first.to == 5)
        #expect(first.rule == .scaleDownStabilized)
        #expect(first.stabilizationSecondsLeft == 300)
        #expect(autoscaler.step(now: 299, samples: ["cpu.busy_percent": 10]).to == 5)
        #expect(autoscaler.step(now: 300, samples: ["cpu.busy_percent": 10]).to == 1)
    }

    /// Percent limits round differently by direction: up ceil(3 × 1.5) = ceil(4.5) = 5, down trunc(7 × 0.5) = 3.
    @Test func percentLimitsRoundUpOnTheWayUpAndTruncateOnTheWayDown() {
        let rules = ScalingRules(stabilizationWindowSeconds: 0,
                                 policies: [ScalingPolicy(type: .percent, value: 50, periodSeconds: 60)])
        let behavior = HPABehavior(scaleUp: rules, scaleDown: rules)
        let up = HPAHistory().limitRate(desired: 100, current: 3, minReplicas: 1, maxReplicas: 100,
                                        behavior: behavior, now: 0)
        #expect(up == HPAHistory.Limited(replicas: 5, rule: .scaleUpLimit))
        let down = HPAHistory().limitRate(desired: 1, current: 7, minReplicas: 1, maxReplicas: 100,
                                          behavior: behavior, now: 0)
        #expect(down == HPAHistory.Limited(replicas: 3, rule: .scaleDownLimit))
    }
}
