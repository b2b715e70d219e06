import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

@Suite("Autoscaler config")
struct AutoscaleConfigTests {
    @Test func parsesTheFixture() throws {
        let text = try String(contentsOf: TestPaths.fixture("autoscale/autoscalers.toml"), encoding: .utf8)
        let specs = try AutoscalerSpec.parseAll(toml: text)
        #expect(specs.map(\.name) == ["web-cpu", "workers"])

        let web = specs[0]
        #expect(web.windowSeconds == 300)
        #expect(web.aggregate == .avg)
        #expect(web.replicas == .tracked(initial: 3))
        #expect(web.minReplicas == 1)
        #expect(web.maxReplicas == 10)
        #expect(web.policy == .threshold(ThresholdPolicy(
            metric: MetricInput(series: "cpu.busy_percent", label: "cpu"), scaleUpThreshold: 80,
            scaleDownThreshold: 30, step: 1, cooldownUpSeconds: 60, cooldownDownSeconds: 120)))

        let workers = specs[1]
        #expect(workers.aggregate == .p95)
        #expect(workers.replicas == .metric(series: "service.workers.replicas", fallback: 4))
        guard case .target(let target) = workers.policy else {
            Issue.record("workers should be a target policy")
            return
        }
        #expect(target.tolerance == 0.05)
        #expect(target.metrics == [
            TargetMetric(metric: MetricInput(series: "service.workers.queue.high.depth"), type: .averageValue,
                         target: 30),
            // A percent series without a type is a utilization.
            TargetMetric(metric: MetricInput(series: "cpu.busy_percent"), type: .utilization, target: 60),
        ])
        #expect(target.behavior.scaleUp == ScalingRules(
            stabilizationWindowSeconds: 30, selectPolicy: .min,
            policies: [ScalingPolicy(type: .pods, value: 2, periodSeconds: 60),
                       ScalingPolicy(type: .percent, value: 50, periodSeconds: 60)]))
        // Only the window is given for scale-down: select and policies keep Kubernetes' defaults.
        #expect(target.behavior.scaleDown == ScalingRules(
            stabilizationWindowSeconds: 600, selectPolicy: .max,
            policies: [ScalingPolicy(type: .percent, value: 100, periodSeconds: 15)]))
        #expect(workers.inputSeries == ["service.workers.queue.high.depth", "cpu.busy_percent",
                                        "service.workers.replicas"])
    }

    @Test func defaultsForAMinimalTable() throws {
        let specs = try AutoscalerSpec.parseAll(toml: """
            [autoscaler]
            name = "api"
            policy = "target"
            metric = "service.api.latency.http.p95_seconds"
            target = 0.25
            max_replicas = 8
            """)
        let spec = try #require(specs.first)
        #expect(spec.minReplicas == 1)
        #expect(spec.windowSeconds == 60)
        #expect(spec.replicas == .tracked(initial: 1))
        #expect(spec.policy == .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: "service.api.latency.http.p95_seconds"), type: .value,
                         target: 0.25),
        ])))
        #expect(spec.metrics[0].label == "service.api.latency.http.p95")
    }

    /// Each bad table names the key path (for line:column) and says what is wrong.
    @Test(arguments: [
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30\n"
            + "max_replicas = 5\nscale_up_treshold = 1",
         "autoscaler[0].scale_up_treshold", "unknown key"),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = \"high\"\n"
            + "scale_down_threshold = 30\nmax_replicas = 5",
         "autoscaler[0].scale_up_threshold", "must be a number, got \"high\""),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 20\nscale_down_threshold = 30\n"
            + "max_replicas = 5",
         "autoscaler[0].scale_up_threshold", "must be greater than scale_down_threshold (30), got 20"),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30",
         "autoscaler[0].max_replicas", "is required"),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30\n"
            + "max_replicas = 5\ntolerance = 0.2",
         "autoscaler[0].tolerance", "applies to policies \"target\" and \"predictive\" only"),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30\n"
            + "max_replicas = 5\ncooldown = \"soon\"",
         "autoscaler[0].cooldown", "must be a duration such as \"30s\", \"5m\" or \"1h\", got \"soon\""),
        ("name = \"a\"\npolicy = \"scale\"\nmax_replicas = 5",
         "autoscaler[0].policy", "must be \"threshold\", \"target\" or \"predictive\", got \"scale\""),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30\n"
            + "min_replicas = 6\nmax_replicas = 5",
         "autoscaler[0].max_replicas", "must be at least min_replicas (6), got 5"),
        ("name = \"a\"\npolicy = \"target\"\nmax_replicas = 5\n[[autoscaler.metrics]]\nseries = \"q\"\n"
            + "type = \"average_value\"\ntarget = 0",
         "autoscaler[0].metrics[0].target", "must be greater than 0, got 0"),
        ("name = \"a\"\npolicy = \"target\"\nmetric = \"m\"\ntarget = 5\nmax_replicas = 5\n"
            + "[autoscaler.behavior.scale_up]\npolicies = [{ type = \"Pods\", value = 4, period_seconds = 15 }, "
            + "{ type = \"Percent\", value = 100, period_seconds = 3600 }]",
         "autoscaler[0].behavior.scale_up.policies[1].period_seconds", "must be 1…1800, got 3600"),
        ("name = \"a\"\npolicy = \"target\"\nmetric = \"m\"\ntarget = 5\nmax_replicas = 5\n"
            + "[autoscaler.behavior.scale_down]\nselect_policy = \"Largest\"",
         "autoscaler[0].behavior.scale_down.select_policy",
         "must be one of \"Max\", \"Min\", \"Disabled\", got \"Largest\""),
        ("name = \"a\"\npolicy = \"threshold\"\nmetric = \"m\"\nscale_up_threshold = 80\nscale_down_threshold = 30\n"
            + "max_replicas = 5\nreplicas_source = \"fixed\"",
         "autoscaler[0].replicas", "is required when replicas_source = \"fixed\""),
    ])
    func errorsNameTheKey(body: String, path: String, message: String) {
        #expect(throws: AutoscaleConfigError.self) { try AutoscalerSpec.parseAll(toml: "[[autoscaler]]\n" + body) }
        do {
            _ = try AutoscalerSpec.parseAll(toml: "[[autoscaler]]\n" + body)
        } catch {
            #expect(error.dottedPath == path)
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func keyPathComponentsAreStructured() throws {
        let table = try ConfigDocument.parse("name = \"a\"\npolicy = \"threshold\"\nmax_replicas = 5", file: "t.toml")
        #expect(throws: AutoscaleConfigError(keyPath: [.key("autoscaler"), .index(2), .key("scale_up_threshold")],
                                             message: "is required")) {
            try AutoscalerSpec.parse(table: table, keyPath: [.key("autoscaler"), .index(2)])
        }
    }

    @Test func duplicateNamesAreRefused() {
        let text = """
            [[autoscaler]]
            name = "a"
            policy = "target"
            metric = "m"
            target = 1
            max_replicas = 2
            [[autoscaler]]
            name = "a"
            policy = "target"
            metric = "m"
            target = 1
            max_replicas = 2
            """
        #expect(throws: AutoscaleConfigError(keyPath: [.key("autoscaler"), .index(1), .key("name")],
                                             message: "duplicate name \"a\" (also autoscaler[0])")) {
            try AutoscalerSpec.parseAll(toml: text)
        }
    }

    @Test func tomlSyntaxErrorsCarryLineAndColumn() {
        do {
            _ = try AutoscalerSpec.parseAll(toml: "[[autoscaler]]\nname = \"a\"\nmax_replicas = = 3\n")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("3:"))
        }
    }
}

@Suite("Autoscaler spec coding")
struct AutoscalerSpecCodingTests {
    @Test func roundTripsThroughJSON() throws {
        let text = try String(contentsOf: TestPaths.fixture("autoscale/autoscalers.toml"), encoding: .utf8)
        let specs = try AutoscalerSpec.parseAll(toml: text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(specs)
        #expect(try JSONDecoder().decode([AutoscalerSpec].self, from: data) == specs)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"replicas\":{\"tracked\":3}"))
        #expect(json.contains("\"replicas\":{\"fallback\":4,\"metric\":\"service.workers.replicas\"}"))
        #expect(json.contains("\"policy\":{\"threshold\":{"))
        #expect(!json.contains("_0"))
    }
}

@Suite("Autoscaler spec summary")
struct AutoscalerSpecSummaryTests {
    @Test func summariesOfTheFixture() throws {
        let text = try String(contentsOf: TestPaths.fixture("autoscale/autoscalers.toml"), encoding: .utf8)
        let specs = try AutoscalerSpec.parseAll(toml: text)
        #expect(specs[0].summary
            == "threshold · cpu avg 5m · up > 80%, down < 30% · step 1 · cooldown up 60 s, down 120 s "
            + "· replicas 1…10 (tracked)")
        #expect(specs[1].summary
            == "target · service.workers.queue.high.depth p95 1m → 30 per replica, cpu.busy p95 1m → 60% "
            + "· tolerance 0.05 · up window 30 s, Min(2 Pods per 60 s, 50 Percent per 60 s) "
            + "· down window 600 s, Max(100 Percent per 15 s) · replicas 2…40 (from service.workers.replicas)")
    }
}
