/// Units and short labels read off a series name's suffix, and the number formats reasons use.
public enum MetricUnit {
    /// Suffix → unit shown after values, longest suffixes first.
    private static let suffixes: [(suffix: String, unit: String)] = [
        ("_bytes_per_second", "B/s"), ("_per_second", "/s"), ("_percent", "%"), ("_seconds", "s"), ("_bytes", "B"),
    ]

    /// The unit of a series (`cpu.busy_percent` → `%`), empty when the name does not say.
    public static func unit(for series: String) -> String {
        suffixes.first { series.hasSuffix($0.suffix) }?.unit ?? ""
    }

    /// The series name without its unit suffix (`cpu.busy_percent` → `cpu.busy`), for reasons.
    public static func shortLabel(for series: String) -> String {
        guard let match = suffixes.first(where: { series.hasSuffix($0.suffix) }) else { return series }
        let trimmed = String(series.dropLast(match.suffix.count))
        return trimmed.isEmpty ? series : trimmed
    }

    /// A measured value: one decimal, then the unit (`83.2%`, `0.5 s`).
    static func measured(_ value: Double, unit: String) -> String {
        withUnit(oneDecimal(value), unit: unit)
    }

    /// One decimal, half away from zero; done by hand because `String(format:)` is slow on Linux and this runs on
    /// every step of every autoscaler.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let tenths = Int64((abs(value) * 10).rounded())
        let sign = value < 0 && tenths != 0 ? "-" : ""
        return "\(sign)\(tenths / 10).\(tenths % 10)"
    }

    /// A configured number as written: no decimals when whole (`80%`, `0.5 s`).
    static func configured(_ value: Double, unit: String) -> String {
        withUnit(plain(value), unit: unit)
    }

    /// A number without trailing zeros, exact: 80 → "80", 12.5 → "12.5".
    static func plain(_ value: Double) -> String {
        if abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
        return "\(value)"
    }

    /// Seconds left, rounded up to whole seconds: 41.2 → "42 s".
    static func secondsLeft(_ seconds: Double) -> String {
        "\(Int(saturating: seconds.rounded(.up))) s"
    }

    /// A window length the way people say it: 300 → "5m", 90 → "90s", 3600 → "1h".
    public static func duration(_ seconds: Double) -> String {
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(saturating: seconds / 3600))h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(saturating: seconds / 60))m" }
        return "\(plain(seconds))s"
    }

    private static func withUnit(_ number: String, unit: String) -> String {
        PercentText.joined(number, unit: unit)
    }
}
