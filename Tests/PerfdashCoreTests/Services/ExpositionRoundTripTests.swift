import Testing
@testable import PerfdashCore

/// perfdash's Prometheus snapshot output (gauges with `# HELP` / `# TYPE`, escaped label values, Swift's
/// shortest round-trip number formatting) must parse back to the same values.
@Suite("Exposition round trip")
struct ExpositionRoundTripTests {
    struct Gauge {
        let name: String
        let help: String
        let series: [([Label], Double)]
    }

    /// Writes gauges the way a snapshot encoder does: HELP (escaping `\` and newline), TYPE, then one line per
    /// series with label values escaped (`\`, `"`, newline) and values as `+Inf` / `-Inf` / `NaN` or Swift's
    /// shortest representation.
    static func write(_ gauges: [Gauge]) -> String {
        func escapeHelp(_ text: String) -> String {
            text.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
        }
        func escapeValue(_ text: String) -> String {
            escapeHelp(text).replacing("\"", with: "\\\"")
        }
        func number(_ value: Double) -> String {
            value.isNaN ? "NaN" : value == .infinity ? "+Inf" : value == -.infinity ? "-Inf" : "\(value)"
        }
        var text = ""
        for gauge in gauges {
            text += "# HELP \(gauge.name) \(escapeHelp(gauge.help))\n# TYPE \(gauge.name) gauge\n"
            for (labels, value) in gauge.series {
                let set = labels.map { "\($0.name)=\"\(escapeValue($0.value))\"" }.joined(separator: ",")
                text += gauge.name + (labels.isEmpty ? "" : "{\(set)}") + " \(number(value))\n"
            }
        }
        return text
    }

    static let gauges = [
        Gauge(name: "perfdash_cpu_busy_percent", help: "CPU busy share (100·(Δtotal−Δidle)/Δtotal).",
              series: [([Label("cpu", "total")], 12.5), ([Label("cpu", "cpu0")], 0.1 + 0.2)]),
        Gauge(name: "perfdash_memory_used_bytes", help: "MemTotal − MemAvailable.\nSecond line with a \\.",
              series: [([], 16_790_114_304), ([Label("kind", "swap")], 0)]),
        Gauge(name: "perfdash_service_cache_hit_ratio", help: "Hits / (hits + misses) over the window.",
              series: [([Label("service", "api \"eu\"\\west\nrack 2"), Label("cache", "l1")], 0.857_142_857_142_857_1),
                       ([Label("service", "api"), Label("cache", "l2")], .nan)]),
        Gauge(name: "perfdash_service_latency_seconds", help: "Latency quantiles.",
              series: [([Label("service", "api"), Label("quantile", "0.99")], 1.2e-7),
                       ([Label("service", "api"), Label("quantile", "1")], .infinity),
                       ([Label("service", "api"), Label("quantile", "0")], -.infinity),
                       ([Label("service", "ü")], 5e300)]),
    ]

    @Test func snapshotStyleTextParsesBackExactly() throws {
        let text = Self.write(Self.gauges)
        let families = try Exposition.families(from: Array(text.utf8), contentType: "text/plain; version=0.0.4")
        #expect(families.map(\.name) == Self.gauges.map(\.name))
        #expect(families.allSatisfy { $0.type == .gauge })
        #expect(families[1].help == "MemTotal − MemAvailable.\nSecond line with a \\.")
        for (family, gauge) in zip(families, Self.gauges) {
            let expected = gauge.series.map { MetricSample(name: gauge.name, labels: $0.0, value: $0.1, timestamp: nil) }
            #expect(family.samples == expected)
        }
    }

    @Test func everyFloatRoundTripsThroughTheFastAndSlowPaths() {
        // Swift prints the shortest string that reads back to the same Double; the parser must read it back exactly,
        // whether it takes the exact fast path (digits ≤ 2^53, small exponent) or falls back to strtod.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: state >> 2)  // finite, positive, every exponent
            let text = Array("\(value)".utf8)
            let parsed = text.withUnsafeBufferPointer { FloatParser.parse($0.baseAddress!, $0.baseAddress! + $0.count) }
            #expect(parsed == value, "\(value)")
            if parsed != value { return }
        }
    }
}
