import PerfdashCore
#if canImport(Glibc)
import Glibc
#endif

/// The files a host sample reads, relative to the root; the bare-pread baseline reads exactly these.
private let hostFiles = ["proc/stat", "proc/meminfo", "proc/diskstats", "proc/net/dev", "proc/loadavg"]

/// µs per full host sample (pread + parse of every file) against µs for a bare pread of the same five files.
///
/// Both run in alternating rounds in the same process; the best round of each is reported, which filters out
/// the noise of a shared machine. Target: sample / bare ≤ 2.
func hostBenchmark() throws {
    let reader = try HostReader(root: "/")
    let descriptors = hostFiles.map { open("/" + $0, O_RDONLY | O_CLOEXEC) }
    defer { descriptors.forEach { _ = close($0) } }
    guard descriptors.allSatisfy({ $0 >= 0 }) else {
        print("host: skipped (this machine lacks one of \(hostFiles.joined(separator: ", ")))")
        return
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var sink = 0
    let iterations = 4000
    var bestSample = Double.infinity
    var bestBare = Double.infinity
    for _ in 0..<5 {
        bestSample = min(bestSample, microsecondsPerIteration(iterations) {
            sink &+= (try? reader.sample())?.cpu.cores.count ?? 0
        })
        bestBare = min(bestBare, microsecondsPerIteration(iterations) {
            buffer.withUnsafeMutableBytes { raw in
                for descriptor in descriptors { sink &+= pread(descriptor, raw.baseAddress!, raw.count, 0) }
            }
        })
    }
    print(String(format: "host: full sample %.2f µs, bare pread of the same 5 files %.2f µs, ratio %.2f× "
                 + "(target ≤ 2×)", bestSample, bestBare, bestSample / bestBare))
    var sampler = Sampler(reader: reader)
    let clock = ContinuousClock()
    let origin = clock.now
    let tick = microsecondsPerIteration(iterations) {
        let time = SampleTime(monotonic: origin.duration(to: clock.now), unixMilliseconds: 0)
        sink &+= (try? sampler.tick(at: time))?.stats.count ?? 0
    }
    print(String(format: "host: full sampler tick (sample, rates, history, snapshot) %.2f µs", tick))
    if sink == 42 { print("") } // keeps the work observable
}

/// Mean µs per call of `body` over `iterations` calls.
func microsecondsPerIteration(_ iterations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<iterations { body() }
    return start.duration(to: clock.now).seconds * 1e6 / Double(iterations)
}
