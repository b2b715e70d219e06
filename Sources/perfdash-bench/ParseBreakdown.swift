import PerfdashCore
#if canImport(Glibc)
import Glibc
#endif

/// µs to parse each host file's current contents from memory: where the time of a sample goes beyond the reads.
func parseBreakdownBenchmark() throws {
    func contents(_ path: String) throws -> ProcFile { try ProcFile(path: path, initialCapacity: 1 << 16) }
    let parsers: [(String, (UnsafeRawBufferPointer) throws -> Int)] = [
        ("proc/stat", { try CPUStatParser.parse($0).cores.count }),
        ("proc/meminfo", { Int(try MemInfoParser.parse($0).totalBytes & 1) }),
        ("proc/diskstats", { try DiskStatsParser.parse($0).count }),
        ("proc/net/dev", { try NetDevParser.parse($0).count }),
        ("proc/loadavg", { try LoadAvgParser.parse($0).tasksTotal }),
    ]
    var line = "parse only:"
    var sink = 0
    for (path, parse) in parsers {
        let bytes = try contents("/" + path).withContents { Array($0) }
        let micros = bytes.withUnsafeBytes { raw in
            microsecondsPerIteration(20_000) { sink &+= (try? parse(raw)) ?? 0 }
        }
        line += " \(path) \(formatMicros(micros)) µs (\(bytes.count) B);"
    }
    print(line)
    if sink == -1 { print("") }
}

/// Two decimals.
func formatMicros(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
