/// The advisor: small pure rules that read several signals together over the window and name the bottleneck,
/// with the evidence and what to try. A rule whose inputs are absent says nothing.
public enum Advisor {
    /// One rule: signals and thresholds in, findings out.
    public typealias Rule = @Sendable (AdvisorSignals, AdvisorSettings) -> [Finding]

    /// Every rule, by name, in the order findings are listed within a severity.
    public static let rules: [(name: String, rule: Rule)] = [
        ("cpu_bound", HostFindings.cpuBound),
        ("disk_bound", HostFindings.diskBound),
        ("memory_pressure", HostFindings.memoryPressure),
        ("cache_too_small", ServiceFindings.cacheTooSmall),
        ("cold_keys", ServiceFindings.coldKeys),
        ("queue_growing", ServiceFindings.queueGrowing),
        ("pool_saturated", ServiceFindings.poolSaturated),
        ("working_set_outgrew_buffers", DatabaseFindings.workingSetOutgrewBuffers),
        ("sequential_scans", DatabaseFindings.sequentialScans),
    ]

    /// Every finding of every rule, critical first (stable within a severity); none when disabled.
    public static func findings(_ signals: AdvisorSignals, settings: AdvisorSettings) -> [Finding] {
        guard settings.enabled else { return [] }
        let all = rules.flatMap { $0.rule(signals, settings) }
        return all.filter { $0.severity == .critical } + all.filter { $0.severity != .critical }
    }

    /// The series families the rules read; the monitor copies only these out of the history.
    static func reads(_ name: String) -> Bool {
        if name.hasPrefix("cpu.core") || name.hasPrefix("net.") { return false }
        if name.hasPrefix("disk.") { return name.hasSuffix(".util_percent") }
        return name.hasPrefix("cpu.") || name.hasPrefix("memory.") || name.hasPrefix("swap.")
            || name.hasPrefix("tasks.") || name.hasPrefix("pressure.") || name.hasPrefix("service.")
            || name.hasPrefix("autoscaler.")
    }
}
