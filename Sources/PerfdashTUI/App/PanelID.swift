/// The dashboard's panels, numbered as their keys.
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, services, autoscaler
    /// The fleet from a Prometheus server (key 0).
    case fleet = 0
    case help = 8

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
        case .services: "Svcs"
        case .autoscaler: "Scale"
        default: name
        }
    }

    /// The panel `offset` places after this one in the tab order (negative: before), wrapping round.
    func advanced(by offset: Int) -> PanelID {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + offset) % all.count + all.count) % all.count]
    }
}
