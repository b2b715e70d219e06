/// Reads every host file under a root directory (`/` or a fixture tree holding `proc/` and `sys/`).
///
/// The files stay open between samples. proc/stat is required; every other file is optional and, when absent,
/// leaves its section of the sample nil with a line in `notes`.
public struct HostReader: Sendable {
    /// The root directory the files are read under.
    public let root: String
    /// One line per optional file that is missing, for the snapshot's notes.
    public let notes: [String]

    private let stat: ProcReader<CPUStatParser>
    private let meminfo: ProcReader<MemInfoParser>?
    private let cgroup: CgroupMemoryReader?
    private let disks: DiskReader?
    private let netdev: ProcReader<NetDevParser>?
    private let loadavg: ProcReader<LoadAvgParser>?
    private let pressure: PressureReader?
    private let cgroupCPU: CgroupCPUReader?
    private let vmstat: ProcReader<VMStatParser>?
    private let sensors: SensorsReader?

    /// Opens the files under `root`; throws when proc/stat is missing or unreadable.
    public init(root: String = "/", diskFilter: DiskFilter = DiskFilter()) throws(HostReadError) {
        self.root = root
        stat = try ProcReader(root: root, relativePath: CPUStatParser.relativePath)
        var notes: [String] = []
        func optional<Reader>(_ relativePath: String, section: String,
                              _ open: () throws(HostReadError) -> Reader) throws(HostReadError) -> Reader? {
            do {
                return try open()
            } catch .missing {
                notes.append("\(HostPath.join(root, relativePath)) not found: \(section) section left empty")
                return nil
            }
        }
        meminfo = try optional(MemInfoParser.relativePath, section: "memory") { () throws(HostReadError) in
            try ProcReader(root: root, relativePath: MemInfoParser.relativePath)
        }
        disks = try optional(DiskStatsParser.relativePath, section: "disk") { () throws(HostReadError) in
            try DiskReader(root: root, filter: diskFilter)
        }
        netdev = try optional(NetDevParser.relativePath, section: "network") { () throws(HostReadError) in
            try ProcReader(root: root, relativePath: NetDevParser.relativePath)
        }
        loadavg = try optional(LoadAvgParser.relativePath, section: "load") { () throws(HostReadError) in
            try ProcReader(root: root, relativePath: LoadAvgParser.relativePath)
        }
        // Outside a cgroup v2 container these files are simply absent: nothing to note.
        cgroup = try? CgroupMemoryReader(root: root)
        // Sources that many machines lack (PSI, the cgroup CPU controller, sensors): absent means nothing to show.
        pressure = PressureReader(root: root)
        cgroupCPU = try? CgroupCPUReader(root: root)
        vmstat = try? ProcReader(root: root, relativePath: VMStatParser.relativePath)
        sensors = SensorsReader(root: root)
        self.notes = notes
    }

    /// Reads every open file once.
    public func sample() throws(HostReadError) -> HostSample {
        // The optional sources never fail the sample: a malformed one is left out of this tick.
        HostSample(cpu: try stat.read(), memory: try meminfo?.read(), cgroupMemory: try cgroup?.read(),
                   disks: try disks?.read(), interfaces: try netdev?.read(), load: try loadavg?.read(),
                   pressure: try? pressure?.read(), cgroupCPU: try? cgroupCPU?.read(), swap: try? vmstat?.read(),
                   sensors: sensors?.read())
    }
}
