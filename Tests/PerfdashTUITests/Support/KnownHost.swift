import PerfdashCore
@testable import PerfdashTUI

/// A host with round numbers, so every figure on screen can be worked out by hand.
enum KnownHost {
    static let gib: UInt64 = 1 << 30
    static let mib: UInt64 = 1 << 20

    static func shares(_ busy: Double, _ user: Double, _ system: Double, _ iowait: Double, _ steal: Double)
        -> CPUShares {
        CPUShares(busyPercent: busy, userPercent: user, systemPercent: system, iowaitPercent: iowait,
                  stealPercent: steal)
    }

    static func interface(_ name: String, rx: Double, tx: Double) -> InterfaceRates {
        InterfaceRates(name: name, rxBytesPerSecond: rx, txBytesPerSecond: tx, rxPacketsPerSecond: 1500,
                       txPacketsPerSecond: 250, rxErrorsPerSecond: 0, txErrorsPerSecond: 0, rxDropsPerSecond: 2,
                       txDropsPerSecond: 0)
    }

    /// 4 cores; busy 50 % (user 35, system 12.5, iowait 2.5); memory 16 GiB with 6 GiB used and an 8 GiB cgroup
    /// limit; disks sda and nvme0n1; interfaces lo and eth0 (lo left out of the total).
    static func host(busy: Double = 50) -> HostReading {
        let cores = [10.0, 20, 80, 60].enumerated().map { CoreReading(id: $0.offset, shares: shares($0.element, 0, 0, 0, 0)) }
        let memory = MemoryReading(
            totalBytes: 16 * gib, usedBytes: 6 * gib, usedPercent: 37.5, availableBytes: 10 * gib, freeBytes: 4 * gib,
            cachedBytes: 5 * gib, buffersBytes: 512 * mib, swapTotalBytes: 2 * gib, swapUsedBytes: 512 * mib,
            swapUsedPercent: 25, cgroup: CgroupMemoryReading(limitBytes: 8 * gib, usedBytes: 6 * gib, usedPercent: 75))
        let sda = DiskRates(name: "sda", readBytesPerSecond: 1_572_864, writeBytesPerSecond: 524_288, readIops: 120,
                            writeIops: 45.5, utilPercent: 12.5)
        let nvme = DiskRates(name: "nvme0n1", readBytesPerSecond: 524_288, writeBytesPerSecond: 0, readIops: 8,
                             writeIops: 0, utilPercent: 1.5)
        let diskTotal = DiskRates(name: "total", readBytesPerSecond: 2_097_152, writeBytesPerSecond: 524_288,
                                  readIops: 128, writeIops: 45.5, utilPercent: 7)
        let lo = interface("lo", rx: 4096, tx: 4096)
        let eth0 = interface("eth0", rx: 2_097_152, tx: 262_144)
        return HostReading(
            cpu: CPUReading(total: shares(busy, 35, 12.5, 2.5, 0), cores: cores), memory: memory,
            disks: DisksReading(devices: [sda, nvme], total: diskTotal),
            network: NetworkReading(interfaces: [lo, eth0], total: interface("total", rx: 2_097_152, tx: 262_144),
                                    totalExcludes: InterfaceFilter.defaultTotal.excluded),
            load: LoadAverage(oneMinute: 1.25, fiveMinutes: 0.75, fifteenMinutes: 0.5, tasksRunning: 3,
                              tasksTotal: 412))
    }

    /// Five ticks with cpu busy 15, 20, 35, 40, 50 %: avg 32 %, p95 48 %, p99 49.6 % (DESIGN.md's example:
    /// rank 0.95·4 = 3.8 → 40 + 0.8·10; rank 0.99·4 = 3.96 → 40 + 0.96·10).
    static func model(window: StatsWindow = .oneMinute) -> DashboardModel {
        var history = History(interval: .seconds(1))
        let busy = [15.0, 20, 35, 40, 50]
        for value in busy { history.record(host(busy: value).flatSeries()) }
        let snapshot = Snapshot(timestampUnixMs: 1_700_000_000_000, intervalSeconds: 1, elapsedSeconds: 1,
                                window: window, host: host(), stats: [:], notes: [])
        return DashboardModel.make(snapshot: snapshot, history: history, sequence: busy.count, window: window,
                                   graphLength: 400)
    }

    static func render(_ panel: PanelID, width: Int, height: Int, model: DashboardModel = model(),
                       context: RenderContext = RenderContext(), state: DashboardState? = nil) -> Canvas {
        var s = state ?? DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        s.panel = panel
        return DashboardScreen.render(PanelInput(model: model, state: s, context: context), width: width,
                                      height: height)
    }
}

extension Canvas {
    /// The row holding `needle`, or "" (so a failed lookup fails the `#expect` that uses it, not the test run).
    func line(containing needle: String) -> String {
        lines.first { $0.contains(needle) } ?? ""
    }
}
