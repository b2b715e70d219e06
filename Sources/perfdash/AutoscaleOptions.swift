import ArgumentParser
import PerfdashCore

/// The autoscaler flags for the simple case, shared by `perfdash autoscale simulate` and the dashboard.
struct AutoscaleOptions: ParsableArguments {
    @Option(name: .customLong("autoscale-metric"), help: "Series the autoscaler reads (repeat for target).")
    var metrics: [String] = []
    @Option(name: .customLong("autoscale-name"), help: "Name of the autoscaler (default: cli).")
    var name: String?
    @Option(help: "threshold or target (default: target when --target is given).")
    var policy: String?
    @Option(help: "Scale up when the window aggregate is above this.")
    var up: Double?
    @Option(help: "Scale down when the window aggregate is below this.")
    var down: Double?
    @Option(help: "Replicas added or removed per threshold action (default 1).")
    var step: Int?
    @Option(help: "Wait after a change before the next one, e.g. 60s, 2m (default 60s).")
    var cooldown: String?
    @Option(name: .customLong("cooldown-up"), help: "Wait after a change before scaling up.")
    var cooldownUp: String?
    @Option(name: .customLong("cooldown-down"), help: "Wait after a change before scaling down.")
    var cooldownDown: String?
    @Option(help: "Target value, one per --autoscale-metric (target policy).")
    var target: [Double] = []
    @Option(name: .customLong("target-type"), help: "utilization, value or average_value (one, or one per metric).")
    var targetType: [String] = []
    @Option(help: "Target policy tolerance (default 0.1).")
    var tolerance: Double?
    @Option(name: .customLong("stabilization-up"), help: "Scale-up stabilization window in seconds (default 0).")
    var stabilizationUp: Int?
    @Option(name: .customLong("stabilization-down"), help: "Scale-down stabilization window in seconds (default 300).")
    var stabilizationDown: Int?
    @Option(help: "Lowest replica count (default 1).")
    var min: Int?
    @Option(help: "Highest replica count.")
    var max: Int?
    @Option(help: "Replica count to start from (tracked) or the fixed count.")
    var replicas: Int?
    @Option(name: .customLong("replicas-source"), help: "tracked (default), fixed or metric.")
    var replicasSource: String?
    @Option(name: .customLong("replicas-metric"), help: "Series holding the current replica count.")
    var replicasMetric: String?
    @Option(name: .customLong("autoscale-window"), help: "Aggregation window, e.g. 1m, 5m (default 1m).")
    var window: String?
    @Option(help: "avg, min, max, last, p50, p95 or p99 over the window (default avg).")
    var aggregate: String?

    /// The Core value the flags stand for.
    var flags: AutoscaleFlags {
        var flags = AutoscaleFlags()
        flags.metrics = metrics
        flags.name = name
        flags.policy = policy
        flags.up = up
        flags.down = down
        flags.step = step
        flags.cooldown = cooldown
        flags.cooldownUp = cooldownUp
        flags.cooldownDown = cooldownDown
        flags.targets = target
        flags.targetTypes = targetType
        flags.tolerance = tolerance
        flags.stabilizationUp = stabilizationUp
        flags.stabilizationDown = stabilizationDown
        flags.minReplicas = min
        flags.maxReplicas = max
        flags.replicas = replicas
        flags.replicasSource = replicasSource
        flags.replicasMetric = replicasMetric
        flags.window = window
        flags.aggregate = aggregate
        return flags
    }

    /// Whether any flag other than --replicas describes a policy (these cannot be mixed with --config).
    var describesPolicy: Bool {
        var flags = self.flags
        flags.replicas = nil
        return flags != AutoscaleFlags()
    }
}
