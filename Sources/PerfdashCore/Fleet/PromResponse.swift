import Foundation

/// The Prometheus HTTP API's JSON answers, decoded: `{"status":"success","data":{"resultType":…,"result":…}}`.
package enum PromResponse {
    /// An instant query's samples: a vector's, or a scalar's as one sample without labels.
    package static func instant(_ body: [UInt8], query: String) throws(FleetQueryError) -> [PromSample] {
        let payload = try decode(body, query: query)
        switch (payload.resultType, payload.result) {
        case ("vector", .entries(let entries)):
            return entries.compactMap { entry in
                entry.value.map { PromSample(labels: entry.metric ?? [:], value: $0.value, time: $0.time) }
            }
        case ("scalar", .pair(let pair)):
            return [PromSample(labels: [:], value: pair.value, time: pair.time)]
        default:
            throw FleetQueryError(query: query, kind: .invalidData,
                                  reason: "expected an instant vector, got a \(payload.resultType)")
        }
    }

    /// A range query's series.
    package static func range(_ body: [UInt8], query: String) throws(FleetQueryError) -> [PromSeries] {
        let payload = try decode(body, query: query)
        guard payload.resultType == "matrix", case .entries(let entries) = payload.result else {
            throw FleetQueryError(query: query, kind: .invalidData,
                                  reason: "expected a range vector, got a \(payload.resultType)")
        }
        return entries.map { entry in
            PromSeries(labels: entry.metric ?? [:],
                       points: (entry.values ?? []).map { PromPoint(time: $0.time, value: $0.value) })
        }
    }

    private static func decode(_ body: [UInt8], query: String) throws(FleetQueryError) -> Payload {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(body))
        } catch {
            let start = String(decoding: body.prefix(40), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            throw FleetQueryError(query: query, kind: .invalidData,
                                  reason: "not the Prometheus API's JSON (starts \"\(start)\")")
        }
        guard envelope.status == "success", let data = envelope.data else {
            let type = envelope.errorType.map { "\($0): " } ?? ""
            throw FleetQueryError(query: query, kind: .serverError,
                                  reason: "Prometheus error: \(type)\(envelope.error ?? "status \(envelope.status)")")
        }
        return data
    }

    private struct Envelope: Decodable {
        var status: String
        var data: Payload?
        var errorType: String?
        var error: String?
    }

    struct Payload: Decodable {
        var resultType: String
        var result: Result
    }

    enum Result: Decodable {
        case entries([Entry])
        case pair(Pair)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let entries = try? container.decode([Entry].self) {
                self = .entries(entries)
            } else if let pair = try? container.decode(Pair.self) {
                self = .pair(pair)
            } else {
                self = .other
            }
        }
    }

    struct Entry: Decodable {
        var metric: [String: String]?
        var value: Pair?
        var values: [Pair]?
    }

    /// `[<unix seconds>, "<value>"]`.
    struct Pair: Decodable {
        var time: Double
        var value: Double

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            time = try container.decode(Double.self)
            let text = try container.decode(String.self)
            guard let parsed = Double(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad sample value \(text)")
            }
            value = parsed
        }
    }
}
