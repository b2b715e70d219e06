import PerfdashCore

/// `perfdash-bench monitor`: µs per Monitor tick on this machine's /proc with two autoscalers (a threshold on CPU
/// and a target on CPU and memory, 5 m windows), against a bare Sampler tick: the difference is what the live
/// autoscalers and their snapshot section cost per tick. Target: under 50 µs added (once a second per dashboard).
func monitorBenchmark() throws {
    let specs = [
        AutoscalerSpec(name: "web", policy: .threshold(ThresholdPolicy(
            metric: MetricInput(series: SeriesName.cpuBusy), scaleUpThreshold: 80, scaleDownThreshold: 30)),
            windowSeconds: 300, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 50),
        AutoscalerSpec(name: "hpa", policy: .target(TargetPolicy(metrics: [
            TargetMetric(metric: MetricInput(series: SeriesName.cpuBusy), type: .utilization, target: 60),
            TargetMetric(metric: MetricInput(series: SeriesName.memoryUsedPercent), type: .utilization, target: 70),
        ])), windowSeconds: 300, aggregate: .p95, replicas: .tracked(initial: 3), minReplicas: 1, maxReplicas: 50),
    ]
    var sampler = Sampler(reader: try HostReader(root: "/"))
    var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: "/")), autoscalers: specs)
    // Simulated time, one second per tick, so the autoscalers' windows fill as they would live.
    var second: Int64 = 0
    var sink = 0
    let iterations = 2000
    var bestSampler = Double.infinity
    var bestMonitor = Double.infinity
    for _ in 0..<5 {
        bestSampler = min(bestSampler, microsecondsPerIteration(iterations) {
            second += 1
            let time = SampleTime(monotonic: .seconds(second), unixMilliseconds: second * 1000)
            sink &+= (try? sampler.tick(at: time))?.stats.count ?? 0
        })
        bestMonitor = min(bestMonitor, microsecondsPerIteration(iterations) {
            second += 1
            let time = SampleTime(monotonic: .seconds(second), unixMilliseconds: second * 1000)
            sink &+= (try? monitor.tick(at: time))?.autoscaler?.count ?? 0
        })
    }
    print(String(format: "monitor: tick with 2 autoscalers %.2f µs, bare sampler tick %.2f µs, added %.2f µs "
                 + "(target < 50 µs)", bestMonitor, bestSampler, bestMonitor - bestSampler))
    if sink == 42 { print("") } // keeps the work observable
}
