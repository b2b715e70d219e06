import Foundation

/// How `perfdash autoscale simulate` (and anything else listing decisions) writes recommendations.
public enum RecommendationFormat: String, Sendable, CaseIterable {
    /// One aligned line per decision: time, action, from → to, reason.
    case text
    /// A JSON array of ``Recommendation`` objects.
    case json
    /// A header and one CSV row per decision.
    case csv

    /// The whole output for these recommendations, ending with a newline.
    public func render(_ recommendations: [Recommendation]) throws -> String {
        switch self {
        case .text:
            return recommendations.map(Self.textLine).map { $0 + "\n" }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(recommendations), as: UTF8.self) + "\n"
        case .csv:
            let header = "time,autoscaler,action,from,to,rule,values,cooldown_seconds_left,stabilization_seconds_left,reason"
            return ([header] + recommendations.map(Self.csvRow)).map { $0 + "\n" }.joined()
        }
    }

    /// `     60s  up    3 → 4   cpu.busy avg 1m 83.2 % > 80 %: 3 → 4`.
    public static func textLine(_ recommendation: Recommendation) -> String {
        let time = pad(MetricUnit.plain(recommendation.time) + "s", to: 8, left: true)
        let action = pad(recommendation.action.rawValue, to: 5, left: false)
        let change = pad("\(recommendation.from) → \(recommendation.to)", to: 9, left: false)
        return "\(time)  \(action)\(change)  \(recommendation.reason)"
    }

    private static func csvRow(_ recommendation: Recommendation) -> String {
        // A predictive policy's forecast follows its metric as `<series>@+<horizon>=<value>`.
        let values = recommendation.metrics.map { reading in
            var text = "\(reading.series)=\(reading.value.map { MetricUnit.plain($0) } ?? "")"
            if let forecast = reading.forecast {
                text += ";\(reading.series)@+\(MetricUnit.duration(forecast.horizonSeconds))=\(MetricUnit.plain(forecast.value))"
            }
            return text
        }.joined(separator: ";")
        let fields = [
            MetricUnit.plain(recommendation.time), recommendation.autoscaler, recommendation.action.rawValue,
            "\(recommendation.from)", "\(recommendation.to)", recommendation.rule.rawValue, values,
            recommendation.cooldownSecondsLeft.map { MetricUnit.plain($0) } ?? "",
            recommendation.stabilizationSecondsLeft.map { MetricUnit.plain($0) } ?? "", recommendation.reason,
        ]
        return fields.map(quote).joined(separator: ",")
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func pad(_ text: String, to width: Int, left: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
