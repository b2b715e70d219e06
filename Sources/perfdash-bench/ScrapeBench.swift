import Dispatch
import Foundation
import PerfdashCore
import Synchronization

/// `perfdash-bench scrape [SERIES]`: snapshot lateness with a big service. A loopback server exposes the
/// 100,000-series exposition of Tests/Fixtures/exposition/gen_exposition.py; perfdash scrapes it every second while
/// taking 1 s snapshots (each encoded as JSON through the stream `perfdash snapshot --format json` writes with, which
/// keeps the `stats` key order while the series do not change), and prints how late each snapshot was
/// against its grid point, next to the same run without the service (the anchor). Target: the service adds no
/// lateness that matters — snapshots stay on their 1 s grid.
///
/// `perfdash-bench scrape queues N` serves N distinct queues instead (every one a row of the snapshot) and ticks
/// every 250 ms: the 8,000-queue service, whose derivation used to run on the tick.
func runScrapeBench(arguments: [String]) throws {
    let body: [UInt8]
    let interval: Duration
    let what: String
    if arguments.first == "queues" {
        let count = arguments.dropFirst().first.flatMap(Int.init) ?? 8_000
        var text = "# TYPE queue_depth gauge\n"
        for index in 0..<count { text += "queue_depth{queue=\"q\(index)\"} \(index % 977)\n" }
        body = Array(text.utf8)
        interval = .milliseconds(250)
        what = "\(count) distinct queues"
    } else {
        let series = arguments.first.flatMap(Int.init) ?? 100_000
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", "Tests/Fixtures/exposition/gen_exposition.py", String(series)]
        let pipe = Pipe()
        generator.standardOutput = pipe
        try generator.run()
        body = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
        generator.waitUntilExit()
        interval = .seconds(1)
        what = "\(series) series"
    }
    let server = try ScrapeServer(body: body)
    let service = try QuickServiceFlag.scrape("big=http://127.0.0.1:\(server.port)/metrics")
    print("scrape: \(body.count / 1024) KiB, \(what) served on 127.0.0.1:\(server.port)")

    let anchor = try lateness(services: [], snapshots: 8, interval: interval)
    let loaded = try lateness(services: [service], snapshots: 20, interval: interval)
    print("scrape: snapshot lateness over \(loaded.late.count) \(interval) ticks with the service: "
          + describe(loaded.late) + "; without it (anchor, same run): " + describe(anchor.late))
    print("scrape: of which JSON encoding per snapshot: " + describe(loaded.encode) + "; anchor: "
          + describe(anchor.encode))
    let sorted = loaded.late.sorted()
    let p95 = sorted.isEmpty ? .infinity : sorted[min(sorted.count - 1, Int((0.95 * Double(sorted.count - 1)).rounded()))]
    print(p95 < 0.05 ? String(format: "scrape: on the grid (lateness p95 %.1f ms < 50 ms)", p95 * 1000)
                     : String(format: "scrape: LATE: lateness p95 %.1f ms, max %.1f ms (target p95 < 50 ms)",
                              p95 * 1000, (sorted.last ?? .infinity) * 1000))
    print(String(format: "scrape: each scrape (fetch + parse + derive) %.0f ms, off the tick path; "
                 + "series seen %d; target: lateness p95 under 50 ms", loaded.scrapeMilliseconds, loaded.seriesCount))
}

private struct Lateness: Sendable {
    var late: [Double] = []
    /// Seconds spent encoding each snapshot as JSON (part of its lateness).
    var encode: [Double] = []
    var scrapeMilliseconds = 0.0
    var seriesCount = 0
}

/// Milliseconds "p50 x, p95 y, max z".
private func describe(_ values: [Double]) -> String {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return "no snapshots" }
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))] }
    return String(format: "p50 %.1f ms, p95 %.1f ms, max %.1f ms", at(0.5) * 1000, at(0.95) * 1000,
                  sorted.last! * 1000)
}

/// Runs `perfdash snapshot`'s loop for `snapshots` ticks and measures when each encoded snapshot was ready.
private func lateness(services: [ServiceConfig], snapshots: Int, interval: Duration) throws -> Lateness {
    let reader = try HostReader(root: "/")
    let result = Mutex(Lateness())
    let done = DispatchSemaphore(value: 0)
    Task {
        let collector = services.isEmpty ? nil : ServiceCollector(services: services, interval: interval)
        let scraping = collector?.start()
        var monitor = LiveMonitor(monitor: Monitor(sampler: Sampler(reader: reader,
                                                                    configuration: SamplerConfiguration(interval: interval))),
                                  services: collector)
        let clock = ContinuousClock()
        let loop = SamplingLoop(clock: clock, interval: interval)
        let origin = clock.now
        var index = 0
        var stream = SnapshotStream(format: .json, single: false)
        _ = try? await loop.run(&monitor, count: snapshots) { snapshot in
            index += 1
            let encodeStart = clock.now
            _ = stream.recordBytes(snapshot)
            let encode = encodeStart.duration(to: clock.now).seconds
            let late = (origin.duration(to: clock.now) - interval * index).seconds
            let report = snapshot.services?.first
            result.withLock {
                $0.late.append(max(0, late))
                $0.encode.append(encode)
                if let duration = report?.scrapeDurationSeconds { $0.scrapeMilliseconds = duration * 1000 }
                if let count = report?.seriesCount { $0.seriesCount = count }
            }
        }
        scraping?.cancel()
        done.signal()
    }
    done.wait()
    return result.withLock { $0 }
}
