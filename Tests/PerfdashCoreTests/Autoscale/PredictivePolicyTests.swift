import Foundation
import Testing
@testable import PerfdashCore

/// The predictive policy: it scales up before a ramp reaches the target's threshold, never asks for less than the
/// reactive target policy, and does not flap on noise. Times and values are computed by hand.
@Suite struct PredictivePolicyTests {
    static let series = "cpu.busy_percent"

    static func spec(_ policy: AutoscalePolicy, replicas: Int = 2) -> AutoscalerSpec {
        AutoscalerSpec(name: "web", policy: policy, windowSeconds: 30, aggregate: .avg,
                       replicas: .tracked(initial: replicas), minReplicas: 1, maxReplicas: 10)
    }

    static let target = TargetPolicy(metrics: [TargetMetric(metric: MetricInput(series: series), type: .utilization,
                                                            target: 60)])

    static func predictive(alpha: Double = 0.3, beta: Double = 0.1) -> AutoscalePolicy {
        .predictive(PredictivePolicy(target: target, horizonSeconds: 120, alpha: alpha, beta: beta))
    }

    /// Recommendations for samples at t = 0, 10, 20…
    static func run(_ spec: AutoscalerSpec, _ values: [Double]) -> [Recommendation] {
        var autoscaler = Autoscaler(spec: spec)
        return values.enumerated().map { index, value in
            autoscaler.step(now: Double(index) * 10, samples: [series: value])
        }
    }

    /// value(t) = 20 + 0.25 t, one sample every 10 s; target 60 % with tolerance 0.1 scales up above 66 %.
    /// Reactive (avg of the 3 samples in 30 s = value − 2.5): first above 66 at t = 200 (avg 67.5).
    /// Predictive (Holt on an exact line: level = value, trend = 2.5 per sample; horizon 120 s = 12 samples,
    /// forecast = value + 30): first above 66 at t = 70 (value 37.5, forecast 67.5; at t = 60 it is 65), when the
    /// actual value is still 28.5 points under the threshold. Both ask ceil(2 × 67.5 / 60) = 3.
    @Test func scalesUpBeforeTheRampReachesTheThreshold() throws {
        let values = (0...40).map { 20 + 0.25 * Double($0 * 10) }
        let reactive = Self.run(Self.spec(.target(Self.target)), values)
        let predictive = Self.run(Self.spec(Self.predictive()), values)
        let reactiveUp = try #require(reactive.first { $0.action == .up })
        let predictiveUp = try #require(predictive.first { $0.action == .up })
        #expect(reactiveUp.time == 200)
        #expect(predictiveUp.time == 70)
        #expect(values[7] == 37.5 && values[7] < 66)
        #expect(predictiveUp.from == 2 && predictiveUp.to == 3)
        let forecast = try #require(predictiveUp.metrics[0].forecast)
        #expect(abs(forecast.value - 67.5) < 1e-9)
        #expect(forecast.horizonSeconds == 120)
        #expect(predictiveUp.reason.hasPrefix("cpu.busy forecast +2m 67.5% vs target 60% → 3"))
        // The reading keeps the window's own aggregate beside the forecast: avg(32.5, 35, 37.5) = 35.
        #expect(predictiveUp.metrics[0].value == 35)
        // Never below the reactive policy: at every step the predictive count is at least the reactive one.
        for (p, r) in zip(predictive, reactive) { #expect(p.to >= r.to, "t=\(p.time)") }
    }

    /// A falling forecast never lowers the recommendation below what the reactive target asks now: on a
    /// ramp down from 90 the forecast is far below, yet the count follows the window's aggregate.
    @Test func neverBelowTheReactiveTarget() {
        let values = (0...20).map { 90 - 3 * Double($0) }
        let reactive = Self.run(Self.spec(.target(Self.target), replicas: 4), values)
        let predictive = Self.run(Self.spec(Self.predictive(), replicas: 4), values)
        #expect(predictive.map(\.to) == reactive.map(\.to))
    }

    /// Deterministic noise: 50 ± 10 uniform (a 64-bit LCG), 1000 samples, target 60. Holt (α 0.3, β 0.1) keeps the
    /// count at 2 throughout; naive extrapolation (α = β = 1: the last step's slope × 12) jumps up on every large
    /// noise step (and the target math, never below the reactive count, keeps what it added), which shows the test
    /// can tell the two apart.
    @Test func doesNotFlapOnNoise() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let values = (0..<1000).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 50 + 20 * (Double(state >> 11) / Double(1 << 53) - 0.5)
        }
        func changes(_ recommendations: [Recommendation]) -> Int { recommendations.filter { $0.action != .none }.count }
        let holt = Self.run(Self.spec(Self.predictive()), values)
        #expect(changes(holt) == 0)
        #expect(Set(holt.map(\.to)) == [2])
        let naive = Self.run(Self.spec(Self.predictive(alpha: 1, beta: 1)), values)
        #expect(naive.filter { $0.action == .up }.count >= 2)
        #expect((naive.last?.to ?? 0) > 2)
    }

    /// A season makes it Holt-Winters: a daily-like sine with period 60 s (6 samples) is forecast one horizon
    /// ahead through the seasonal states once a season has been seen.
    @Test func seasonalPolicy() throws {
        let policy = AutoscalePolicy.predictive(PredictivePolicy(target: Self.target, horizonSeconds: 30, alpha: 0.3,
                                                                 beta: 0.05, gamma: 0.3, seasonSeconds: 60))
        let values = (0..<60).map { (index: Int) -> Double in 50 + 20 * sin(2 * Double.pi * Double(index) / 6) }
        let recommendations = Self.run(Self.spec(policy), values)
        #expect(recommendations[3].metrics[0].forecast == nil) // the first season (6 samples) initialises it
        let last = try #require(recommendations.last?.metrics[0].forecast)
        // 3 samples ahead of sample 59 is sample 62 ≡ 2 (mod 6): 50 + 20 sin(2π·2/6) = 67.32.
        let expected: Double = 50 + 20 * sin(2 * Double.pi * 2 / 6)
        #expect(abs(last.value - expected) < 1)
    }

    /// `policy = "predictive"` in TOML with its keys; keys of other policies are refused with a hint.
    @Test func toml() throws {
        let specs = try AutoscalerSpec.parseAll(toml: """
            [[autoscaler]]
            name = "web"
            policy = "predictive"
            metric = "cpu.busy_percent"
            target = 60
            horizon = "3m"
            alpha = 0.4
            season = "1h"
            max_replicas = 8
            """)
        guard case .predictive(let policy) = try #require(specs.first).policy else {
            Issue.record("not predictive")
            return
        }
        #expect(policy.horizonSeconds == 180 && policy.alpha == 0.4 && policy.beta == PredictivePolicy.defaultBeta)
        #expect(policy.seasonSeconds == 3600)
        #expect(specs[0].summary.hasPrefix("predictive · Holt-Winters α 0.4 β 0.1 γ 0.1 season 1h, horizon 3m · "))
        #expect(throws: AutoscaleConfigError.self) {
            try AutoscalerSpec.parseAll(toml: "[[autoscaler]]\nname = \"w\"\npolicy = \"target\"\nmetric = \"m\"\n"
                + "target = 1\nmax_replicas = 2\nhorizon = \"1m\"\n")
        }
        do {
            _ = try AutoscalerSpec.parseAll(toml: "[[autoscaler]]\nname = \"w\"\npolicy = \"predictive\"\n"
                + "metric = \"m\"\ntarget = 1\nmax_replicas = 2\nalpha = 0\n")
            Issue.record("alpha 0 accepted")
        } catch {
            #expect(error.description == "autoscaler[0].alpha: must be in (0, 1], got 0")
        }
    }
}
