import Foundation
import Testing
@testable import PerfdashCore

/// `interval = "3s"` in a `[[service]]`: that service keeps its own grid, the others the host's.
@Suite struct ServiceIntervalTests {
    @Test func eachServiceScrapesOnItsOwnInterval() async throws {
        let clock = ManualClock()
        var slow = try QuickServiceFlag.scrape("slow=http://127.0.0.1:9200/metrics")
        slow.interval = .seconds(3)
        let fast = try QuickServiceFlag.scrape("fast=http://127.0.0.1:9100/metrics")
        let sample = ServiceCollectorTests.second
        let collector = ServiceCollector(services: [fast, slow], interval: .seconds(1), targets: [
            ScrapeTarget(name: "fast", source: ServiceCollectorTests.FixedSource(sample: sample), timeout: .seconds(1)),
            ScrapeTarget(name: "slow", source: ServiceCollectorTests.FixedSource(sample: sample), timeout: .seconds(1)),
        ])
        let run = Task { await collector.run(clock: clock, wallClock: { 0 }) }
        defer { run.cancel() }
        func counts() -> [Int] { ["fast", "slow"].map { collector.current.window($0)?.count ?? 0 } }
        await ServiceCollectorTests.until { counts() == [1, 1] }
        #expect(counts() == [1, 1])
        // After each second: fast scrapes every time, slow at 3 s only.
        for expected in [[2, 1], [3, 1], [4, 2]] {
            await clock.waitForSleepers(2)
            clock.advance(by: .seconds(1))
            await ServiceCollectorTests.until { counts() == expected }
            #expect(counts() == expected)
        }
        // The slow service's window holds 15 minutes at its own interval: 301 scrapes, not 901.
        #expect(collector.current.window("slow")?.capacity == 301)
        #expect(collector.current.window("fast")?.capacity == 901)
    }
}
