import Foundation
import PerfdashCore

/// `perfdash-bench parse [FILE]`: exposition parsing throughput on a 100,000-series body.
///
/// Without FILE it generates the body in-process with the same families, label sets and value shapes as
/// `shared/bench/gen_exposition.py 100000` (counters, gauges, a histogram, escapes, NaN, timestamps).
/// Reports the best of several runs for the bare parser and for the parse + ServiceSample mapping.
enum ParseBench {
    static let target = "230 MB/s"

    static func run(arguments: [String]) throws {
        let body: [UInt8]
        let origin: String
        if let path = arguments.first {
            body = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            origin = path
        } else {
            body = generate(series: 100_000)
            origin = "generated (gen_exposition.py layout)"
        }
        let megabytes = Double(body.count) / 1_000_000
        print("input: \(origin), \(body.count) bytes")
        try body.withUnsafeBytes { raw in
            let format = Exposition.format(contentType: nil, body: raw)
            var series = 0
            let parse = try best(runs: 15) { series = try Exposition.countSeries(in: raw, format: format) }
            print(String(format: "parse            %7.1f MB/s  (%d series, best of 15: %.2f ms)  target %@",
                         megabytes / parse, series, parse * 1000, target))
            var sample = ServiceSample()
            let mapped = try best(runs: 15) {
                sample = try Exposition.sample(from: raw, contentType: nil, names: .defaults)
            }
            print(String(format: "parse + mapping  %7.1f MB/s  (%d caches, %d queues, %d latency families, %d routes, "
                         + "%.2f ms; every preset tried)",
                         megabytes / mapped, sample.caches.count, sample.queues.count, sample.latencies.count,
                         sample.routes.count, mapped * 1000))
            var plain = ServiceMetricNames.defaults
            plain.selectors.preset = .none
            let unselected = try best(runs: 15) {
                sample = try Exposition.sample(from: raw, contentType: nil, names: plain)
            }
            print(String(format: "parse + mapping  %7.1f MB/s  (%.2f ms; perfdash's default names only, preset none)",
                         megabytes / unselected, unselected * 1000))
        }
    }

    /// The fastest of `runs` timings, in seconds.
    private static func best(runs: Int, _ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var fastest = Double.infinity
        for _ in 0..<runs {
            let elapsed = try clock.measure(work)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            fastest = min(fastest, seconds)
        }
        return fastest
    }

    /// The gen_exposition.py layout with a fixed linear congruential generator instead of Python's random.
    static func generate(series target: Int) -> [UInt8] {
        var state: UInt64 = 42
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound + 1))
        }
        let services = ["api", "worker", "billing", "search", "auth"]
        let levels = ["l1", "l2", "l3"]
        let queues = ["high_priority", "normal_priority", "low_priority", "batch_processing"]
        let buckets = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
        let pods = max(1, target / (2 * levels.count + queues.count + buckets.count + 4))
        var hits: [String] = [], misses: [String] = [], depth: [String] = [], histogram: [String] = []
        var rss: [String] = [], weird: [String] = []
        for index in 0..<pods {
            let service = services[index % services.count]
            let labels = "service=\"\(service)\",pod=\"\(service)-\(String(format: "%05d", index))\""
            for level in levels {
                hits.append("cache_hits_total{\(labels),level=\"\(level)\"} \(random(1_000_000_000))")
                misses.append("cache_misses_total{\(labels),level=\"\(level)\"} \(random(10_000_000))")
            }
            for queue in queues { depth.append("queue_depth{\(labels),queue=\"\(queue)\"} \(random(5000))") }
            var cumulative = 0
            let route = "route=\"/v1/items/{id}\""
            for bound in buckets {
                cumulative += random(1000)
                histogram.append("http_request_duration_seconds_bucket{\(labels),\(route),le=\"\(bound)\"} \(cumulative)")
            }
            let sum = String(format: "%.6f", Double(random(100_000_000)) / 1000)
            histogram.append("http_request_duration_seconds_sum{\(labels),\(route)} \(sum)")
            histogram.append("http_request_duration_seconds_count{\(labels),\(route)} \(cumulative)")
            rss.append("process_resident_memory_bytes{\(labels)} \(10_000_000 + random(990_000_000)).0 1700000000000")
            weird.append("weird_label_metric{path=\"C:\\\\tmp\\\\x\",msg=\"say \\\"hi\\\"\\nbye\",\(labels)} NaN")
        }
        var lines = ["# HELP cache_hits_total Cache hits by level.", "# TYPE cache_hits_total counter"] + hits
        lines += ["# HELP cache_misses_total Cache misses by level.", "# TYPE cache_misses_total counter"] + misses
        lines += ["# HELP queue_depth Jobs waiting per queue.", "# TYPE queue_depth gauge"] + depth
        lines += ["# HELP http_request_duration_seconds Request latency.",
                  "# TYPE http_request_duration_seconds histogram"] + histogram
        lines += ["# TYPE process_resident_memory_bytes gauge"] + rss
        lines += ["# HELP weird_label_metric Escapes: \\\\ and \\n in help.", "# TYPE weird_label_metric untyped"]
            + weird
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
