import Foundation
import Testing
@testable import PerfdashCore

/// The `autoscaler` section through every encoder, on the ordinary fixture (busy 40 %, 2 s apart) with two
/// autoscalers on cpu.busy_percent, window 0 s, replicas 3 tracked:
/// - `web`, threshold up 30: 40 > 30 → up 3 → 4;
/// - `hpa`, target utilization 20: ceil(3 · 40 / 20) = 6 (scale-up limit max(3 + 4, 2 · 3) = 7 does not bind).
@Suite struct AutoscalerSectionTests {
    let snapshot: Snapshot

    init() throws {
        let tree = try HostFixture.temporaryCopy("ordinary")
        defer { try? FileManager.default.removeItem(at: tree) }
        let specs = [AutoscaleTestSupport.thresholdSpec(up: 30, down: 10),
                     AutoscaleTestSupport.targetSpec([("cpu.busy_percent", .utilization, 20)],
                                                     replicas: .tracked(initial: 3))]
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: tree.path)), autoscalers: specs)
        _ = try monitor.tick(at: SampleTime(monotonic: .seconds(0), unixMilliseconds: 1_795_312_940_989))
        try HostFixture.rewriteInPlace(tree, withReading2Of: "ordinary")
        snapshot = try #require(try monitor.tick(at: SampleTime(monotonic: .seconds(2),
                                                                unixMilliseconds: 1_795_312_942_989)))
    }

    @Test func recommendations() throws {
        let section = try #require(snapshot.autoscaler)
        #expect(section.map(\.name) == ["web", "hpa"])
        #expect(section.map(\.recommendation.to) == [4, 6])
        #expect(section.map(\.recommendation.rule) == [.thresholdUp, .desiredWithinRange])
        #expect(section[1].recommendation.reason == "cpu.busy 40.0% vs target 20% → 6: 3 → 6")
    }

    @Test func jsonSectionRoundTrips() throws {
        let text = try SnapshotJSON.encode(snapshot, pretty: false)
        #expect(try SnapshotJSON.decode(text) == snapshot)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let section = try #require(object["autoscaler"] as? [[String: Any]])
        #expect(section.count == 2)
        #expect(Set(section[0].keys) == ["name", "summary", "spec", "replicas", "recommendation", "missing_series",
                                         "decisions"])
        let recommendation = try #require(section[0]["recommendation"] as? [String: Any])
        #expect(recommendation["action"] as? String == "up")
        #expect(recommendation["from"] as? Int == 3)
        #expect(recommendation["to"] as? Int == 4)
        let metric = try #require((recommendation["metrics"] as? [[String: Any]])?.first)
        #expect(metric["average"] as? Double == 40)
        #expect(metric["p95"] as? Double == 40)
        #expect(metric["window_seconds"] as? Double == 0)
        let decision = try #require((section[0]["decisions"] as? [[String: Any]])?.first)
        #expect(decision["timestamp"] as? String == "2026-11-22T02:02:22.989Z")
        #expect(decision["time_seconds"] as? Double == 2)
        let threshold = try #require(((section[0]["spec"] as? [String: Any])?["policy"] as? [String: Any])?["threshold"]
                                     as? [String: Any])
        #expect(threshold["scale_up_threshold"] as? Double == 30)
        #expect(threshold["cooldown_up_seconds"] as? Double == 60)
    }

    @Test func csvRowsPerAutoscaler() {
        let rows = SnapshotCSV.rows(snapshot).split(separator: "\n").map { $0.split(separator: ",").dropFirst(3)
            .joined(separator: ",") }
        #expect(rows.contains("autoscaler.web.current_replicas,count,3,1,3,3,3,3,3,3"))
        #expect(rows.contains("autoscaler.web.desired_replicas,count,4,1,4,4,4,4,4,4"))
        // The threshold autoscaler has just scaled: a cooldown would start counting from the next step.
        #expect(rows.contains("autoscaler.web.cooldown_seconds_left,seconds,0,1,0,0,0,0,0,0"))
        #expect(rows.contains("autoscaler.hpa.desired_replicas,count,6,1,6,6,6,6,6,6"))
        #expect(rows.contains("autoscaler.hpa.stabilization_seconds_left,seconds,0,1,0,0,0,0,0,0"))
    }

    @Test func prometheusFamilyWithOneLabelPerAutoscaler() {
        let lines = SnapshotPrometheus.exposition(snapshot).split(separator: "\n").map(String.init)
        let start = lines.firstIndex(of: "# TYPE perfdash_autoscaler_desired_replicas gauge")
        #expect(start != nil)
        if let start {
            #expect(Array(lines[(start + 1)...(start + 2)]) == [
                "perfdash_autoscaler_desired_replicas{autoscaler=\"web\"} 4",
                "perfdash_autoscaler_desired_replicas{autoscaler=\"hpa\"} 6",
            ])
        }
        #expect(lines.filter { $0 == "# TYPE perfdash_autoscaler_desired_replicas gauge" }.count == 1)
        #expect(lines.contains("perfdash_autoscaler_cooldown_seconds_left{autoscaler=\"web\"} 0"))
        #expect(lines.contains("perfdash_autoscaler_stabilization_seconds_left{autoscaler=\"hpa\"} 0"))
        #expect(lines.contains(
            "perfdash_autoscaler_desired_replicas_window{autoscaler=\"hpa\",window=\"1m\",quantile=\"0.95\"} 6"))
    }
}
