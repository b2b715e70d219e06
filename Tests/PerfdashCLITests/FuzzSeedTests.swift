import Foundation
import Testing
import PerfdashTestSupport

/// The fuzz targets (Fuzz/, run by scripts/fuzz.sh) stay runnable: each one has seeds in Tests/Fixtures, its seeds
/// and every input that once crashed a target (Tests/Fixtures/fuzz/TARGET/) go through it without a trap.
@Suite struct FuzzSeedTests {
    /// `perfdash-fuzz`, built next to `perfdash` (replay mode: no libFuzzer, no sanitizers).
    static var binary: String {
        TestPaths.perfdashBinary.deletingLastPathComponent().appendingPathComponent("perfdash-fuzz").path
    }

    /// The targets `--list` names: `name<TAB>max_len<TAB>seeds` after two header lines.
    static func targets() throws -> [(name: String, maxLength: Int)] {
        let listing = try runProcess([binary, "--list"])
        return listing.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let length = Int(fields[1]) else { return nil }
            return (String(fields[0]), length)
        }
    }

    /// One target per input parser: the twelve of the first round and the seventeen added with it.
    @Test func everyParserHasATarget() throws {
        let names = try Self.targets().map(\.name)
        for name in ["exposition", "selector", "resp", "proc-stat", "proc-meminfo", "proc-loadavg", "proc-diskstats",
                     "proc-netdev", "cgroup-memory", "config", "theme", "simulate-csv", "proc-pressure", "proc-vmstat",
                     "cgroup-cpu-max", "cgroup-cpu-stat", "sensor-value", "proc-mounts", "proc-pid-stat",
                     "proc-pid-status", "proc-pid-io", "proc-pid-cmdline", "passwd", "memcached-stats", "redis-info",
                     "postgres-wire", "prom-response", "promql-matchers", "flag-values"] {
            #expect(names.contains(name), "no fuzz target \(name)")
        }
    }

    /// Every target has seeds, each within its -max_len, and replays them (and its past crashes) cleanly.
    @Test func seedsAndPastCrashesReplay() throws {
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures").path
        for target in try Self.targets() {
            let seeds = try runProcess([Self.binary, "--seeds", target.name, fixtures]).stdout
                .split(separator: "\n").map(String.init)
            #expect(!seeds.isEmpty, "\(target.name) has no seeds")
            for seed in seeds {
                let size = (try? FileManager.default.attributesOfItem(atPath: seed)[.size] as? Int) ?? 0
                #expect(size <= target.maxLength, "\(seed) is longer than \(target.name)'s -max_len")
            }
            let crashes = TestPaths.fixture("fuzz/" + target.name).path
            let past = ((try? FileManager.default.contentsOfDirectory(atPath: crashes)) ?? []).sorted()
                .map { crashes + "/" + $0 }
            let replay = try runProcess([Self.binary, target.name] + seeds + past)
            #expect(replay.status == 0, "\(target.name): \(replay.stdout.suffix(300)) \(replay.stderr.suffix(300))")
            #expect(replay.stdout.split(separator: "\n").count == seeds.count + past.count)
        }
    }
}
