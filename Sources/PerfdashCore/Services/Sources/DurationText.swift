/// Formats durations for error lines and status text.
enum DurationText {
    /// Seconds with one decimal, or more when needed to stay non-zero: 1 s → "1.0", 0.2 s → "0.2", 5 ms → "0.005".
    static func seconds(_ duration: Duration) -> String {
        let value = secondsValue(duration)
        var digits = 1
        while digits < 6, value != 0, (value * pow10(digits)).rounded() == 0 { digits += 1 }
        let scaled = (value * pow10(digits)).rounded()
        let whole = Int(scaled) / Int(pow10(digits))
        let frac = abs(Int(scaled)) % Int(pow10(digits))
        let fracText = String(frac)
        return "\(whole).\(String(repeating: "0", count: digits - fracText.count))\(fracText)"
    }

    /// The duration as floating-point seconds.
    static func secondsValue(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}
