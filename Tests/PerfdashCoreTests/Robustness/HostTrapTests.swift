import Testing
@testable import PerfdashCore

/// Hostile /proc contents (issue 8, cases 2–4, and the families they stand for): each parser and the rate arithmetic
/// saturate or refuse, never trap.
@Suite struct HostTrapTests {
    /// A core number past 2^22 is not a CPU line: refused with the line, not overflowed.
    @Test(arguments: ["cpu99999999999999999999 1 1 1 1", "cpu4194305 1 1 1 1", "cpux 1 1 1 1"])
    func hugeCoreNumbersAreRefused(line: String) {
        #expect(throws: HostReadError.malformed(path: "proc/stat", line: 2,
                                                message: "'\(line.split(separator: " ")[0])' is not a CPU label")) {
            try CPUStatParser.parse("cpu 1 2 3 4\n" + line + "\n")
        }
    }

    @Test func theHighestCoreNumberIsRead() throws {
        let stat = try CPUStatParser.parse("cpu 1 2 3 4\ncpu4194304 1 2 3 4\n")
        #expect(stat.cores.map(\.id) == [4_194_304])
    }

    /// Task counts past Int.max (the kernel's are 32-bit, a corrupt file's are not) saturate.
    @Test func loadavgTaskCountsSaturate() throws {
        let load = try LoadAvgParser.parse("0.1 0.2 0.3 1/9223372036854775808 1\n")
        #expect(load.tasksTotal == Int.max)
        #expect(load.tasksRunning == 1)
        let both = try LoadAvgParser.parse("0.1 0.2 0.3 18446744073709551615/18446744073709551615 1\n")
        #expect(both.tasksRunning == Int.max && both.tasksTotal == Int.max)
    }

    /// Cached + SReclaimable of 2^53 kB each is 2^64 bytes: the sum saturates at UInt64.max.
    @Test func meminfoSumsSaturate() throws {
        let text = "MemTotal: 100 kB\nMemAvailable: 50 kB\nCached: 9007199254740992 kB\nSReclaimable: 9007199254740992 kB\n"
        let info = try MemInfoParser.parse(text)
        #expect(info.cachedBytes == UInt64(9_007_199_254_740_992) * 1024)
        let memory = HostRates.memory(info, cgroup: nil)
        #expect(memory.cachedBytes == UInt64.max)
        #expect(memory.usedBytes == 50 * 1024)
    }

    /// A kB value whose byte count does not fit saturates (it used to wrap to a small number).
    @Test func meminfoKilobytesSaturate() throws {
        let info = try MemInfoParser.parse("MemTotal: 18014398509481984 kB\nMemFree: 1 kB\nBuffers: 18014398509481984 kB\n")
        #expect(info.totalBytes == UInt64.max)
        // No MemAvailable: free + buffers + cached, saturated.
        #expect(info.availableBytes == UInt64.max)
    }

    /// CPU counters near UInt64.max in every field: the shares stay within 0…100.
    @Test func cpuSharesOfHugeCountersStayInRange() {
        let huge = CPUTimes(user: .max, nice: .max, system: .max, idle: .max, iowait: .max, irq: .max, softirq: .max,
                            steal: .max)
        let shares = HostRates.shares(from: CPUTimes(), to: huge)
        for value in [shares.busyPercent, shares.userPercent, shares.systemPercent, shares.iowaitPercent,
                      shares.stealPercent] {
            #expect(value >= 0 && value <= 100)
        }
        // user + nice saturate to the same total as everything: 100 % user, and busy = total − (idle + iowait) = 0.
        #expect(shares.userPercent == 100)
        #expect(shares.busyPercent == 0)
    }

    /// Disk and network counters over a nanosecond: huge but finite rates.
    @Test func ratesOverATinyIntervalAreFinite() throws {
        let disks = try DiskStatsParser.parse("   8 0 sda 0 0 0 0 0 0 0 0 0 0 0\n")
        let later = try DiskStatsParser.parse("   8 0 sda 18446744073709551615 0 18446744073709551615 0 0 0 0 0 0 18446744073709551615 0\n")
        let reading = HostRates.disks(from: disks, to: later, seconds: 1e-9)
        #expect(reading.total.readBytesPerSecond.isFinite)
        #expect(reading.devices[0].utilPercent == 100)
    }
}
