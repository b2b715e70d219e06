import Foundation
import PerfdashCore
@testable import PerfdashTUI

/// Autoscaler statuses made by stepping the real `Autoscaler` with known values at known times, placed on the wall
/// clock from `base` (2023-11-14 22:13:20 UTC) as the `Monitor` does.
enum AutoscalerFixture {
    static let base: Int64 = 1_700_000_000_000
    static let utc = TimeZone(identifier: "UTC")!

    /// threshold · cpu avg 1m · up > 80 %, down < 30 % · step 1 · cooldown 60 s · replicas 1…10 (tracked from 3).
    static func thresholdSpec(name: String = "api") -> AutoscalerSpec {
        AutoscalerSpec(name: name, policy: .threshold(ThresholdPolicy(
            metric: MetricInput(series: SeriesName.cpuBusy, label: "cpu"), scaleUpThreshold: 80,
            scaleDownThreshold: 30, step: 1, cooldownUpSeconds: 60, cooldownDownSeconds: 60)),
            windowSeconds: 60, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10)
    }

    /// Steps an autoscaler of `spec` at each `(time, samples)` and returns its status after the last step; a
    /// decision's wall-clock time is `base + time` seconds.
    static func run(_ spec: AutoscalerSpec, _ steps: [(Double, [String: Double])],
                    missing: [String] = []) -> AutoscalerStatus {
        var autoscaler = Autoscaler(spec: spec)
        var last: Recommendation?
        for (time, samples) in steps { last = autoscaler.step(now: time, samples: samples) }
        let decisions = autoscaler.history.map {
            AutoscalerDecision($0, unixMilliseconds: base + Int64($0.time * 1000))
        }
        return AutoscalerStatus(name: spec.name, summary: spec.summary, spec: spec, replicas: autoscaler.replicas,
                                recommendation: last!, missingSeries: missing, decisions: decisions)
    }

    /// At t = 100 s cpu 50 % (between the thresholds: none, stays 3); at t = 170 s cpu 83.2 % — the sample of
    /// t = 100 has left the 60 s window, so avg = p95 = 83.2 % > 80 % → UP 3 → 4.
    static func up(name: String = "api") -> AutoscalerStatus {
        run(thresholdSpec(name: name), [(100, [SeriesName.cpuBusy: 50]), (170, [SeriesName.cpuBusy: 83.2])])
    }

    /// t = 1000: 50 % (none); t = 1010: 95 % → avg 72.5 (none, same decision); t = 1020: 100 % → avg 245 / 3 =
    /// 81.67 > 80 → UP 3 → 4; t = 1030: 100 % → avg 86.25, cooldown until 1080 → none (cooldown);
    /// t = 1038: 100 % → avg 445 / 5 = 89 %, p95 100 %, still cooldown: 1080 − 1038 = 42 s left.
    static func cooldown(name: String = "api") -> AutoscalerStatus {
        let cpu = SeriesName.cpuBusy
        return run(thresholdSpec(name: name), [(1000, [cpu: 50]), (1010, [cpu: 95]), (1020, [cpu: 100]),
                                               (1030, [cpu: 100]), (1038, [cpu: 100])])
    }

    /// Kubernetes' replica_calculator_test case: 3 replicas at avg 50 % with a 30 % utilization target →
    /// ceil(3 × 50 / 30) = 5, not held by the (default 0 s) scale-up window.
    static func target(name: String = "web") -> AutoscalerStatus {
        let spec = AutoscalerSpec(name: name, policy: .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: SeriesName.cpuBusy, label: "cpu"), type: .utilization, target: 30),
        ])), windowSeconds: 60, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10)
        return run(spec, [(100, [SeriesName.cpuBusy: 50])])
    }

    /// No cooldown and a 0 s window (the latest sample only): 90 % at even seconds (up), 10 % at odd ones (down),
    /// t = 0…24, so every step is a new decision and only the last 20 (t = 5…24) are kept.
    static func flapping() -> AutoscalerStatus {
        var spec = thresholdSpec()
        spec.windowSeconds = 0
        spec.policy = .threshold(ThresholdPolicy(metric: MetricInput(series: SeriesName.cpuBusy, label: "cpu"),
                                                 scaleUpThreshold: 80, scaleDownThreshold: 30, step: 1,
                                                 cooldownUpSeconds: 0, cooldownDownSeconds: 0))
        return run(spec, (0..<25).map { t in (Double(t), [SeriesName.cpuBusy: t % 2 == 0 ? 90 : 10]) })
    }

    /// A target of 30 % with the default 300 s scale-down window, 0 s aggregation window: at t = 0 cpu 30 %
    /// (ratio 1: stays 3); at t = 60 cpu 10 % wants ceil(3 × 10 / 30) = 1, but the proposal 3 of t = 0 is still in
    /// the window, so the count holds at 3 until 0 + 300 − 60 = 240 s from now.
    static func stabilized() -> AutoscalerStatus {
        let spec = AutoscalerSpec(name: "web", policy: .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: SeriesName.cpuBusy, label: "cpu"), type: .utilization, target: 30),
        ])), windowSeconds: 0, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10)
        return run(spec, [(0, [SeriesName.cpuBusy: 30]), (60, [SeriesName.cpuBusy: 10])])
    }

    /// Kubernetes' average-value case: a queue of 60 over 3 replicas is 20 per replica against a target of 15 →
    /// ceil(60 / 15) = 4.
    static func queue() -> AutoscalerStatus {
        let series = "service.api.queue.high.depth"
        let spec = AutoscalerSpec(name: "workers", policy: .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: series, label: "queue"), type: .averageValue, target: 15),
        ])), windowSeconds: 60, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 10)
        return run(spec, [(100, [series: 60])])
    }

    /// The cpu series stopped arriving: no sample in the window at t = 200 → none, rule no_data.
    static func noData() -> AutoscalerStatus {
        run(thresholdSpec(), [(100, [SeriesName.cpuBusy: 50]), (200, [:])], missing: [SeriesName.cpuBusy])
    }

    /// Draws `statuses` the way `DashboardScreen` places a panel: a `width` × `height` canvas, the body between
    /// the tab bar and the status line.
    static func render(_ statuses: [AutoscalerStatus], width: Int, height: Int,
                       context: RenderContext = RenderContext()) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        AutoscalerPanel.draw(&canvas, Rect(x: 0, y: 1, width: width, height: height - 2), statuses,
                             context: context, timeZone: utc)
        return canvas
    }
}
