import Testing
@testable import PerfdashCore

/// Tests/Fixtures/host/ordinary: 4 cores, sda (+ 2 partitions), nvme0n1 (+ 1 partition), loop0, dm-0;
/// lo, eth0, docker0, veth1a2b, wlan0. The readings are 2 s apart.
@Suite struct OrdinaryMachineTests {
    let reading: HostReading

    init() throws {
        reading = try HostFixture.reading("ordinary", elapsed: .seconds(2))
    }

    @Test func aggregateCPU() {
        // Δ user 200, nice 20, system 60, idle 440, iowait 40, irq 10, softirq 10, steal 20, guest 50 (inside user,
        // not added). Δtotal = 200+20+60+440+40+10+10+20 = 800, Δidle = 440+40 = 480.
        // busy = 100·(800−480)/800 = 40; user = (200+20)/800 = 27.5; system = (60+10+10)/800 = 10;
        // iowait = 40/800 = 5; steal = 20/800 = 2.5.
        #expect(reading.cpu.total == CPUShares(busyPercent: 40, userPercent: 27.5, systemPercent: 10,
                                               iowaitPercent: 5, stealPercent: 2.5))
    }

    @Test(arguments: [
        // cpu0: Δ user 100, system 20, idle 70, iowait 10 → total 200, busy (200−80)/200 = 60, user 50, sys 10, io 5.
        (0, CPUShares(busyPercent: 60, userPercent: 50, systemPercent: 10, iowaitPercent: 5, stealPercent: 0)),
        // cpu1: Δ user 50, nice 20, system 20, idle 100, iowait 10 → busy (200−110)/200 = 45, user 35.
        (1, CPUShares(busyPercent: 45, userPercent: 35, systemPercent: 10, iowaitPercent: 5, stealPercent: 0)),
        // cpu2: Δ user 40, system 10, irq 5, softirq 5, idle 130, iowait 10 → busy 30, system (10+5+5)/200 = 10.
        (2, CPUShares(busyPercent: 30, userPercent: 20, systemPercent: 10, iowaitPercent: 5, stealPercent: 0)),
        // cpu3: Δ user 10, system 10, irq 5, softirq 5, steal 20, idle 140, iowait 10 → busy 25, steal 10.
        (3, CPUShares(busyPercent: 25, userPercent: 5, systemPercent: 10, iowaitPercent: 5, stealPercent: 10)),
    ])
    func perCore(core: Int, expected: CPUShares) {
        #expect(reading.cpu.cores.map(\.id) == [0, 1, 2, 3])
        #expect(reading.cpu.cores[core].shares == expected)
    }

    @Test func memory() throws {
        // MemTotal 16384000 kB, MemAvailable 10240000 kB → used 6144000 kB = 6291456000 B, 37.5 %.
        // cached = Cached 5120000 + SReclaimable 384000 − Shmem 256000 = 5248000 kB = 5373952000 B.
        // swap used = 2048000 − 1536000 = 512000 kB = 524288000 B, 25 %.
        let memory = try #require(reading.memory)
        #expect(memory.totalBytes == 16_777_216_000)
        #expect(memory.usedBytes == 6_291_456_000)
        #expect(memory.usedPercent == 37.5)
        #expect(memory.availableBytes == 10_485_760_000)
        #expect(memory.cachedBytes == 5_373_952_000)
        #expect(memory.buffersBytes == 524_288_000)
        #expect(memory.swapUsedBytes == 524_288_000)
        #expect(memory.swapUsedPercent == 25)
        #expect(memory.cgroup == nil)
    }

    @Test func wholeDisksOnly() throws {
        // sda1, sda2, nvme0n1p1 have no sys/block entry; loop0 is pseudo; dm-0 is stacked (off by default).
        let disks = try #require(reading.disks)
        #expect(disks.devices.map(\.name) == ["sda", "nvme0n1"])
    }

    @Test func diskRates() throws {
        // sda over 2 s: Δreads 200 → 100/s; Δsectors read 4096·512 B/2 s = 1048576 B/s; Δwrites 100 → 50/s;
        // Δsectors written 2048·512/2 = 524288 B/s; Δio_ticks 500 ms / 2000 ms = 25 %.
        // nvme0n1: Δreads 1000 → 500/s; 20480·512/2 = 5242880 B/s; Δwrites 400 → 200/s; 8192·512/2 = 2097152 B/s;
        // Δio_ticks 1500 / 2000 = 75 %.
        let disks = try #require(reading.disks)
        #expect(disks.devices[0] == DiskRates(name: "sda", readBytesPerSecond: 1_048_576, writeBytesPerSecond: 524_288,
                                              readIops: 100, writeIops: 50, utilPercent: 25))
        #expect(disks.devices[1] == DiskRates(name: "nvme0n1", readBytesPerSecond: 5_242_880,
                                              writeBytesPerSecond: 2_097_152, readIops: 500, writeIops: 200,
                                              utilPercent: 75))
        // Total: sums, and util is the mean (25 + 75) / 2 = 50.
        #expect(disks.total == DiskRates(name: "total", readBytesPerSecond: 6_291_456, writeBytesPerSecond: 2_621_440,
                                         readIops: 600, writeIops: 250, utilPercent: 50))
    }

    @Test func stackedDisksAreListedButNotTotalled() throws {
        // dm-0: Δreads 200 → 100/s; Δsectors 4096 → 1048576 B/s; Δio_ticks 500 → 25 %. The total is unchanged.
        let disks = try #require(
            try HostFixture.reading("ordinary", elapsed: .seconds(2), diskFilter: DiskFilter(includeStacked: true)).disks)
        #expect(disks.devices.map(\.name) == ["sda", "nvme0n1", "dm-0"])
        #expect(disks.devices[2].readBytesPerSecond == 1_048_576)
        #expect(disks.devices[2].utilPercent == 25)
        #expect(disks.total.readBytesPerSecond == 6_291_456)
    }

    @Test func networkRates() throws {
        // eth0 over 2 s: rx 2000000 B → 1000000 B/s, 1000 packets → 500/s, errs 4 → 2/s, drops 2 → 1/s;
        // tx 1000000 B → 500000 B/s, 600 packets → 300/s. wlan0 (name touching its first counter):
        // rx 400000 → 200000 B/s, 400 → 200/s; tx 200000 → 100000 B/s, 200 → 100/s.
        let network = try #require(reading.network)
        #expect(network.interfaces.map(\.name) == ["lo", "eth0", "docker0", "veth1a2b", "wlan0"])
        let eth0 = network.interfaces[1]
        #expect(eth0 == InterfaceRates(name: "eth0", rxBytesPerSecond: 1_000_000, txBytesPerSecond: 500_000,
                                       rxPacketsPerSecond: 500, txPacketsPerSecond: 300, rxErrorsPerSecond: 2,
                                       txErrorsPerSecond: 0, rxDropsPerSecond: 1, txDropsPerSecond: 0))
        // Total without lo, docker0, veth1a2b: eth0 + wlan0 = rx 1200000 B/s, tx 600000, packets 700 / 400.
        #expect(network.total == InterfaceRates(name: "total", rxBytesPerSecond: 1_200_000, txBytesPerSecond: 600_000,
                                                rxPacketsPerSecond: 700, txPacketsPerSecond: 400, rxErrorsPerSecond: 2,
                                                txErrorsPerSecond: 0, rxDropsPerSecond: 1, txDropsPerSecond: 0))
    }

    @Test func networkFilterOption() throws {
        // Excluding nothing adds lo (10000 B/s), docker0 and veth1a2b (50000 B/s each):
        // 1200000 + 10000 + 50000 + 50000 = 1310000 B/s.
        let all = try HostFixture.reading("ordinary", elapsed: .seconds(2), networkTotal: InterfaceFilter(parsing: ""))
        #expect(all.network?.total.rxBytesPerSecond == 1_310_000)
        // Excluding only wl*: lo + eth0 + docker0 + veth = 10000 + 1000000 + 50000 + 50000 = 1110000.
        let noWireless = try HostFixture.reading("ordinary", elapsed: .seconds(2),
                                                 networkTotal: InterfaceFilter(parsing: "wl*"))
        #expect(noWireless.network?.total.rxBytesPerSecond == 1_110_000)
    }

    @Test func ratesDivideByTheMeasuredElapsedTime() throws {
        // The same counters 4 s apart instead of 2: every rate halves (sda reads 200 / 4 = 50/s).
        let slow = try HostFixture.reading("ordinary", elapsed: .seconds(4))
        #expect(slow.disks?.devices[0].readIops == 50)
        #expect(slow.network?.interfaces[1].rxBytesPerSecond == 500_000)
        #expect(slow.cpu.total.busyPercent == 40) // shares do not depend on time
    }

    @Test func loadAndTasks() {
        #expect(reading.load == LoadAverage(oneMinute: 1.25, fiveMinutes: 0.75, fifteenMinutes: 0.5,
                                            tasksRunning: 3, tasksTotal: 412))
    }
}
