@testable import PerfdashCore
@testable import PerfdashTUI

/// A small process table with known figures, and the host model with it, filesystems and pressure attached.
enum KnownProcesses {
    static func process(_ pid: Int, parent: Int, user: String, name: String, command: String, state: String = "S",
                        cpu: Double, rss: UInt64, memory: Double, read: Double?, write: Double?, threads: Int = 1)
        -> ProcessReading {
        ProcessReading(pid: pid, parentPid: parent, user: user, uid: user == "root" ? 0 : 1000, name: name,
                       command: command, state: state, cpuPercent: cpu, rssBytes: rss, memoryPercent: memory,
                       readBytesPerSecond: read, writeBytesPerSecond: write, threads: threads,
                       startUnixMs: 1_700_000_000_000)
    }

    /// init (1) → bash (100) → cc1 (42, the busiest), make (77); sshd (200) under init; a kernel thread.
    static let all: [ProcessReading] = [
        process(1, parent: 0, user: "root", name: "systemd", command: "/sbin/init splash", cpu: 0.5,
                rss: 8 << 20, memory: 0.8, read: 2048, write: 4096),
        process(100, parent: 1, user: "alice", name: "bash", command: "-bash", cpu: 0, rss: 4 << 20, memory: 0.4,
                read: 0, write: 0),
        process(42, parent: 100, user: "alice", name: "cc1", command: "/usr/lib/gcc/cc1 -O2 main.c", state: "R",
                cpu: 100, rss: 100 << 20, memory: 9.8, read: nil, write: nil, threads: 4),
        process(77, parent: 100, user: "alice", name: "make", command: "make -j2", cpu: 12.5, rss: 2 << 20,
                memory: 0.2, read: 1_048_576, write: 0),
        process(200, parent: 1, user: "root", name: "sshd", command: "sshd: /usr/sbin/sshd -D", cpu: 0,
                rss: 6 << 20, memory: 0.6, read: 0, write: 0),
        process(2, parent: 0, user: "root", name: "kthreadd", command: "[kthreadd]", cpu: 0, rss: 0, memory: 0,
                read: 0, write: 0),
    ]

    static func model() -> DashboardModel {
        var model = KnownHost.model()
        model.processes = all
        model.snapshot?.filesystems = [
            FilesystemReading(device: "/dev/vda", mountPoint: "/", type: "ext4", sizeBytes: 100 << 30,
                              usedBytes: 60 << 30, availableBytes: 35 << 30, usedPercent: 60.0 / 95 * 100,
                              inodesTotal: 1000, inodesUsed: 250, inodesUsedPercent: 25),
            FilesystemReading(device: "tmpfs", mountPoint: "/dev/shm", type: "tmpfs", sizeBytes: 1 << 30,
                              usedBytes: 0, availableBytes: 1 << 30, usedPercent: 0, inodesTotal: 10,
                              inodesUsed: 1, inodesUsedPercent: 10),
        ]
        let figures = PressureFigures(avg10: 12.34, avg60: 3, avg300: 0.5, stallPercent: 25)
        model.snapshot?.pressure = PressureReading(cpu: ResourcePressure(some: figures, full: nil),
                                                   memory: ResourcePressure(some: figures, full: figures), io: nil)
        model.snapshot?.host.swapActivity = SwapActivity(inPagesPerSecond: 100, outPagesPerSecond: 0)
        model.snapshot?.host.cgroupCPU = CgroupCPUReading(limitCores: 1.5, usageCores: 1, throttledPercent: 25,
                                                          throttledSecondsPerSecond: 0.15)
        return model
    }
}
