import Testing
@testable import PerfdashCore

/// Rows ported from Kubernetes' pkg/controller/podautoscaler/horizontal_test.go, with `time.Now()` → `now`.
@Suite("HPA behavior (Kubernetes tables)")
struct HPABehaviorTests {
    typealias Support = AutoscaleTestSupport
    static let now = 10_000.0

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var upEvents: [Int] = []
        var downEvents: [Int] = []
        var eventsPeriod = 120
        var min: Int
        var max: Int
        /// (pods, podsPeriod, percent, percentPeriod, stabilization) as in generateScalingRules; nil = defaults.
        var up: (Int, Int, Int, Int, Int)? = nil
        var down: (Int, Int, Int, Int, Int)? = nil
        var current: Int
        var desired: Int
        var expected: Int
        var condition: DecisionRule
        var testDescription: String { name }

        var behavior: HPABehavior {
            func rules(_ raw: (Int, Int, Int, Int, Int)?, _ defaults: ScalingRules) -> ScalingRules {
                guard let raw else { return defaults }
                return Support.rules(pods: raw.0, podsPeriod: raw.1, percent: raw.2, percentPeriod: raw.3,
                                     window: raw.4, defaults: defaults)
            }
            return HPABehavior(scaleUp: rules(up, .defaultScaleUp), scaleDown: rules(down, .defaultScaleDown))
        }
    }

    /// TestScalingWithRules (convertDesiredReplicasWithBehaviorRate), row for row.
    static let ruleRows: [RuleCase] = [
        RuleCase(name: "prenormalized desired replicas within range", min: 3, max: 8, current: 5, desired: 7,
                 expected: 7, condition: .desiredWithinRange),
        RuleCase(name: "prenormalized desired replicas < minReplicas", min: 2, max: 8, current: 3, desired: 1,
                 expected: 2, condition: .tooFewReplicas),
        RuleCase(name: "within range when minReplicas is 0", min: 0, max: 10, current: 1, desired: 0, expected: 0,
                 condition: .desiredWithinRange),
        RuleCase(name: "maxReplicas is the limit because maxReplicas < scaleUpLimit", min: 1, max: 10, current: 20,
                 desired: 1000, expected: 10, condition: .tooManyReplicas),
        RuleCase(name: "desired replica count is more than the maximum replica count", min: 100, max: 150,
                 current: 100, desired: 1000, expected: 150, condition: .tooManyReplicas),
        RuleCase(name: "scaleUpLimit < maxReplicas with user policies", min: 1, max: 2000, up: (0, 0, 1, 60, 0),
                 current: 3, desired: 1000, expected: 4, condition: .scaleUpLimit),
        RuleCase(name: "scaleDownLimit > minReplicas with user defined policies", min: 3, max: 2000,
                 down: (20, 60, 0, 0, 0), current: 1000, desired: 3, expected: 980, condition: .scaleDownLimit),
        RuleCase(name: "scaleUp with default behavior", min: 1, max: 1000, current: 10, desired: 50, expected: 20,
                 condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with pods policy larger than percent policy", min: 1, max: 1000,
                 up: (100, 60, 100, 60, 0), current: 10, desired: 500, expected: 110, condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with percent policy larger than pods policy", min: 1, max: 1000,
                 up: (2, 60, 100, 60, 0), current: 10, desired: 500, expected: 20, condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with spec MaxReplicas limitation with large pod policy", min: 1, max: 1000,
                 up: (100, 60, 0, 0, 0), current: 10, desired: 50, expected: 50, condition: .desiredWithinRange),
        RuleCase(name: "scaleUp with spec MaxReplicas limitation with large percent policy", min: 1, max: 1000,
                 up: (10000, 60, 0, 0, 0), current: 10, desired: 50, expected: 50, condition: .desiredWithinRange),
        RuleCase(name: "scaleUp with pod policy limitation", min: 1, max: 1000, up: (30, 60, 0, 0, 0), current: 10,
                 desired: 50, expected: 40, condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with percent policy limitation", min: 1, max: 1000, up: (0, 0, 200, 60, 0),
                 current: 10, desired: 50, expected: 30, condition: .scaleUpLimit),
        RuleCase(name: "scaleDown with percent policy larger than pod policy", min: 1, max: 1000,
                 down: (20, 60, 1, 60, 300), current: 100, desired: 2, expected: 80, condition: .scaleDownLimit),
        RuleCase(name: "scaleDown with pod policy larger than percent policy", min: 1, max: 1000,
                 down: (2, 60, 1, 60, 300), current: 100, desired: 2, expected: 98, condition: .scaleDownLimit),
        RuleCase(name: "scaleDown with spec MinReplicas limitation with large pod policy", min: 1, max: 1000,
                 down: (100, 60, 0, 0, 300), current: 10, desired: 0, expected: 1, condition: .tooFewReplicas),
        RuleCase(name: "scaleDown with spec MinReplicas limitation with large percent policy", min: 5, max: 1000,
                 down: (0, 0, 100, 60, 300), current: 10, desired: 2, expected: 5, condition: .tooFewReplicas),
        RuleCase(name: "scaleDown with pod policy limitation", min: 1, max: 1000, down: (5, 60, 0, 0, 300),
                 current: 10, desired: 2, expected: 5, condition: .scaleDownLimit),
        RuleCase(name: "scaleDown with percent policy limitation", min: 1, max: 1000, down: (0, 0, 50, 60, 300),
                 current: 10, desired: 5, expected: 5, condition: .desiredWithinRange),
        RuleCase(name: "scaleUp with MaxReplicas limitation, large pod policy and events", upEvents: [1, 5, 9], min: 1,
                 max: 200, up: (300, 60, 0, 0, 0), current: 100, desired: 500, expected: 200,
                 condition: .tooManyReplicas),
        RuleCase(name: "scaleUp with MaxReplicas limitation, large percent policy and events", upEvents: [1, 5, 9],
                 min: 1, max: 200, up: (0, 0, 10000, 60, 0), current: 100, desired: 500, expected: 200,
                 condition: .tooManyReplicas),
        // 120 s ago there were 100 − 15 replicas and the policy allows 5: the naive limit 90 < 100, so keep 100.
        RuleCase(name: "scaleUp with currentReplicas limitation with a lot of recent scale up events",
                 upEvents: [1, 5, 9], min: 1, max: 1000, up: (5, 120, 0, 0, 0), current: 100, desired: 500,
                 expected: 100, condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with pod policy and previous scale up events", upEvents: [1, 5, 9], min: 1, max: 1000,
                 up: (150, 120, 0, 0, 0), current: 100, desired: 500, expected: 235, condition: .scaleUpLimit),
        RuleCase(name: "scaleUp with percent policy and previous scale up events", upEvents: [1, 5, 9], min: 1,
                 max: 1000, up: (0, 0, 200, 120, 0), current: 100, desired: 500, expected: 255,
                 condition: .scaleUpLimit),
        // Period start 6 − 4 + 2 = 4, +300 % → 16.
        RuleCase(name: "scaleUp with percent policy and previous scale up and down events", upEvents: [4],
                 downEvents: [2], min: 1, max: 1000, up: (0, 0, 300, 300, 0), current: 6, desired: 24, expected: 16,
                 condition: .scaleUpLimit),
        RuleCase(name: "scaleDown with default policy and previous events", downEvents: [1, 5, 9], min: 1, max: 1000,
                 current: 10, desired: 5, expected: 5, condition: .desiredWithinRange),
        RuleCase(name: "scaleDown with MinReplicas=nil limitation, large pod policy and events",
                 downEvents: [1, 5, 9], min: 1, max: 1000, down: (115, 120, 0, 0, 300), current: 100, desired: 0,
                 expected: 1, condition: .tooFewReplicas),
        RuleCase(name: "scaleDown with MinReplicas limitation, large pod policy and events", downEvents: [1, 5, 9],
                 min: 5, max: 1000, down: (130, 120, 0, 0, 300), current: 100, desired: 0, expected: 5,
                 condition: .tooFewReplicas),
        RuleCase(name: "scaleDown with MinReplicas limitation, large percent policy and events", downEvents: [1, 5, 9],
                 min: 5, max: 1000, down: (0, 0, 100, 120, 300), current: 100, desired: 2, expected: 5,
                 condition: .tooFewReplicas),
        RuleCase(name: "scaleDown with pod policy limitation and previous events", downEvents: [1, 5, 9], min: 1,
                 max: 1000, down: (5, 120, 0, 0, 300), current: 100, desired: 2, expected: 100,
                 condition: .scaleDownLimit),
        // (100 + 12) × 50 % = 56.
        RuleCase(name: "scaleDown with percent policy limitation and previous events", downEvents: [2, 4, 6], min: 1,
                 max: 1000, down: (0, 0, 50, 120, 300), current: 100, desired: 0, expected: 56,
                 condition: .scaleDownLimit),
        RuleCase(name: "scaleDown with percent policy and previous scale up and down events", upEvents: [2],
                 downEvents: [4], min: 1, max: 1000, down: (0, 0, 50, 180, 0), current: 10, desired: 1, expected: 6,
                 condition: .scaleDownLimit),
        // (100 + 30) − 10 % = 117 > 100: keep 100.
        RuleCase(name: "scaleDown with previous events preventing further scale down", downEvents: [10, 10, 10],
                 min: 1, max: 1000, down: (0, 0, 10, 120, 300), current: 100, desired: 0, expected: 100,
                 condition: .scaleDownLimit),
        RuleCase(name: "scaleDown with previous events still allowing more scale down", downEvents: [10, 10, 10],
                 min: 1, max: 1000, down: (0, 0, 1000, 120, 300), current: 10, desired: 5, expected: 5,
                 condition: .desiredWithinRange),
        RuleCase(name: "check 'outdated' flag for events for one behavior for up", upEvents: [8, 12, 9, 11], min: 1,
                 max: 1000, up: (1000, 60, 0, 0, 0), current: 100, desired: 200, expected: 200,
                 condition: .desiredWithinRange),
        RuleCase(name: "events not marked 'outdated' for two different policies for up", upEvents: [8, 12, 9, 11],
                 min: 1, max: 1000, up: (1000, 120, 100, 60, 0), current: 100, desired: 200, expected: 200,
                 condition: .desiredWithinRange),
        RuleCase(name: "check 'outdated' flag for events for one behavior for down", downEvents: [8, 12, 9, 11],
                 min: 1, max: 1000, down: (1000, 60, 0, 0, 300), current: 100, desired: 5, expected: 5,
                 condition: .desiredWithinRange),
        RuleCase(name: "events marked 'outdated' for two different policies for down", downEvents: [8, 12, 9, 11],
                 min: 1, max: 1000, down: (1000, 30, 100, 60, 300), current: 100, desired: 5, expected: 5,
                 condition: .desiredWithinRange),
    ]

    @Test(arguments: ruleRows)
    func scalingWithRules(_ row: RuleCase) {
        let history = HPAHistory(
            scaleUpEvents: Support.uniformEvents(row.upEvents, period: row.eventsPeriod, now: Self.now),
            scaleDownEvents: Support.uniformEvents(row.downEvents, period: row.eventsPeriod, now: Self.now))
        let limited = history.limitRate(desired: row.desired, current: row.current, minReplicas: row.min,
                                        maxReplicas: row.max, behavior: row.behavior, now: Self.now)
        #expect(limited.replicas == row.expected)
        #expect(limited.rule == row.condition)
    }

    /// TestCalculateScaleUpLimitWithScalingRules and TestCalculateScaleDownLimitWithBehaviors: select Min of
    /// {2 pods, 50 %} per 60 s. Up from 1: min(1 + 2, ceil(1.5)) = 2. Down from 5: max(5 − 2, int(2.5)) = 3.
    @Test func minSelectPolicyLimits() {
        let rules = ScalingRules(stabilizationWindowSeconds: 300, selectPolicy: .min,
                                 policies: [ScalingPolicy(type: .pods, value: 2, periodSeconds: 60),
                                            ScalingPolicy(type: .percent, value: 50, periodSeconds: 60)])
        #expect(HPAHistory().scaleUpLimit(current: 1, rules: rules, now: Self.now) == 2)
        #expect(HPAHistory().scaleDownLimit(current: 5, rules: rules, now: Self.now) == 3)
    }

    @Test func disabledSelectPolicyStopsThatDirection() {
        var behavior = HPABehavior()
        behavior.scaleUp.selectPolicy = .disabled
        let limited = HPAHistory().limitRate(desired: 9, current: 3, minReplicas: 1, maxReplicas: 10,
                                             behavior: behavior, now: Self.now)
        #expect(limited == HPAHistory.Limited(replicas: 3, rule: .scaleUpLimit))
    }

    struct StabilizationCase: Sendable, CustomTestStringConvertible {
        var name: String
        var recommendations: [(Int, Double)]   // (replicas, seconds ago)
        var current: Int
        var desired: Int
        var expected: Int
        var stored: [Int]?
        var upWindow = 0
        var downWindow = 0
        var testDescription: String { name }
    }

    /// TestNormalizeDesiredReplicasWithBehavior (stabilizeRecommendationWithBehaviors).
    static let stabilizationRows: [StabilizationCase] = [
        StabilizationCase(name: "empty recommendations for scaling down", recommendations: [], current: 100,
                          desired: 5, expected: 5, stored: [5]),
        StabilizationCase(name: "simple scale down stabilization", recommendations: [(4, 120), (5, 60)], current: 100,
                          desired: 3, expected: 5, stored: [4, 5, 3], downWindow: 180),
        StabilizationCase(name: "simple scale up stabilization", recommendations: [(4, 120), (5, 60)], current: 1,
                          desired: 7, expected: 4, stored: [4, 5, 7], upWindow: 300),
        StabilizationCase(name: "no scale down stabilization", recommendations: [(1, 120), (2, 60)], current: 100,
                          desired: 3, expected: 3, stored: [1, 2, 3], upWindow: 300),
        StabilizationCase(name: "no scale up stabilization", recommendations: [(4, 120), (5, 60)], current: 1,
                          desired: 3, expected: 3, stored: [4, 5, 3], downWindow: 300),
        StabilizationCase(name: "no scale down stabilization, reuse recommendation element",
                          recommendations: [(10, 600), (9, 540)], current: 100, desired: 3, expected: 3,
                          stored: [10, 3]),
        StabilizationCase(name: "no scale up stabilization, reuse recommendation element",
                          recommendations: [(10, 600), (9, 540)], current: 1, desired: 100, expected: 100,
                          stored: [10, 100]),
        StabilizationCase(name: "scale down stabilization, reuse one of obsolete recommendation element",
                          recommendations: [(10, 600), (4, 60), (5, 120), (9, 540)], current: 100, desired: 3,
                          expected: 5, stored: [10, 4, 5, 3], downWindow: 180),
        StabilizationCase(name: "scale up stabilization, reuse one of obsolete recommendation element",
                          recommendations: [(10, 6000), (6, 60), (5, 120), (9, 180)], current: 1, desired: 100,
                          expected: 5, stored: [100, 6, 5, 9], upWindow: 300),
        StabilizationCase(name: "do not scale up when prenormalized rec goes down",
                          recommendations: [(2, 6000), (3, 180)], current: 2, desired: 1, expected: 2,
                          upWindow: 300, downWindow: 300),
        StabilizationCase(name: "do not scale down when prenormalized rec goes up",
                          recommendations: [(2, 6000), (1, 180)], current: 2, desired: 3, expected: 2,
                          upWindow: 300, downWindow: 300),
    ]

    @Test(arguments: stabilizationRows)
    func stabilization(_ row: StabilizationCase) {
        var history = HPAHistory(recommendations: row.recommendations.map {
            HPAHistory.TimedRecommendation(replicas: $0.0, time: Self.now - $0.1)
        })
        let behavior = HPABehavior(
            scaleUp: ScalingRules(stabilizationWindowSeconds: row.upWindow, policies: ScalingRules.defaultScaleUp.policies),
            scaleDown: ScalingRules(stabilizationWindowSeconds: row.downWindow,
                                    policies: ScalingRules.defaultScaleDown.policies))
        let result = history.stabilize(desired: row.desired, current: row.current, now: Self.now, behavior: behavior)
        #expect(result.replicas == row.expected)
        if let stored = row.stored {
            #expect(history.recommendations.map(\.replicas) == stored)
        }
    }

    struct StoreCase: Sendable, CustomTestStringConvertible {
        var name: String
        var previous: [(Int, Double)]   // (change, seconds ago)
        var stored: [(Int, Bool)]       // (change, outdated) after storing a change of 5
        var rules: (Int, Int, Int, Int)  // pods, podsPeriod, percent, percentPeriod
        var changeInLast60: Int
        var testDescription: String { name }
    }

    /// TestStoreScaleEvents (the rows with a behavior), for both directions.
    static let storeRows: [StoreCase] = [
        StoreCase(name: "empty entries with two-policy-behavior", previous: [], stored: [(5, false)],
                  rules: (10, 60, 100, 60), changeInLast60: 0),
        StoreCase(name: "one outdated entry to be replaced with behavior", previous: [(7, 61)], stored: [(5, false)],
                  rules: (10, 60, 100, 60), changeInLast60: 0),
        StoreCase(name: "one actual entry to be not touched with behavior", previous: [(7, 58)],
                  stored: [(7, false), (5, false)], rules: (10, 60, 100, 60), changeInLast60: 7),
        StoreCase(name: "two entries, one of them to be replaced", previous: [(7, 61), (6, 59)],
                  stored: [(5, false), (6, false)], rules: (10, 60, 0, 0), changeInLast60: 6),
        StoreCase(name: "replace one entry, use policies with different periods",
                  previous: [(8, 29), (6, 59), (7, 61), (9, 61)],
                  stored: [(8, false), (6, false), (7, true), (5, false)], rules: (10, 60, 100, 30),
                  changeInLast60: 14),
        StoreCase(name: "two entries, both actual", previous: [(7, 58), (6, 59)],
                  stored: [(7, false), (6, false), (5, false)], rules: (10, 120, 100, 30), changeInLast60: 13),
    ]

    @Test(arguments: storeRows)
    func storeScaleEvents(_ row: StoreCase) {
        let events = row.previous.map { HPAHistory.ScaleEvent(change: $0.0, time: Self.now - $0.1) }
        #expect(HPAHistory.changeWithin(period: 60, events: events, now: Self.now) == row.changeInLast60)
        let rules = Support.rules(pods: row.rules.0, podsPeriod: row.rules.1, percent: row.rules.2,
                                  percentPeriod: row.rules.3, window: 0, defaults: .defaultScaleUp)
        var up = HPAHistory(scaleUpEvents: events)
        up.storeScaleEvent(from: 10, to: 15, behavior: HPABehavior(scaleUp: rules), now: Self.now)
        #expect(up.scaleUpEvents.map(\.change) == row.stored.map(\.0))
        #expect(up.scaleUpEvents.map(\.outdated) == row.stored.map(\.1))
        var down = HPAHistory(scaleDownEvents: events)
        down.storeScaleEvent(from: 10, to: 5, behavior: HPABehavior(scaleDown: rules), now: Self.now)
        #expect(down.scaleDownEvents.map(\.change) == row.stored.map(\.0))
        #expect(down.scaleDownEvents.map(\.outdated) == row.stored.map(\.1))
    }
}
