import PerfdashCore

/// Numbers as people read them: binary byte units, k/M/G counts, percents, durations.
public enum Humanize {
    private static let byteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    private static let countUnits = ["", "k", "M", "G", "T"]

    /// Bytes in binary units with three significant digits: `512 B`, `1.50 KiB`, `12.3 MiB`, `512 GiB`.
    public static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        var v = max(0, value)
        var unit = 0
        while v >= 1024, unit < byteUnits.count - 1 {
            v /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(saturating: v.rounded())) B" }
        return "\(significant(v)) \(byteUnits[unit])"
    }

    /// A byte rate: `bytes(value)` followed by `/s`.
    public static func rate(_ bytesPerSecond: Double) -> String { bytes(bytesPerSecond) + "/s" }

    /// A count with k/M/G/T (powers of 1000): `950`, `1.20k`, `45.0M`.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        var v = abs(value)
        var unit = 0
        while v >= 1000, unit < countUnits.count - 1 {
            v /= 1000
            unit += 1
        }
        let sign = value < 0 ? "-" : ""
        if unit == 0 { return sign + (v == v.rounded() ? "\(Int(saturating: v))" : fixed(v, 1)) }
        return sign + significant(v) + countUnits[unit]
    }

    /// A percentage with one decimal: `42.5%`; non-finite → `n/a` (``PercentText``, the one percent format).
    public static func percent(_ value: Double?) -> String { PercentText.measured(value) }

    /// A duration in the largest fitting unit: `250ms`, `1s`, `1.5s`, `5m`.
    /// Negative and non-finite spans (a server's bad timestamps) show as `n/a`; huge ones saturate.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "n/a" }
        if seconds < 1 { return "\(Int(saturating: (seconds * 1000).rounded()))ms" }
        if seconds < 60 {
            return seconds == seconds.rounded() ? "\(Int(saturating: seconds))s" : fixed(seconds, 1) + "s"
        }
        let minutes = seconds / 60
        return minutes == minutes.rounded() ? "\(Int(saturating: minutes))m" : fixed(minutes, 1) + "m"
    }

    /// A latency with three significant digits in µs, ms or s: `850 µs`, `12.3 ms`, `1.25 s`; nil or non-finite →
    /// `n/a`.
    public static func latency(seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "n/a" }
        let v = max(0, seconds)
        if v == 0 { return "0 s" }
        // Thresholds at 999.5 so that rounding never gives "1000 µs".
        if v * 1e6 < 999.5 { return threeDigits(v * 1e6) + " µs" }
        if v * 1e3 < 999.5 { return threeDigits(v * 1e3) + " ms" }
        return threeDigits(v) + " s"
    }

    /// Three significant digits, deciding by the rounded value: 9.996 → `10.0`, never `10.00`.
    private static func threeDigits(_ v: Double) -> String {
        if v < 9.995 { return fixed(v, 2) }
        if v < 99.95 { return fixed(v, 1) }
        return fixed(v, 0)
    }

    /// How long ago / for how long, coarsely: `12 s`, `4 min 5 s`, `2 h 5 min`.
    public static func elapsed(seconds: Double) -> String {
        // A hostile or corrupt duration (NaN, infinite, beyond Int) reads as n/a rather than trapping.
        guard seconds.isFinite, seconds < 1e15 else { return seconds.isNaN ? "n/a" : "∞" }
        let s = Int(max(0, seconds).rounded(.down))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" + (s % 60 == 0 ? "" : " \(s % 60) s") }
        return "\(s / 3600) h" + (s % 3600 / 60 == 0 ? "" : " \(s % 3600 / 60) min")
    }

    /// `value` with `decimals` digits after the point, rounded half away from zero.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        // Beyond what Int holds with the decimals: the number as Swift writes it, never a trap.
        guard abs(value) < 1e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + "\(whole)" }
        let frac = Int(scaled) - whole * Int(scale)
        let digits = String(frac)
        return sign + "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// Three significant digits for 1 ≤ v < 1024: `1.50`, `12.3`, `512`, `1023`.
    private static func significant(_ v: Double) -> String {
        if v < 10 { return fixed(v, 2) }
        if v < 100 { return fixed(v, 1) }
        return fixed(v, 0)
    }
}
