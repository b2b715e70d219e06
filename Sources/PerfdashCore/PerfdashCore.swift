/// PerfdashCore: host sampling, rolling statistics, service scraping and autoscaling, with no terminal code.
public enum PerfdashCore {
    /// The version printed by `perfdash --version`.
    public static let version = "0.1.0"
}
