import Foundation
import PerfdashCore

/// What `perfdash probe` prints for a successful scrape.
struct ProbeReport: Encodable {
    let target: String
    let metrics: ServiceMetrics

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+Inf",
                                                                       negativeInfinity: "-Inf", nan: "NaN")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text() -> String {
        // The name column's width, measured once: measuring per row made 20,000 queues take 30 s.
        let names = metrics.latencies.map { $0.name + " (summary)" } + metrics.caches.map(\.name)
            + metrics.queues.map(\.name)
        let width = max(24, (names.lazy.map(\.count).max() ?? 0) + 4)
        func row(_ name: String, _ columns: String...) -> String { Self.row(name, columns, width: width) }
        var lines = ["target   \(target)", "series   \(metrics.seriesCount)",
                     "(one scrape: rates and quantiles are totals since the service started)"]
        if !metrics.caches.isEmpty {
            lines.append("")
            lines.append(row("caches (target ≥ 85 %)", "hits", "misses", "hit rate", "evictions", "vs target"))
            for cache in metrics.caches {
                let verdict = cache.hitRate.map { $0 >= ServiceMetrics.hitRateTarget ? "ok" : "below" } ?? ""
                lines.append(row("  " + cache.name, number(cache.hits), number(cache.misses),
                                 cache.hitRate.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a",
                                 cache.evictions.map(number) ?? "-", verdict))
            }
        }
        if !metrics.queues.isEmpty {
            lines.append("")
            lines.append(row("queues", "depth"))
            for queue in metrics.queues { lines.append(row("  " + queue.name, number(queue.current))) }
        }
        if !metrics.latencies.isEmpty {
            lines.append("")
            lines.append(row("latency", "count", "mean", "p50", "p95", "p99"))
            for latency in metrics.latencies {
                lines.append(row("  " + latency.name + (latency.source == .summary ? " (summary)" : ""),
                                 number(latency.observations), seconds(latency.mean), seconds(latency.p50),
                                 seconds(latency.p95), seconds(latency.p99)))
            }
        }
        if metrics.caches.isEmpty && metrics.queues.isEmpty && metrics.latencies.isEmpty {
            lines.append("no cache, queue or latency metrics found under the default names")
        }
        return lines.joined(separator: "\n")
    }

    /// The name padded to `width`, then right-aligned numbers.
    private static func row(_ name: String, _ columns: [String], width: Int) -> String {
        let padded = name.count >= width ? name + " " : name + String(repeating: " ", count: width - name.count)
        return padded + columns.map { String(repeating: " ", count: max(0, 12 - $0.count)) + $0 }.joined()
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3g", value)
    }

    private func seconds(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        switch abs(value) {
        case 0: return "0"
        case ..<1e-3: return String(format: "%.0f µs", value * 1e6)
        case ..<1: return String(format: "%.1f ms", value * 1e3)
        default: return String(format: "%.2f s", value)
        }
    }
}

/// What `perfdash probe` prints when the target cannot be read or parsed.
struct ProbeFailure: Encodable {
    let target: String
    let line: Int?
    let column: Int?
    let message: String

    /// `file:line:column: reason`, the form editors and terminals link to.
    var text: String {
        guard let line, let column else { return message }
        return "\(target):\(line):\(column): \(message)"
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["error": self]), as: UTF8.self)
    }
}
