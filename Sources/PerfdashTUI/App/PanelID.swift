/// The dashboard's panels, numbered as their keys, in tab order.
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, processes, services, autoscaler
    /// Help has no number: `?`, `h` or F1 open it (it is still in the Tab cycle).
    case help = 99

    /// The name in the tab bar.
    public var name: String {
        switch self {
        case .overview: "Overview"
        case .cpu: "CPU"
        case .memory: "Memory"
        case .disk: "Disk"
        case .network: "Network"
        case .processes: "Processes"
        case .services: "Services"
        case .autoscaler: "Autoscaler"
        case .help: "Help"
        }
    }

    /// The name on a narrow screen's tab bar.
    public var shortName: String {
        switch self {
        case .memory: "Mem"
        case .network: "Net"
        case .processes: "Procs"
        case .services: "Svc"
        case .autoscaler: "Scale"
        default: name
        }
    }

    /// The key that shows the panel, as the tab bar and the help write it.
    public var key: String { self == .help ? "?" : String(rawValue % 10) }

    /// The panel a number key shows; nil for a number no panel has.
    public static func numbered(_ n: Int) -> PanelID? {
        allCases.first { $0 != .help && $0.rawValue % 10 == n }
    }

    /// The panel `offset` steps away in tab order, wrapping around.
    public func advanced(by offset: Int) -> PanelID {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + offset) % all.count + all.count) % all.count]
    }

    /// "1 … 8": the number keys that show a panel, for the help.
    public static var numberRange: String {
        let keys = allCases.filter { $0 != .help }.map(\.key)
        return keys.count > 1 ? "\(keys.first!) … \(keys.last!)" : keys.first ?? ""
    }
}
