import Foundation
import PerfdashCore

/// `perfdash-bench autoscale`: cost of one Autoscaler step (5 m window at 1 s, so 300 samples in the window) for
/// both policies, and of parsing simulate's CSV. Target: well under 50 µs per step (the dashboard steps once per
/// second per autoscaler; simulate replays a day of 1 s samples in well under a second).
func runAutoscaleBench() {
    let steps = 200_000
    let threshold = AutoscalerSpec(
        name: "bench-threshold",
        policy: .threshold(ThresholdPolicy(metric: MetricInput(series: "cpu.busy_percent"), scaleUpThreshold: 80,
                                           scaleDownThreshold: 30)),
        windowSeconds: 300, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 50)
    let target = AutoscalerSpec(
        name: "bench-target",
        policy: .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: "cpu.busy_percent"), type: .utilization, target: 60),
            TargetMetric(metric: MetricInput(series: "queue"), type: .averageValue, target: 30),
        ])),
        windowSeconds: 300, aggregate: .p95, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 50)

    for spec in [threshold, target] {
        var autoscaler = Autoscaler(spec: spec)
        var checksum = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for second in 0..<steps {
                // A slow sine-like sawtooth between 10 and 100 so both policies act now and then.
                let phase = Double(second % 1200) / 1200
                let value = 10 + 90 * (phase < 0.5 ? phase * 2 : (1 - phase) * 2)
                let recommendation = autoscaler.step(now: Double(second),
                                                     samples: ["cpu.busy_percent": value, "queue": value * 3])
                checksum &+= recommendation.to
            }
        }
        report("autoscale.step \(spec.policy.kind)", elapsed: elapsed, count: steps, checksum: checksum)
    }

    // The step must not grow with the window: the target policy (p95) fed every 10 ms, windows of 3 s, 30 s, 300 s
    // and 3,000 s (300 to 300,000 samples held).
    var sizes: [String] = []
    for windowSeconds in [3.0, 30, 300, 3_000] {
        var spec = target
        spec.windowSeconds = windowSeconds
        var autoscaler = Autoscaler(spec: spec)
        let held = Int(windowSeconds * 100)
        var checksum = 0
        for tick in 0..<held {
            checksum &+= autoscaler.step(now: Double(tick) / 100, samples: ["cpu.busy_percent": Double(tick % 97),
                                                                           "queue": Double(tick % 13)]).to
        }
        let count = 100_000
        let elapsed = ContinuousClock().measure {
            for tick in held..<(held + count) {
                checksum &+= autoscaler.step(now: Double(tick) / 100,
                                             samples: ["cpu.busy_percent": Double(tick % 97),
                                                       "queue": Double(tick % 13)]).to
            }
        }
        let micros = (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            / Double(count) * 1e6
        sizes.append("\(held): \(String(format: "%.2f", micros)) µs (checksum \(checksum))")
    }
    print("autoscale.step target p95 by samples held: " + sizes.joined(separator: ", "))

    let rows = 200_000
    var csv = "seconds,cpu.busy_percent,queue\n"
    for second in 0..<rows { csv += "\(second),\(Double(second % 97)),\(second % 13)\n" }
    let clock = ContinuousClock()
    var parsed = 0
    let elapsed = clock.measure {
        parsed = (try? SimulationInput.parse(csv, file: "bench.csv", defaultSeries: "cpu.busy_percent").count) ?? 0
    }
    report("autoscale.csv parse", elapsed: elapsed, count: rows, checksum: parsed)
}

private func report(_ name: String, elapsed: Duration, count: Int, checksum: Int) {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let micros = seconds / Double(count) * 1e6
    let perSecond = Int(Double(count) / seconds)
    print("\(name): \(count) in \(String(seconds.description.prefix(6))) s, "
        + "\(String(micros.description.prefix(6))) µs each, \(perSecond)/s (checksum \(checksum))")
}
