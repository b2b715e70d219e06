/// What the advisor concluded: the bottleneck, the evidence it read, and what to try.
///
/// A plain value with snake_case keys in snapshots (`findings` section), ordered most severe first.
public struct Finding: Sendable, Equatable, Codable {
    /// The rule that found it: `cpu_bound`, `disk_bound`, `memory_pressure`, `cache_too_small`, `cold_keys`,
    /// `queue_growing`, `pool_saturated`, `working_set_outgrew_buffers`, `sequential_scans`.
    public var rule: String
    /// Warning, or critical when the signals are far past the thresholds.
    public var severity: AlertLevel
    /// What it concerns: `host`, `api cache l2`, `api queue high`…
    public var subject: String
    /// The bottleneck in a few words: "CPU bound", "cache too small".
    public var bottleneck: String
    /// The signals that show it, one short line each, with their values over the window.
    public var evidence: [String]
    /// What to try.
    public var suggestion: String

    /// Creates a finding.
    public init(rule: String, severity: AlertLevel, subject: String, bottleneck: String, evidence: [String],
                suggestion: String) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.bottleneck = bottleneck
        self.evidence = evidence
        self.suggestion = suggestion
    }
}
