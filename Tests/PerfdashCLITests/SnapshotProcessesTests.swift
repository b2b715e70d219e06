import Foundation
import Testing
import PerfdashTestSupport

/// The processes, filesystems and pressure sections of `perfdash snapshot`, and the help that lists their flags.
@Suite struct SnapshotProcessesTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runPerfdash(["snapshot", "--interval", "100ms"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func processesSectionListsTheTopNByTheKey() throws {
        let object = try Self.json(["--top-processes", "3", "--process-sort", "memory"])
        let processes = try #require(object["processes"] as? [String: Any])
        let top = try #require(processes["top"] as? [[String: Any]])
        #expect(top.count == 3 && processes["sorted_by"] as? String == "memory")
        let rss = top.compactMap { $0["rss_bytes"] as? Double }
        #expect(rss.count == 3 && rss == rss.sorted(by: >), "\(rss)")
        #expect((processes["total"] as? Int ?? 0) >= 3)
        // This test's own binary is among the processes, with its command line.
        let keys = Set(top[0].keys)
        #expect(keys.isSuperset(of: ["pid", "parent_pid", "user", "command", "state", "cpu_percent", "rss_bytes",
                                     "memory_percent", "threads", "start_unix_ms"]))
        let stats = try #require(object["stats"] as? [String: Any])
        #expect(stats["processes.total"] != nil && stats["processes.running"] != nil)
    }

    @Test func filesystemsAndPressureSections() throws {
        let object = try Self.json([])
        let filesystems = try #require(object["filesystems"] as? [[String: Any]])
        #expect(filesystems.contains { $0["mount_point"] as? String == "/" })
        let stats = try #require(object["stats"] as? [String: Any])
        #expect(stats["fs./.used_percent"] != nil)
        if FileManager.default.fileExists(atPath: "/proc/pressure/cpu") {
            let pressure = try #require(object["pressure"] as? [String: Any])
            #expect((pressure["cpu"] as? [String: Any])?["some"] != nil)
            #expect(stats["pressure.cpu.some.stall_percent"] != nil)
        }
    }

    @Test func noProcessesAndBadFlagsAreOneLine() throws {
        let off = try Self.json(["--no-processes"])
        #expect(off["processes"] == nil)
        let zero = try Self.json(["--top-processes", "0"])
        #expect(((zero["processes"] as? [String: Any])?["top"] as? [Any])?.isEmpty == true)
        let bad = try runPerfdash(["snapshot", "--process-sort", "colour"])
        #expect(bad.status == 1 && bad.stderr.contains("--process-sort: unknown key 'colour'"), "\(bad.stderr)")
        let negative = try runPerfdash(["snapshot", "--top-processes", "-1"])
        #expect(negative.status != 0)
    }

    @Test func helpShowsTheDashboardFlagsAndSamplingFirst() throws {
        let root = try runPerfdash(["--help"])
        #expect(root.status == 0)
        for flag in ["--demo", "--theme", "--ascii", "--interval", "--top-processes", "snapshot"] {
            #expect(root.stdout.contains(flag), "perfdash --help lacks \(flag)")
        }
        let snapshot = try runPerfdash(["snapshot", "--help"]).stdout
        let sampling = try #require(snapshot.range(of: "SAMPLING:")), autoscaler = try #require(snapshot.range(of: "AUTOSCALER"))
        #expect(sampling.lowerBound < autoscaler.lowerBound)
    }
}
