import Foundation
@testable import PerfdashCore
import PerfdashTestSupport

/// A fake Prometheus API that answers a fleet's instant queries with a generated fleet: `hosts` node_exporter
/// hosts (`host-0:9100`…) and `services` jobs (`svc-0`…), each field's value a known function of the row's index.
enum FleetFixture {
    /// The value the fake gives `field` of row `index`.
    static func value(_ field: FleetField, _ index: Int) -> Double {
        switch field {
        case .cpuBusy: Double(index % 100)
        case .memoryUsed: Double((index * 7) % 100)
        case .load1: Double(index) / 100
        case .diskBytes: Double(index) * 1000
        case .diskUtil: Double((index * 3) % 100)
        case .networkBytes: Double(index) * 2000
        case .filesystemFullest: Double((index * 11) % 100)
        case .pressure: Double(index % 10)
        case .requests: Double(index) * 10
        case .errors: Double(index % 20) / 4
        case .p95: Double(index % 50) / 1000
        case .cacheHit: 100 - Double(index % 30)
        case .queueDepth: Double(index % 40)
        default: 0
        }
    }

    /// The answer to one query of `queries` (by its text), for a fleet of the given size; `down` hosts have up 0.
    static func answer(_ request: FakePrometheusAPI.Request, queries: [FleetQuery], hosts: Int, services: Int,
                       down: Set<Int> = []) -> FakePrometheusAPI.Reply {
        guard let text = request.parameters["query"], let query = queries.first(where: { $0.text == text }) else {
            return FakePrometheusAPI.Reply(status: 400, body: #"{"status":"error","errorType":"bad_data","error":"unknown"}"#)
        }
        if query.field == .targets {
            let hostTargets = (0..<hosts).map { (["instance": "host-\($0):9100", "job": "node"], down.contains($0) ? 0.0 : 1.0) }
            let serviceTargets = (0..<services).map { (["instance": "svc-\($0):8080", "job": "svc-\($0)"], 1.0) }
            return .vector(hostTargets + serviceTargets)
        }
        if query.field.isHost {
            let live = (0..<hosts).filter { !down.contains($0) }
            if query.field == .pressure {
                return .vector(live.map { (["instance": "host-\($0):9100", "resource": "io"], value(.pressure, $0)) })
            }
            if query.field == .filesystemFullest {
                return .vector(live.map { (["instance": "host-\($0):9100", "mountpoint": "/data\($0)"],
                                           value(.filesystemFullest, $0)) })
            }
            return .vector(live.map { (["instance": "host-\($0):9100"], value(query.field, $0)) })
        }
        return .vector((0..<services).map { (["job": "svc-\($0)"], value(query.field, $0)) })
    }
}
