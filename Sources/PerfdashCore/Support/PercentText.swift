/// The one way perfdash writes a percentage, on every panel and in every reason, evidence line and alert: the
/// number, then `%` with no space between (`92.5%`, as htop and btop write it).
///
/// Measured values get one decimal (`92.5%`, `90.0%`); configured thresholds are written as configured (`80%`,
/// `12.5%`), so a limit never reads like a measurement.
public enum PercentText {
    /// What a percentage that cannot be known reads as.
    public static let notAvailable = "n/a"

    /// A measured percentage with one decimal, half away from zero: `92.5%`; nil or non-finite → `n/a`.
    public static func measured(_ value: Double?) -> String {
        guard let value, value.isFinite else { return notAvailable }
        return MetricUnit.oneDecimal(value) + "%"
    }

    /// A configured percentage as written: `80%`, `12.5%`.
    public static func configured(_ value: Double) -> String {
        guard value.isFinite else { return notAvailable }
        return MetricUnit.plain(value) + "%"
    }

    /// `number` followed by `unit`: `%` right after the number, any other unit after a space (`83.2%`, `12 ms`).
    public static func joined(_ number: String, unit: String) -> String {
        unit.isEmpty ? number : unit == "%" ? number + "%" : "\(number) \(unit)"
    }
}
