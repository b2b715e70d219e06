import Foundation
import PerfdashCore

/// What `perfdash probe` prints for a successful scrape, in the snapshot's vocabulary.
///
/// The JSON is a snapshot's `services` entry (`ServiceReport`: snake_case keys, units in the names, percent as
/// percent) with the window `since_start`: one scrape's counters since the service started. `figure_sources`
/// adds where each figure was read from.
struct ProbeReport {
    let name: String
    let kind: String
    let target: String
    let metrics: ServiceMetrics

    func json() throws -> String {
        let window = ServiceWindowReport(metrics, window: .oneMinute)
        let backend = ServiceSample.backendDownError(metrics.backendDown)
        let report = ServiceReport(name: name, kind: kind, address: target, state: backend == nil ? .up : .down,
                                   lastError: backend?.message, errorKind: backend?.kind,
                                   downForSeconds: nil, scrapeDurationSeconds: 0, seriesCount: metrics.seriesCount,
                                   metrics: window)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A hostile exposition's ±Inf totals still print (as the snapshot's strings would), never an error.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+Inf",
                                                                       negativeInfinity: "-Inf", nan: "NaN")
        guard var object = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? [String: Any],
              var section = object["metrics"] as? [String: Any] else {
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        }
        // A probe has no stats window: its numbers are the counters' totals since the service started.
        section["window"] = "since_start"
        object["metrics"] = section
        object["figure_sources"] = metrics.red.figureSources
        let data = try JSONSerialization.data(withJSONObject: object,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    func text() -> String {
        // The name column's width, measured once: measuring per row made 20,000 queues take 30 s.
        let names = metrics.latencies.map { $0.name + " (summary)" } + metrics.caches.map(\.name)
            + metrics.queues.map(\.name) + metrics.red.routes.map { "    " + $0.name }
            + metrics.red.pools.map { "  " + $0.name } + metrics.red.limiters.map { "  " + $0.name }
        let width = max(24, (names.lazy.map(\.count).max() ?? 0) + 4)
        func row(_ name: String, _ columns: String...) -> String { Self.row(name, columns, width: width) }
        var lines = ["target   \(target)", "series   \(metrics.seriesCount)"]
        if let backend = ServiceSample.backendDownError(metrics.backendDown) { lines.append("DOWN     \(backend.message)") }
        if !metrics.red.presets.isEmpty { lines.append("presets  \(metrics.red.presets.joined(separator: ", "))") }
        lines.append("(one scrape: rates and quantiles are totals since the service started)")
        if !metrics.caches.isEmpty {
            lines.append("")
            lines.append(row("caches (target ≥ \(PercentText.configured(ServiceMetrics.hitRateTarget * 100)))", "hits", "misses", "hit rate", "evictions", "vs target"))
            for cache in metrics.caches {
                let verdict = cache.hitRate.map { $0 >= ServiceMetrics.hitRateTarget ? "ok" : "below" } ?? ""
                lines.append(row("  " + cache.name, number(cache.hits), number(cache.misses),
                                 PercentText.measured(cache.hitRate.map { $0 * 100 }),
                                 cache.evictions.map(number) ?? "-", verdict))
            }
        }
        if !metrics.queues.isEmpty {
            lines.append("")
            lines.append(row("queues", "depth"))
            for queue in metrics.queues { lines.append(row("  " + queue.name, number(queue.current))) }
        }
        if let service = metrics.red.service {
            lines.append("")
            lines.append(row("requests (RED)", "requests", "errors", "error %", "p50", "p95", "p99"))
            for route in [service] + metrics.red.routes {
                let label = route.name == "service" ? "  all routes" : "    " + route.name
                lines.append(row(label, number(route.requests), route.errors.map(number) ?? "-",
                                 PercentText.measured(route.errorPercent),
                                 seconds(route.latency?.p50), seconds(route.latency?.p95), seconds(route.latency?.p99)))
            }
        }
        if !metrics.red.pools.isEmpty {
            lines.append("")
            lines.append(row("pools", "in use", "idle", "max", "pending", "used %"))
            for pool in metrics.red.pools {
                lines.append(row("  " + pool.name, pool.inUse.map(number) ?? "-", pool.idle.map(number) ?? "-",
                                 pool.max.map(number) ?? "-", pool.pending.map(number) ?? "-",
                                 PercentText.measured(pool.utilizationPercent)))
            }
        }
        if !metrics.red.limiters.isEmpty {
            lines.append("")
            lines.append(row("limiters", "rejected"))
            for limiter in metrics.red.limiters { lines.append(row("  " + limiter.name, number(limiter.rejections))) }
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
        if !metrics.red.figureSources.isEmpty {
            lines.append("")
            lines.append("figures read through selectors")
            for (figure, source) in metrics.red.figureSources.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(figure) ← \(source)")
            }
        }
        if let server = metrics.server { lines += [""] + ProbeServerText.lines(server) }
        if metrics.caches.isEmpty && metrics.queues.isEmpty && metrics.latencies.isEmpty && metrics.server == nil
            && metrics.red.service == nil && metrics.red.pools.isEmpty && metrics.red.limiters.isEmpty {
            lines.append("no cache, queue, request, pool or latency metrics found under the default names or presets")
        }
        return lines.joined(separator: "\n")
    }

    /// The name padded to `width`, then right-aligned numbers.
    private static func row(_ name: String, _ columns: [String], width: Int) -> String {
        let padded = name.count >= width ? name + " " : name + String(repeating: " ", count: width - name.count)
        return padded + columns.map { String(repeating: " ", count: max(0, 12 - $0.count)) + $0 }.joined()
    }

    private func number(_ value: Double) -> String {
        if abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
        return String(format: "%.3g", value)
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
