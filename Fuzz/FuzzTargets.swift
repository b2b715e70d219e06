import Foundation
import NIOCore
import PerfdashCore
import PerfdashTUI

/// The inputs perfdash reads from outside, each as one fuzz target: a name, the fixtures that seed it, and the
/// call that feeds it bytes. A target passes when the call returns or throws; a trap, an assertion or a sanitizer
/// report is the failure libFuzzer looks for.
struct FuzzTarget: Sendable {
    let name: String
    /// Seed folders, relative to Tests/Fixtures.
    let seeds: [String]
    /// The endings of the seed files' paths under those folders (any of them); empty takes every file.
    let seedFiles: [String]
    /// Longest input libFuzzer makes (`-max_len`): past the longest real input, a longer one only costs time.
    let maxLength: Int
    let run: @Sendable (UnsafeRawBufferPointer) -> Void

    init(name: String, seeds: [String], seedFiles: [String] = [], maxLength: Int = 4096,
         run: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.name = name
        self.seeds = seeds
        self.seedFiles = seedFiles
        self.maxLength = maxLength
        self.run = run
    }

    /// Every target: these, the newer host files (FuzzTargets+Host.swift) and the services' wire formats
    /// (FuzzTargets+Services.swift).
    static let all: [FuzzTarget] = core + host + services

    static let core: [FuzzTarget] = [
        // Expositions up to 16 KiB: every construct of the format fits, and a 64 KiB body ran at ~120 exec/s under
        // ASan (the derived metrics are linear in the series, but 64 KiB of them per input adds up).
        FuzzTarget(name: "exposition", seeds: ["exposition", "presets"], seedFiles: [".prom", ".txt"],
                   maxLength: 16_384) { bytes in
            _ = try? Exposition.families(from: bytes, format: Exposition.format(contentType: nil, body: bytes))
            if let sample = try? Exposition.sample(from: bytes, contentType: nil, names: .defaults) {
                _ = ServiceMetrics(totals: sample)
            }
        },
        // A selector (and its regexes) from config text, then matched against hostile label values.
        FuzzTarget(name: "selector", seeds: ["selectors"], maxLength: 1024) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let selector = try? MetricSelector(parsing: text) else { return }
            let values = ["", "5xx", String(repeating: "a", count: 4096), text]
            for value in values {
                _ = selector.selectsName(value)
                _ = selector.matches { _ in value }
            }
        },
        FuzzTarget(name: "resp", seeds: ["resp"]) { bytes in
            var buffer = ByteBuffer(bytes: bytes)
            while (try? RESP.decode(&buffer)) != nil {}
        },
        // /proc/stat also gives the process table its boot time (`btime`).
        proc("proc-stat", parse: { bytes in
            _ = try? BootTimeParser.parse(bytes)
            return try CPUStatParser.parse(bytes)
        }, file: "stat") { previous, current in
            rates(HostSample(cpu: previous ?? zeroCPU), HostSample(cpu: current))
        },
        proc("proc-meminfo", parse: { try MemInfoParser.parse($0) }, file: "meminfo") { _, current in
            rates(HostSample(cpu: zeroCPU),
                  HostSample(cpu: zeroCPU, memory: current, cgroupMemory: CgroupMemory(usageBytes: .max, limitBytes: 1)))
        },
        proc("proc-loadavg", parse: { try LoadAvgParser.parse($0) }, file: "loadavg") { _, current in
            rates(HostSample(cpu: zeroCPU), HostSample(cpu: zeroCPU, load: current))
        },
        proc("proc-diskstats", parse: { try DiskStatsParser.parse($0) }, file: "diskstats") { previous, current in
            rates(HostSample(cpu: zeroCPU, disks: previous ?? []), HostSample(cpu: zeroCPU, disks: current))
        },
        proc("proc-netdev", parse: { try NetDevParser.parse($0) }, file: "dev") { previous, current in
            rates(HostSample(cpu: zeroCPU, interfaces: previous ?? []), HostSample(cpu: zeroCPU, interfaces: current))
        },
        proc("cgroup-memory", parse: { try CgroupValueParser.parse($0) }, file: "memory.max") { _, current in
            rates(HostSample(cpu: zeroCPU), HostSample(cpu: zeroCPU, memory: MemInfo(totalBytes: .max, freeBytes: 0,
                availableBytes: 0, buffersBytes: 0, cachedBytes: 0, sReclaimableBytes: 0, shmemBytes: 0,
                swapTotalBytes: 0, swapFreeBytes: 0), cgroupMemory: CgroupMemory(usageBytes: .max, limitBytes: current)))
        },
        FuzzTarget(name: "config", seeds: ["config", "autoscale"], seedFiles: [".toml"], maxLength: 8192) { bytes in
            _ = try? ConfigLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.toml",
                                        environment: ["PD_FUZZ": "x"])
        },
        FuzzTarget(name: "theme", seeds: ["tui"], seedFiles: [".theme"], maxLength: 8192) { bytes in
            _ = try? ThemeParser.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz", file: "fuzz.theme")
        },
        FuzzTarget(name: "simulate-csv", seeds: ["autoscale"], seedFiles: [".csv"]) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let rows = try? SimulationInput.parse(text, file: "fuzz.csv", defaultSeries: "cpu.busy_percent"),
                  let spec = try? AutoscalerSpec.parseAll(toml: simulateSpec).first else { return }
            _ = AutoscaleSimulation.run(spec: spec, rows: Array(rows.prefix(2_000)))
        },
    ]

    /// A /proc or /sys parser: the input is one file, or two readings separated by a NUL byte; what parses goes
    /// through the rate arithmetic the sampler applies (`rates(previous, current)`).
    static func proc<Reading>(_ name: String, parse: @escaping @Sendable (UnsafeRawBufferPointer) throws -> Reading,
                              file: String, seeds: [String] = ["host"],
                              rates: @escaping @Sendable (Reading?, Reading) -> Void = { _, _ in }) -> FuzzTarget {
        FuzzTarget(name: name, seeds: seeds, seedFiles: ["/" + file]) { bytes in
            var previous: Reading?
            var rest = bytes
            if let split = bytes.firstIndex(of: 0) {
                previous = try? parse(UnsafeRawBufferPointer(rebasing: bytes[..<split]))
                rest = UnsafeRawBufferPointer(rebasing: bytes[(split + 1)...])
            }
            guard let current = try? parse(rest) else { return }
            rates(previous, current)
        }
    }

    static let zeroCPU = CPUStat(total: CPUTimes(), cores: [])

    /// The sampler's arithmetic on two samples, over a nanosecond so every rate is as large as it gets.
    static func rates(_ previous: HostSample, _ current: HostSample) {
        _ = HostRates.compute(from: previous, to: current, elapsed: .nanoseconds(1))
    }

    /// The autoscaler the simulate target replays rows through: both policies' arithmetic on hostile values.
    static let simulateSpec = """
        [[autoscaler]]
        name = "fuzz"
        policy = "target"
        metric = "cpu.busy_percent"
        target = 50
        max_replicas = 1000000
        """

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The seed files under `fixtures` (Tests/Fixtures): every file of the seed folders whose path ends in one of
    /// `seedFiles`, when given.
    func seedFiles(fixtures: String) -> [String] {
        var files: [String] = []
        for folder in seeds {
            let root = fixtures + "/" + folder
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      seedFiles.isEmpty || seedFiles.contains(where: { relative.hasSuffix($0) }) else { continue }
                // A fixture past -max_len (a whole exporter's capture) would reach libFuzzer cut at an arbitrary
                // byte; the tests read it whole, the fuzzer starts from the others.
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                guard size <= maxLength else { continue }
                files.append(path)
            }
        }
        return files.sorted()
    }
}
