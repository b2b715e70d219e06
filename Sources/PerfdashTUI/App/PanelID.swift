/// The dashboard's panels in tab order; the raw value of a numbered panel is its key (`0` is Fleet).
public enum PanelID: Int, CaseIterable, Sendable {
    case overview = 1, cpu, memory, disk, network, processes, services, autoscaler, alerts
    /// The advisor's findings, on key `a`.
    case findings = 10
    /// The fleet from a Prometheus server, on key `0`.
    case fleet = 0
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
        case .alerts: "Alerts"
        case .findings: "Findings"
        case .fleet: "Fleet"
        case .help: "Help"
        }
    }

    /// The name when the full names do not fit the tab bar: short enough that every tab fits 80 columns (Help is
    /// its `?` alone).
    public var shortName: String {
        switch self {
        case .overview: "Over"
        case .memory: "Mem"
        case .network: "Net"
        case .processes: "Proc"
        case .services: "Svc"
        case .autoscaler: "Auto"
        case .alerts: "Alert"
        case .findings: "Find"
        case .help: ""
        default: name
        }
    }

    /// The key that shows the panel, as the tab bar and the help write it: `0`…`9`, `a`, `?`.
    public var key: String {
        switch self {
        case .findings: "a"
        case .help: "?"
        default: String(rawValue)
        }
    }

    /// The panel a key's number shows (`0`…`9`, and `10` for Findings' `a`); nil for a number no panel has.
    public static func numbered(_ n: Int) -> PanelID? {
        allCases.first { $0 != .help && $0.rawValue == n }
    }

    /// The panel `offset` steps away in tab order, wrapping around.
    public func advanced(by offset: Int) -> PanelID {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + offset) % all.count + all.count) % all.count]
    }

    /// "1 … 9, 0": the number keys that show a panel, for the help.
    public static var numberRange: String {
        let keys = allCases.filter { (0...9).contains($0.rawValue) }.map(\.rawValue)
        let nonzero = keys.filter { $0 != 0 }
        guard let first = nonzero.min(), let last = nonzero.max() else { return keys.contains(0) ? "0" : "" }
        return (first == last ? "\(first)" : "\(first) … \(last)") + (keys.contains(0) ? ", 0" : "")
    }
}
