import Testing
@testable import PerfdashCore

/// Each parser on bad input: a `.malformed` error naming the file and the line, never a crash.
@Suite struct ParserTests {
    @Test(arguments: [
        ("cpu  1 2 3\n", 1, "expected at least 4 counters, found 3 in 'cpu  1 2 3'"),
        ("cpu  1 2 3 4\ncpu0 1 2 x 4\n", 2, "field 3 is not a counter in 'cpu0 1 2 x 4'"),
        ("cpu  1 2 3 99999999999999999999999\n", 1,
         "field 4 is not a counter in 'cpu  1 2 3 99999999999999999999999'"),
        ("intr 1 2 3\n", 1, "expected the aggregate 'cpu' line"),
        ("", 1, "expected the aggregate 'cpu' line"),
    ])
    func badStat(text: String, line: Int, message: String) {
        #expect(throws: HostReadError.malformed(path: "proc/stat", line: line, message: message)) {
            try CPUStatParser.parse(text)
        }
    }

    @Test(arguments: [
        ("MemTotal: 100 kB\nMemFree 50 kB\n", 2, "expected 'Key: value', found 'MemFree 50 kB'"),
        ("MemTotal: 100 kB\nMemFree: lots kB\n", 2, "expected a number in 'MemFree: lots kB'"),
        ("MemTotal: 100 MB\n", 1, "unknown unit 'MB' (expected kB)"),
        ("MemFree: 100 kB\n", 2, "no MemTotal line"),
    ])
    func badMeminfo(text: String, line: Int, message: String) {
        #expect(throws: HostReadError.malformed(path: "proc/meminfo", line: line, message: message)) {
            try MemInfoParser.parse(text)
        }
    }

    @Test(arguments: [
        ("   8 0 sda 1 2 3 4 5 6 7 8 9 10\n", 1, "expected at least 11 counters for 'sda', found 10"),
        ("   8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n   8 1 sda1 1 2 -3 4 5 6 7 8 9 10 11\n", 2,
         "field 6 of 'sda1' is not a counter"),
        ("oops\n", 1, "expected 'major minor name counters…', found 'oops'"),
    ])
    func badDiskstats(text: String, line: Int, message: String) {
        #expect(throws: HostReadError.malformed(path: "proc/diskstats", line: line, message: message)) {
            try DiskStatsParser.parse(text)
        }
    }

    @Test(arguments: [
        ("  eth0 1 2 3\n", 1, "expected 'interface: counters…', found '  eth0 1 2 3'"),
        ("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n", 1, "field 16 of 'eth0' is missing or not a counter"),
    ])
    func badNetDev(text: String, line: Int, message: String) {
        #expect(throws: HostReadError.malformed(path: "proc/net/dev", line: line, message: message)) {
            try NetDevParser.parse(text)
        }
    }

    @Test func badLoadavgAndCgroup() {
        #expect(throws: HostReadError.malformed(
            path: "proc/loadavg", line: 1,
            message: "expected 'load1 load5 load15 running/total pid', found '0.1 0.2 high 1/2 3'")) {
            try LoadAvgParser.parse("0.1 0.2 high 1/2 3\n")
        }
        #expect(throws: HostReadError.malformed(path: "sys/fs/cgroup", line: 1,
                                                message: "expected a byte count or 'max', found 'unlimited'")) {
            try CgroupValueParser.parse("unlimited\n")
        }
    }

    @Test func statOfAnOldKernelWithSevenFields() throws {
        // Kernels before 2.6.11 stop after softirq: the missing steal/guest fields read as 0.
        let stat = try CPUStatParser.parse("cpu  1 2 3 4 5 6 7\ncpu0 1 2 3 4 5 6 7\n")
        #expect(stat.total == CPUTimes(user: 1, nice: 2, system: 3, idle: 4, iowait: 5, irq: 6, softirq: 7))
        #expect(stat.cores.map(\.id) == [0])
    }

    @Test func meminfoWithoutMemAvailableFallsBack() throws {
        // Before Linux 3.14: available = MemFree + Buffers + Cached = (100 + 20 + 30) kB = 153600 B.
        let info = try MemInfoParser.parse("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 20 kB\nCached: 30 kB\n")
        #expect(info.availableBytes == 153_600)
    }

    @Test func loadavgValues() throws {
        #expect(try LoadAvgParser.parse("0.16 0.29 0.13 6/124 8347\n")
                == LoadAverage(oneMinute: 0.16, fiveMinutes: 0.29, fifteenMinutes: 0.13, tasksRunning: 6,
                               tasksTotal: 124))
    }

    @Test(arguments: [
        ("sda1", true), ("sda", false), ("vdb12", true), ("xvda1", true), ("nvme0n1p2", true), ("nvme0n1", false),
        ("mmcblk0p1", true), ("mmcblk0", false), ("sr0", false),
    ])
    func partitionNameRules(name: String, isPartition: Bool) {
        #expect(DiskFilter.looksLikePartition(name) == isPartition)
    }

    @Test(arguments: [
        ("lo", false), ("eth0", true), ("veth9f", false), ("docker0", false), ("br-1a2b", false), ("virbr0", false),
        ("bridge0", true), ("wlan0", true),
    ])
    func defaultNetworkTotalFilter(name: String, included: Bool) {
        #expect(InterfaceFilter.defaultTotal.includes(name) == included)
    }

    @Test func globPatterns() {
        let filter = InterfaceFilter(parsing: " tun?, *vpn* ,")
        #expect(filter.excluded == ["tun?", "*vpn*"])
        #expect(!filter.includes("tun0"))
        #expect(filter.includes("tun10"))
        #expect(!filter.includes("myvpn1"))
        #expect(filter.includes("eth0"))
    }
}
