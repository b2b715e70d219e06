/// The dashboard's panels; the raw value of a numbered panel is its key.
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, services, autoscaler
    case alerts = 9
    /// The advisor's findings, on key `a`.
    case findings = 10
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
        case .help: "Help"
        }
    }

    /// A shorter name for tab bars that do not fit the full names.
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

    /// The key that shows the panel, as the tab bar writes it: `1`…`9`, `a`, `?`.
    public var key: String {
        switch self {
        case .findings: "a"
        case .help: "?"
        default: String(rawValue)
        }
    }
}
