/// Formats durations for error lines and status text.
enum DurationFormat {
    /// Seconds with at least one and at most three decimals: 1 s → "1.0", 0.2 s → "0.2", 5 ms → "0.005".
    static func seconds(_ duration: Duration) -> String {
        let millis = Int(saturating: (secondsValue(duration) * 1000).rounded())
        var fraction = String(abs(millis) % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(millis < 0 ? "-" : "")\(abs(millis) / 1000).\(fraction)"
    }

    /// The duration as floating-point seconds.
    static func secondsValue(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
