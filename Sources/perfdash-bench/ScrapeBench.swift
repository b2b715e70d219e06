import Dispatch
import Foundation
import PerfdashCore
import Synchronization

/// `perfdash-bench scrape [SERIES]`: snapshot lateness with a big service. A loopback server exposes the
/// 100,000-series exposition of Tests/Fixtures/exposition/gen_exposition.py; perfdash scrapes it every second while
/// taking 1 s snapshots (each encoded as JSON, as `perfdash snapshot` does), and prints how late each snapshot was
/// against its grid point, next to the same run without the service (the anchor). Target: the service adds no
/// lateness that matters — snapshots stay on their 1 s grid.
func runScrapeBench(arguments: [String]) throws {
    let series = arguments.first.flatMap(Int.init) ?? 100_000
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    generator.arguments = ["python3", "Tests/Fixtures/exposition/gen_exposition.py", String(series)]
    let pipe = Pipe()
    generator.standardOutput = pipe
    try generator.run()
    let body = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
    generator.waitUntilExit()
    let server = try ScrapeServer(body: body)
    let service = try QuickServiceFlag.scrape("big=http://127.0.0.1:\(server.port)/metrics")
    print("scrape: \(body.count / 1024) KiB, \(series) series served on 127.0.0.1:\(server.port)")

    let anchor = try lateness(services: [], snapshots: 8)
    let loaded = try lateness(services: [service], snapshots: 20)
    print("scrape: snapshot lateness over \(loaded.late.count) 1 s ticks with the service: "
          + describe(loaded.late) + "; without it (anchor, same run): " + describe(anchor.late))
    print(String(format: "scrape: each scrape (fetch + parse + derive) %.0f ms, off the tick path; "
                 + "series seen %d; target: lateness p95 under 50 ms", loaded.scrapeMilliseconds, loaded.seriesCount))
}

private struct Lateness: Sendable {
    var late: [Double] = []
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

/// Runs `perfdash snapshot`'s loop for `snapshots` ticks at 1 s and measures when each encoded snapshot was ready.
private func lateness(services: [ServiceConfig], snapshots: Int) throws -> Lateness {
    let reader = try HostReader(root: "/")
    let interval = Duration.seconds(1)
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
        _ = try? await loop.run(&monitor, count: snapshots) { snapshot in
            index += 1
            _ = try SnapshotJSON.encode(snapshot, pretty: true)
            let late = (origin.duration(to: clock.now) - interval * index).seconds
            let report = snapshot.services?.first
            result.withLock {
                $0.late.append(max(0, late))
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
