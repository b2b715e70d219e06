import Testing
@testable import PerfdashCore

@Suite("Autoscale flags")
struct AutoscaleFlagsTests {
    @Test func noMetricMeansNoAutoscaler() throws {
        #expect(try AutoscaleFlags().spec() == nil)
    }

    @Test func thresholdFromFlags() throws {
        var flags = AutoscaleFlags()
        flags.metrics = ["cpu.busy_percent"]
        flags.policy = "threshold"
        flags.up = 80
        flags.down = 30
        flags.minReplicas = 1
        flags.maxReplicas = 10
        flags.cooldown = "60s"
        flags.replicas = 3
        let spec = try #require(try flags.spec())
        #expect(spec == AutoscalerSpec(
            name: "cli",
            policy: .threshold(ThresholdPolicy(metric: MetricInput(series: "cpu.busy_percent"), scaleUpThreshold: 80,
                                               scaleDownThreshold: 30, step: 1, cooldownUpSeconds: 60,
                                               cooldownDownSeconds: 60)),
            windowSeconds: 60, aggregate: .avg, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10))
    }

    @Test func targetFromFlags() throws {
        var flags = AutoscaleFlags()
        flags.metrics = ["cpu.busy_percent", "queue"]
        flags.targets = [60, 30]
        flags.targetTypes = ["utilization", "average_value"]
        flags.maxReplicas = 20
        flags.stabilizationDown = 120
        let spec = try #require(try flags.spec())
        guard case .target(let target) = spec.policy else {
            Issue.record("--target implies the target policy")
            return
        }
        #expect(target.metrics.map(\.type) == [.utilization, .averageValue])
        #expect(target.metrics.map(\.target) == [60, 30])
        #expect(target.behavior.scaleDown.stabilizationWindowSeconds == 120)
        #expect(target.behavior.scaleUp == .defaultScaleUp)
    }

    /// Errors name the flag the user typed, also inside the message.
    @Test(arguments: [
        (80.0, 90.0, 10, "--up: must be greater than --down (90), got 80"),
        (80.0, 30.0, 0, "--max: must be at least 1, got 0"),
    ])
    func errorsNameTheFlag(up: Double, down: Double, max: Int, message: String) {
        var flags = AutoscaleFlags()
        flags.metrics = ["cpu.busy_percent"]
        flags.up = up
        flags.down = down
        flags.maxReplicas = max
        #expect(throws: AutoscaleConfigError.self) { try flags.spec() }
        do {
            _ = try flags.spec()
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func missingTargetCountIsAnError() {
        var flags = AutoscaleFlags()
        flags.metrics = ["a", "b"]
        flags.targets = [1]
        flags.maxReplicas = 3
        #expect(throws: AutoscaleConfigError(keyPath: [.key("--target")],
                                             message: "give one --target per --autoscale-metric (2)")) {
            try flags.spec()
        }
    }
}
