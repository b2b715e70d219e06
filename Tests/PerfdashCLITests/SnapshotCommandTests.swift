import Foundation
import Testing
import PerfdashTestSupport

/// `perfdash snapshot` as a user runs it: the built binary on this machine's /proc, every format.
@Suite struct SnapshotCommandTests {
    @Test func jsonSingleObject() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        let elapsed = try #require(object["elapsed_seconds"] as? Double)
        #expect(elapsed >= 0.01) // the first snapshot comes one interval after the start
        let cpu = try #require(((object["host"] as? [String: Any])?["cpu"] as? [String: Any])?["total"]
                               as? [String: Any])
        let busy = try #require(cpu["busy_percent"] as? Double)
        #expect((0...100).contains(busy))
        let stats = try #require(object["stats"] as? [String: [String: Any]])
        #expect(stats["cpu.busy_percent"]?["count"] as? Int == 1)
        #expect(stats["memory.used_percent"] != nil)
    }

    @Test func jsonArrayForSeveral() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "3", "--window", "5m"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(array.map { $0["window"] as? String } == ["5m", "5m", "5m"])
        // The window statistics accumulate: counts 1, 2, 3.
        let counts = array.map { (($0["stats"] as? [String: [String: Any]])?["cpu.busy_percent"]?["count"]) as? Int }
        #expect(counts == [1, 2, 3])
    }

    @Test func ndjsonOneObjectPerLine() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "2", "--format", "ndjson"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func csvLongHeaderAndColumns() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "2", "--format", "csv",
                                      "--csv-layout", "long"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0] == ["timestamp", "timestamp_unix_ms", "window", "series", "unit", "value", "count", "avg",
                            "min", "max", "p50", "p95", "p99"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 13 })
        let busy = rows.filter { $0[3] == "cpu.busy_percent" }
        #expect(busy.count == 2)
        #expect(busy.map { $0[6] } == ["1", "2"])
        #expect(busy.allSatisfy { Double($0[5]).map { (0...100).contains($0) } == true })
    }

    /// The default CSV is wide: one row per snapshot, read back by Python's csv module (an independent reader).
    @Test func csvWideIsOneRowPerSnapshotForPythonsCSV() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "3", "--format", "csv"])
        #expect(result.status == 0)
        let script = """
            import csv, sys
            rows = list(csv.reader(sys.stdin))
            assert len({len(row) for row in rows}) == 1, "ragged rows"
            header = rows[0]
            busy = header.index("cpu.busy_percent")
            print(len(rows), header[:3] == ["timestamp", "timestamp_unix_ms", "window"],
                  all(0 <= float(row[busy]) <= 100 for row in rows[1:]), len(set(header)) == len(header))
            """
        let parsed = try runProcess(["python3", "-c", script], stdin: result.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout == "4 True True True\n")
    }

    /// NDJSON read by jq, one object per line, with the documented keys.
    @Test func ndjsonReadsWithJq() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--count", "3", "--format", "ndjson"])
        #expect(result.status == 0)
        let parsed = try runProcess(["jq", "-c", "[.schema_version, .window, .stats[\"cpu.busy_percent\"].count, "
                                     + "(.host.cpu.total.busy_percent >= 0)]"], stdin: result.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout == "[1,\"1m\",1,true]\n[1,\"1m\",2,true]\n[1,\"1m\",3,true]\n")
    }

    @Test func prometheusParsesWithPrometheusClient() throws {
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "prometheus"])
        #expect(result.status == 0)
        // An independent parser: Python's prometheus_client. It prints family name, type and sample count.
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                print(family.name, family.type, len(family.samples))
            """
        let parsed = try runProcess(["python3", "-c", script], stdin: result.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let families = Dictionary(parsed.stdout.split(separator: "\n").map { line -> (String, [String]) in
            let parts = line.split(separator: " ").map(String.init)
            return (parts[0], Array(parts.dropFirst()))
        }, uniquingKeysWith: { first, _ in first })
        #expect(families["perfdash_cpu_busy_percent"] == ["gauge", "1"])
        // A summary: quantiles 0, 0.5, 0.95, 0.99, 1 plus _sum and _count = 7 samples.
        #expect(families["perfdash_cpu_busy_percent_window"] == ["summary", "7"])
        #expect(families["perfdash_memory_used_percent"]?.first == "gauge")
        #expect(families["perfdash_load_1m"]?.first == "gauge")
    }

    @Test func outputAppendsAndKeepsOneCSVHeader() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("out.csv").path
        for _ in 0..<2 {
            let result = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "csv", "--output", file])
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
        }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.filter { $0.hasPrefix("timestamp,") }.count == 1)
        #expect(lines.allSatisfy { $0.split(separator: ",").count == lines[0].split(separator: ",").count })
        // A long run appended to the wide file is refused, not mixed in.
        let long = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "csv", "--output", file,
                                    "--csv-layout", "wide"])
        #expect(long.status == 0)
        let mixed = scratch.file("long.csv").path
        try "timestamp,timestamp_unix_ms,window,series,unit,value,count,avg,min,max,p50,p95,p99\n"
            .write(toFile: mixed, atomically: true, encoding: .utf8)
        let refused = try runPerfdash(["snapshot", "--interval", "10ms", "--format", "csv", "--output", mixed])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("its header is not a wide perfdash CSV header"))
    }

    @Test func missingOptionalFileGivesANoteAndTheRestWorks() throws {
        let root = TestPaths.fixture("host/no-diskstats/reading1").path
        let result = try runPerfdash(["snapshot", "--interval", "10ms", "--root", root])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["notes"] as? [String] == ["\(root)/proc/diskstats not found: disk section left empty"])
        let host = try #require(object["host"] as? [String: Any])
        #expect(host["disks"] == nil)
        #expect(host["memory"] != nil)
    }
}
