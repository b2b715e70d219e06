import PerfdashCore
#if canImport(Glibc)
import Glibc
#endif

/// CPU per headless tick (sample, rates, history, statistics, encoding and the write to /dev/null) for each
/// format, next to node_exporter's CPU per scrape of the same collectors, measured in the same run.
/// Target: tick ≤ 0.05× node_exporter's scrape. Measured twice: with the same collectors as node_exporter
/// (`--no-processes`: host, pressure, filesystems, sensors), the comparison the target is about, and as
/// `perfdash snapshot` runs by default, with the process table (a collector node_exporter's run does not have).
func headlessBenchmark(only: [String] = []) throws {
    let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
    defer { _ = close(null) }
    var results: [(String, Double)] = []
    let runs: [(SnapshotFormat, SnapshotCSVLayout, Bool)] = [
        (.ndjson, .wide, false), (.json, .wide, false), (.csv, .wide, false), (.csv, .long, false),
        (.prometheus, .wide, false), (.ndjson, .wide, true), (.csv, .wide, true),
    ]
    for (format, layout, processes) in runs {
        // Variants by name (`csv-wide`, `ndjson-processes`…): a profile of one of them.
        let variant = (format == .csv ? "csv-\(layout.rawValue)" : format.rawValue) + (processes ? "-processes" : "")
        guard only.isEmpty || only.contains(variant) else { continue }
        var configuration = SamplerConfiguration(interval: .milliseconds(10),
                                                 processes: ProcessTableOptions(enabled: processes))
        // As `perfdash snapshot` does: the wide CSV has no place for window statistics.
        configuration.windowStatistics = !(format == .csv && layout == .wide)
        var monitor = Monitor(sampler: Sampler(reader: try HostReader(root: "/"), configuration: configuration))
        var stream = SnapshotStream(format: format, single: false, csvLayout: layout)
        let clock = ContinuousClock()
        let origin = clock.now
        func tick() {
            let time = SampleTime(monotonic: origin.duration(to: clock.now), unixMilliseconds: 1_795_312_940_989)
            guard let snapshot = try? monitor.tick(at: time) else { return }
            let bytes = stream.recordBytes(snapshot)
            _ = bytes.withUnsafeBytes { write(null, $0.baseAddress, $0.count) }
        }
        func measure(_ ticks: Int) -> Double {
            let start = threadCPUNanoseconds()
            for _ in 0..<ticks { tick() }
            return Double(threadCPUNanoseconds() - start) / Double(ticks) / 1000
        }
        // Fewer ticks with the process table: each reads every /proc/PID.
        let ticks = processes ? 300 : 3000
        for _ in 0..<(ticks / 15) { tick() } // prime, fill the caches
        let name = format == .csv ? "csv (\(layout.rawValue))" : format.rawValue
        let filling = measure(ticks)
        results.append((name + (processes ? ", with the process table" : ", 1 m window filling"), filling))
        guard !processes else { continue }
        // A run past its first minute: the 1 m window (6,000 samples at 10 ms) is full, and a series whose value
        // does not move keeps its statistics from the tick before.
        let capacity = StatsWindow.oneMinute.capacity(at: configuration.interval)
        for _ in 0..<max(0, capacity - ticks - ticks / 15) { tick() }
        results.append((name + ", 1 m window full", measure(ticks)))
    }
    let scrape = try NodeExporterProbe.cpuMicrosecondsPerScrape(scrapes: 300)
    for (name, micros) in results {
        let anchor = scrape.map { String(format: ", node_exporter scrape %.0f µs, ratio %.3f× (target ≤ 0.05×)", $0,
                                         micros / $0) } ?? " (node_exporter not found: no anchor)"
        print(String(format: "headless: tick + %@ %.1f µs CPU", name, micros) + anchor)
    }
}

/// CPU time of the calling thread.
func threadCPUNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

/// Starts prometheus-node-exporter on loopback with the collectors of the files a headless tick reads, scrapes it,
/// and reads its CPU time from its threads' schedstat (nanoseconds).
enum NodeExporterProbe {
    static func cpuMicrosecondsPerScrape(scrapes: Int) throws -> Double? {
        let candidates: [String] = ["/usr/bin/prometheus-node-exporter", "/usr/local/bin/node_exporter"]
        guard let binary = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        let port = freePort()
        // The collectors of what a headless tick reads: /proc/stat (cpu, stat), meminfo, loadavg, diskstats,
        // net/dev, vmstat, pressure, the filesystems' statfs and hwmon's sensors.
        let collectors = ["cpu", "stat", "meminfo", "loadavg", "diskstats", "netdev", "vmstat", "pressure",
                          "filesystem", "hwmon"]
        let arguments = [binary, "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults"]
            + collectors.map { "--collector.\($0)" } + ["--log.level=error"]
        var pid: pid_t = 0
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, binary, nil, nil, &argv, environ) == 0 else { return nil }
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while scrape(port: port) == nil {
            guard ContinuousClock.now < deadline else { return nil }
            usleep(20_000)
        }
        for _ in 0..<10 { _ = scrape(port: port) }
        let before = cpuNanoseconds(of: pid)
        for _ in 0..<scrapes { _ = scrape(port: port) }
        return Double(cpuNanoseconds(of: pid) - before) / Double(scrapes) / 1000
    }

    /// Sum of the first field of /proc/PID/task/*/schedstat: time on CPU, in ns.
    static func cpuNanoseconds(of pid: pid_t) -> Int64 {
        guard let directory = opendir("/proc/\(pid)/task") else { return 0 }
        defer { closedir(directory) }
        var total: Int64 = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.first?.isNumber == true else { continue }
            total += Int64(readFile("/proc/\(pid)/task/\(name)/schedstat").split(separator: " ").first ?? "") ?? 0
        }
        return total
    }

    static func readFile(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { _ = close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { _ = close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    /// One GET /metrics; the body's size, or nil when nothing answers.
    static func scrape(port: Int) -> Int? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { _ = close(socket) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            total += count
        }
        return total
    }
}
