import Foundation
import Testing
@testable import PerfdashCore

/// The encoders on the snapshot of the ordinary fixture (2 s apart; see OrdinaryMachineTests for the numbers).
@Suite struct EncoderTests {
    let snapshot: Snapshot

    init() throws {
        let host = try HostFixture.reading("ordinary", elapsed: .seconds(2))
        var history = History(interval: .seconds(2))
        history.record(host.flatSeries())
        var stats: [String: Summary] = [:]
        for series in host.flatSeries() { stats[series.name] = history.summary(series.name, window: .oneMinute) }
        snapshot = Snapshot(timestampUnixMs: 1_795_312_940_989, intervalSeconds: 2, elapsedSeconds: 2,
                            window: .oneMinute, host: host, stats: stats, notes: ["a note"])
    }

    @Test func jsonHasSnakeCaseFieldsWithUnits() throws {
        let text = try SnapshotJSON.encode(snapshot, pretty: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["timestamp"] as? String == "2026-11-22T02:02:20.989Z")
        #expect(object["timestamp_unix_ms"] as? Int == 1_795_312_940_989)
        #expect(object["window"] as? String == "1m")
        #expect(object["notes"] as? [String] == ["a note"])
        let host = try #require(object["host"] as? [String: Any])
        let cpu = try #require((host["cpu"] as? [String: Any])?["total"] as? [String: Any])
        #expect(cpu["busy_percent"] as? Double == 40)
        let memory = try #require(host["memory"] as? [String: Any])
        #expect(memory["used_bytes"] as? Int == 6_291_456_000)
        let disk = try #require(((host["disks"] as? [String: Any])?["devices"] as? [[String: Any]])?.first)
        #expect(disk["read_bytes_per_second"] as? Double == 1_048_576)
        let stats = try #require(object["stats"] as? [String: [String: Any]])
        #expect(stats["cpu.busy_percent"]?["p99"] as? Double == 40)
        #expect(stats["net.total.rx_bytes_per_second"]?["count"] as? Int == 1)
        #expect(!text.contains("\n"))
        #expect(try SnapshotJSON.decode(text) == snapshot)
    }

    @Test func jsonStreamFraming() throws {
        var array = SnapshotStream(format: .json, single: false)
        let text = try array.record(snapshot) + array.record(snapshot) + array.finish()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(SnapshotStream(format: .json, single: false).finish() == "[]\n")
        var single = SnapshotStream(format: .json, single: true)
        let one = try single.record(snapshot) + single.finish()
        #expect(try JSONSerialization.jsonObject(with: Data(one.utf8)) is [String: Any])
        var lines = SnapshotStream(format: .ndjson, single: false)
        let ndjson = try lines.record(snapshot) + lines.record(snapshot)
        #expect(ndjson.split(separator: "\n").count == 2)
        #expect(ndjson.hasSuffix("}\n"))
    }

    @Test func csvLongFormHasOneHeaderAndStableColumns() throws {
        var stream = SnapshotStream(format: .csv, single: false, csvLayout: .long)
        let text = try stream.record(snapshot) + stream.record(snapshot)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "timestamp,timestamp_unix_ms,window,series,unit,value,count,avg,min,max,p50,p95,p99")
        #expect(lines.filter { $0.hasPrefix("timestamp,") }.count == 1)
        #expect(lines.count == 1 + 2 * snapshot.flatSeries().count)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 13 })
        #expect(lines[1] == "2026-11-22T02:02:20.989Z,1795312940989,1m,cpu.busy_percent,percent,40,1,40,40,40,40,40,40")
        #expect(lines.contains { $0.contains(",disk.sda.util_percent,percent,25,1,") })
        var continued = SnapshotStream(format: .csv, single: false, writeHeader: false, csvLayout: .long)
        #expect(!(try continued.record(snapshot)).hasPrefix("timestamp,"))
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(SnapshotCSV.field("eth0") == "eth0")
        #expect(SnapshotCSV.field("a,b") == "\"a,b\"")
        #expect(SnapshotCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func prometheusFamiliesLabelsAndSummaries() {
        let text = SnapshotPrometheus.exposition(snapshot)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("perfdash_snapshot_timestamp_seconds 1795312940.989"))
        #expect(lines.contains("# TYPE perfdash_cpu_busy_percent gauge"))
        #expect(lines.contains("perfdash_cpu_busy_percent 40"))
        #expect(lines.contains("perfdash_cpu_core_busy_percent{core=\"3\"} 25"))
        #expect(lines.contains("perfdash_disk_read_bytes_per_second{device=\"nvme0n1\"} 5242880"))
        #expect(lines.contains("perfdash_disk_total_read_bytes_per_second 6291456"))
        #expect(lines.contains("perfdash_net_rx_bytes_per_second{interface=\"eth0\"} 1000000"))
        #expect(lines.contains("# TYPE perfdash_cpu_busy_percent_window summary"))
        #expect(lines.contains("perfdash_cpu_busy_percent_window{window=\"1m\",quantile=\"0.99\"} 40"))
        #expect(lines.contains("perfdash_cpu_busy_percent_window_count{window=\"1m\"} 1"))
        // Each family's TYPE line appears once, so its samples are contiguous.
        let types = lines.filter { $0.hasPrefix("# TYPE ") }
        #expect(Set(types).count == types.count)
    }

    @Test func prometheusEscapesLabelValuesAndSanitizesNames() {
        #expect(SnapshotPrometheus.labels([SeriesLabel("interface", "a\"b\\c\nd")]) == "{interface=\"a\\\"b\\\\c\\nd\"}")
        #expect(SnapshotPrometheus.metricName("service.my-api.queue.depth") == "perfdash_service_my_api_queue_depth")
    }

    @Test(arguments: [("json", SnapshotFormat.json), ("NDJSON", .ndjson), ("csv", .csv), ("prometheus", .prometheus)])
    func formatNames(text: String, format: SnapshotFormat) {
        #expect(SnapshotFormat(parsing: text) == format)
    }

    @Test func seriesNamesAreTheDocumentedOnes() {
        let names = Set(snapshot.flatSeries().map(\.name))
        for name in ["cpu.busy_percent", "cpu.user_percent", "cpu.system_percent", "cpu.iowait_percent",
                     "cpu.steal_percent", "cpu.core0.busy_percent", "memory.used_percent", "memory.used_bytes",
                     "swap.used_percent", "disk.sda.read_bytes_per_second", "disk.sda.write_bytes_per_second",
                     "disk.sda.read_iops", "disk.sda.write_iops", "disk.sda.util_percent",
                     "disk.total.util_percent", "net.eth0.rx_bytes_per_second", "net.eth0.tx_bytes_per_second",
                     "net.eth0.rx_packets_per_second", "net.eth0.tx_packets_per_second",
                     "net.total.rx_bytes_per_second", "load.1m", "load.5m", "load.15m"] {
            #expect(names.contains(name), "missing \(name)")
        }
    }
}
