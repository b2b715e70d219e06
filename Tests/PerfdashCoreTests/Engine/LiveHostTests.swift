import Testing
@testable import PerfdashCore

/// The readers against this machine's real /proc: the numbers must be in range, the files must parse.
@Suite struct LiveHostTests {
    @Test func realProcParsesAndGivesSaneShares() throws {
        let reader = try HostReader(root: "/")
        let first = try reader.sample()
        let second = try reader.sample()
        let reading = HostRates.compute(from: first, to: second, elapsed: .milliseconds(5))
        #expect(!second.cpu.cores.isEmpty)
        #expect((0...100).contains(reading.cpu.total.busyPercent))
        let memory = try #require(reading.memory)
        #expect(memory.totalBytes > 0)
        #expect(memory.usedBytes <= memory.totalBytes)
        #expect(reading.load != nil)
        #expect(reading.network?.interfaces.contains { $0.name == "lo" } == true)
    }
}
