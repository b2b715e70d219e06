import Foundation
@testable import PerfdashCore
import PerfdashTestSupport

/// Evaluates PromQL with the real Prometheus engine (`promtool test rules`) over series given scrape by scrape, so
/// perfdash's figures can be compared with `rate()` and `histogram_quantile()` over the same scrapes.
enum PromQLReference {
    /// One input series: its selector text and one value per scrape (nil: absent from that scrape).
    struct Series {
        var selector: String
        var values: [Double?]
    }

    /// The series of `families` named in `names`, across scrapes (one family list per scrape).
    static func series(_ scrapes: [[MetricFamily]], names: Set<String>) -> [Series] {
        var order: [String] = []
        var values: [String: [Double?]] = [:]
        for (index, families) in scrapes.enumerated() {
            for sample in families.flatMap(\.samples) where names.contains(sample.name) {
                let labels = sample.labels.map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",")
                let key = "\(sample.name){\(labels)}"
                if values[key] == nil {
                    order.append(key)
                    values[key] = Array(repeating: nil, count: scrapes.count)
                }
                values[key]?[index] = sample.value
            }
        }
        return order.map { Series(selector: $0, values: values[$0] ?? []) }
    }

    /// Each expression's single value at the last scrape, scrapes `interval` seconds apart; nil when the result
    /// is empty. Every expression must aggregate to one unlabelled sample (`sum(…)`, `histogram_quantile(q, sum by (le) …)`).
    static func evaluate(_ expressions: [String], over series: [Series], interval: Int) throws -> [Double?] {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var yaml = "rule_files: []\nevaluation_interval: 1s\ntests:\n  - interval: \(interval)s\n    input_series:\n"
        for item in series {
            let values = item.values.map { $0.map { String(format: "%.17g", $0) } ?? "_" }.joined(separator: " ")
            yaml += "      - series: '\(item.selector)'\n        values: '\(values)'\n"
        }
        yaml += "    promql_expr_test:\n"
        let evalTime = interval * max(0, (series.map(\.values.count).max() ?? 1) - 1)
        for expression in expressions {
            // An impossible expectation: promtool then prints what it got.
            yaml += "      - expr: '\(expression)'\n        eval_time: \(evalTime)s\n"
            yaml += "        exp_samples:\n          - labels: '{__impossible__=\"1\"}'\n            value: -1\n"
        }
        let file = scratch.file("reference.yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let run = try runProcess(["promtool", "test", "rules", file.path])
        let gots = (run.stdout + run.stderr).split(separator: "\n").compactMap { line -> Substring? in
            guard let range = line.range(of: "got: ") else { return nil }
            return line[range.upperBound...]
        }
        guard gots.count == expressions.count else {
            throw ReferenceError(output: run.stdout + run.stderr)
        }
        return gots.map { got in
            if got == "nil" { return nil }
            guard let space = got.lastIndex(of: " ") else { return nil }
            return Double(got[got.index(after: space)...])
        }
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    struct ReferenceError: Error, CustomStringConvertible {
        var output: String
        var description: String { "promtool did not answer every expression:\n\(output)" }
    }
}
