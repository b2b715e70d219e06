/// The dashboard's panels, numbered as their keys.
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, services, autoscaler, help

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
        case .help: "Help"
        }
    }
}
