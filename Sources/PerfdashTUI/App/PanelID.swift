/// The dashboard's panels in tab order; the raw value of a numbered panel is its key (`0` is Fleet).
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, services, autoscaler
    case alerts = 9
    /// The advisor's findings, on key `a`.
    case findings = 10
    /// The fleet from a Prometheus server, on key `0`.
    case fleet = 0
    /// Help, on `?`, `h` and F1.
    case help = 11

    /// The name in the tab bar.
    public var name: String {
        switch self {
        case .overview: "Overview"
        case .cpu: "CPU"
        case .memory: "Memory"
        case .disk: "Disk"
        case .network: "Network"
        case .services: "Services"
        case .autoscaler: "Autoscaler"
        case .alerts: "Alerts"
        case .findings: "Findings"
        case .fleet: "Fleet"
        case .help: "Help"
        }
    }

    /// The name when the full names do not fit the tab bar (80 columns with every panel).
    public var shortName: String {
        switch self {
        case .overview: "Over"
        case .memory: "Mem"
        case .network: "Net"
        case .services: "Svc"
        case .autoscaler: "Scale"
        case .findings: "Find"
        default: name
        }
    }

    /// The key that shows the panel, as the tab bar writes it: `0`…`9`, `a`, `?`.
    public var key: String {
        switch self {
        case .findings: "a"
        case .help: "?"
        default: String(rawValue)
        }
    }

    /// The panel `offset` places after this one in the tab order (negative: before), wrapping round.
    func advanced(by offset: Int) -> PanelID {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + offset) % all.count + all.count) % all.count]
    }
}
