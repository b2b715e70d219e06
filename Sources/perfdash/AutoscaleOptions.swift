import ArgumentParser
import PerfdashCore

/// The autoscaler flags for the simple case, shared by `perfdash autoscale simulate` and the dashboard.
struct AutoscaleOptions: ParsableArguments {
    @Option(name: .customLong("autoscale-metric"), help: ArgumentHelp(
        "Series the autoscaler reads (repeat for target).", valueName: "series"))
    var metrics: [String] = []
    @Option(name: .customLong("autoscale-name"), help: ArgumentHelp(
        "Name of the autoscaler (default: cli).", valueName: "name"))
    var name: String?
    @Option(help: ArgumentHelp(
        "threshold, target or predictive (default: target when --target is given).", valueName: "policy"))
    var policy: String?
    @Option(help: ArgumentHelp(
        "Scale up when the window aggregate is above this.", valueName: "value"))
    var up: Double?
    @Option(help: ArgumentHelp(
        "Scale down when the window aggregate is below this.", valueName: "value"))
    var down: Double?
    @Option(help: ArgumentHelp(
        "Replicas added or removed per threshold action (default 1).", valueName: "n"))
    var step: Int?
    @Option(help: ArgumentHelp(
        "Wait after a change before the next one, e.g. 60s, 2m (default 60s).", valueName: "duration"))
    var cooldown: String?
    @Option(name: .customLong("cooldown-up"), help: ArgumentHelp(
        "Wait after a change before scaling up.", valueName: "duration"))
    var cooldownUp: String?
    @Option(name: .customLong("cooldown-down"), help: ArgumentHelp(
        "Wait after a change before scaling down.", valueName: "duration"))
    var cooldownDown: String?
    @Option(help: ArgumentHelp(
        "Target value, one per --autoscale-metric (target policy).", valueName: "value"))
    var target: [Double] = []
    @Option(name: .customLong("target-type"), help: ArgumentHelp(
        "utilization, value or average_value (one, or one per metric).", valueName: "type"))
    var targetType: [String] = []
    @Option(help: ArgumentHelp(
        "Target policy tolerance (default 0.1).", valueName: "ratio"))
    var tolerance: Double?
    @Option(name: .customLong("stabilization-up"), help: ArgumentHelp(
        "Scale-up stabilization window in seconds (default 0).", valueName: "seconds"))
    var stabilizationUp: Int?
    @Option(name: .customLong("stabilization-down"), help: ArgumentHelp(
        "Scale-down stabilization window in seconds (default 300).", valueName: "seconds"))
    var stabilizationDown: Int?
    @Option(help: ArgumentHelp(
        "Lowest replica count (default 1).", valueName: "n"))
    var min: Int?
    @Option(help: ArgumentHelp(
        "Highest replica count.", valueName: "n"))
    var max: Int?
    @Option(help: ArgumentHelp(
        "Replica count to start from (tracked) or the fixed count.", valueName: "n"))
    var replicas: Int?
    @Option(name: .customLong("replicas-source"), help: ArgumentHelp(
        "tracked (default), fixed or metric.", valueName: "source"))
    var replicasSource: String?
    @Option(name: .customLong("replicas-metric"), help: ArgumentHelp(
        "Series holding the current replica count.", valueName: "series"))
    var replicasMetric: String?
    @Option(name: .customLong("autoscale-window"), help: ArgumentHelp(
        "Aggregation window, e.g. 1m, 5m (default 1m).", valueName: "duration"))
    var window: String?
    @Option(help: ArgumentHelp(
        "avg, min, max, last, p50, p95 or p99 over the window (default avg).", valueName: "aggregate"))
    var aggregate: String?
    @Option(help: ArgumentHelp(
        "Predictive policy: how far ahead to forecast, e.g. 5m (default 5m).", valueName: "duration"))
    var horizon: String?
    @Option(help: ArgumentHelp(
        "Predictive policy: season length for Holt-Winters, e.g. 1h (default: none, Holt's linear trend).",
        valueName: "duration"))
    var season: String?

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
        flags.horizon = horizon
        flags.season = season
        return flags
    }

    /// Whether any flag other than --replicas describes a policy (these cannot be mixed with --config).
    var describesPolicy: Bool {
        var flags = self.flags
        flags.replicas = nil
        return flags != AutoscaleFlags()
    }
}

extension AutoscaleOptions {
    /// The autoscalers: those of `config`, then the one the flags describe; names must be unique.
    func specs(adding config: PerfdashConfig) throws(CommandLineError) -> [AutoscalerSpec] {
        let specs = config.autoscalers
        let fromFlags: AutoscalerSpec?
        do {
            fromFlags = try flags.spec()
        } catch {
            throw CommandLineError(error.description)
        }
        guard let fromFlags else {
            if flags != AutoscaleFlags() {
                throw CommandLineError("the autoscaler flags need --autoscale-metric SERIES")
            }
            return specs
        }
        if specs.contains(where: { $0.name == fromFlags.name }) {
            throw CommandLineError("--autoscale-name: \"\(fromFlags.name)\" is already an autoscaler of "
                + "\(config.origin); give the flags' autoscaler another name")
        }
        return specs + [fromFlags]
    }
}
