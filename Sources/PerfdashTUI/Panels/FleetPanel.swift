public import PerfdashCore

/// The Fleet panel (key 0): one row per host and per service from a Prometheus server, worst first; Enter opens
/// the selected row's history (`FleetDetailView`), Esc goes back. Failed queries are listed under the tables with
/// the query that failed; the rows keep what the last successful queries said.
public enum FleetPanel {
    /// Draws the panel.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        guard let fleet = input.model.fleet else {
            let inner = Box.draw(&canvas, rect, title: "Fleet", note: "no Prometheus server", border: .procBox,
                                 glyphs: input.context.glyphs)
            PanelKit.paragraphs(&canvas, inner.inset(dx: 1, dy: 0), explanation,
                                firstStyle: Style.plain.fg(.title).with(.bold))
            return
        }
        let count = fleet.hosts.count + fleet.services.count
        let selected = min(input.state.selection[.fleet] ?? 0, max(0, count - 1))
        if input.state.fleetDetail, count > 0 {
            // The focused row wherever the last round sorted it; the selected index until a focus is set.
            let index = index(of: input.state.fleetFocus, in: input.model) ?? selected
            return FleetDetailView.draw(&canvas, rect, fleet, index: index, context: input.context)
        }
        let inner = Box.draw(&canvas, rect, title: "Fleet", note: note(fleet), border: .procBox,
                             glyphs: input.context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 2, area.width > 10 else { return }
        canvas.put(fitted(status(fleet), width: area.width), x: area.x, y: area.y, style: Style.plain.fg(.graphText),
                   clip: area)
        let failureLines = min(3, Set(fleet.failures.map(\.reason)).count)
        let tablesTop = area.y + 1
        let tablesHeight = max(0, area.maxY - tablesTop - failureLines)
        if fleet.state == .pending {
            canvas.put("waiting for the first answer from \(fleet.server)…", x: area.x, y: tablesTop + 1, clip: area)
        } else if count == 0 {
            canvas.put(fleet.state == .down ? "no answer yet: the server is unreachable (see below)"
                       : "the server has no node_exporter, perfdash or service series yet",
                       x: area.x, y: tablesTop + 1, clip: area)
        } else {
            tables(&canvas, Rect(x: area.x, y: tablesTop, width: area.width, height: tablesHeight), fleet,
                   selected: selected, context: input.context)
        }
        failures(&canvas, Rect(x: area.x, y: area.maxY - failureLines, width: area.width, height: failureLines), fleet)
    }

    /// Rows the selection moves over: hosts, then services.
    public static func rowCount(_ model: DashboardModel) -> Int {
        (model.fleet?.hosts.count ?? 0) + (model.fleet?.services.count ?? 0)
    }

    /// Where `focus` is in the model's rows now (nil: no focus, or the row is gone).
    public static func index(of focus: FleetFocus?, in model: DashboardModel) -> Int? {
        guard let focus, let fleet = model.fleet else { return nil }
        switch focus {
        case .host(let instance, let source):
            return fleet.hosts.firstIndex { $0.instance == instance && $0.source == source }
        case .service(let name, let source):
            return fleet.services.firstIndex { $0.name == name && $0.source == source }.map { $0 + fleet.hosts.count }
        }
    }

    /// The drill-down target of the selected row.
    public static func focus(_ model: DashboardModel, state: DashboardState) -> FleetFocus? {
        guard let fleet = model.fleet else { return nil }
        let index = state.selection[.fleet] ?? 0
        if index < fleet.hosts.count {
            let host = fleet.hosts[index]
            return .host(instance: host.instance, source: host.source)
        }
        let serviceIndex = index - fleet.hosts.count
        guard serviceIndex < fleet.services.count else { return nil }
        let service = fleet.services[serviceIndex]
        return .service(name: service.name, source: service.source)
    }

    static func note(_ fleet: FleetReport) -> String {
        "\(fleet.hosts.count) hosts · \(fleet.services.count) services · ↑↓ Enter history"
    }

    /// `prometheus http://… · up · 14 queries in 38 ms · rate over 1m`.
    static func status(_ fleet: FleetReport) -> String {
        let state: String
        switch fleet.state {
        case .pending: state = "waiting"
        case .up: state = "up"
        case .degraded: state = "\(fleet.failures.count) queries failing, columns kept"
        case .down: state = fleet.hosts.isEmpty && fleet.services.isEmpty ? "DOWN" : "DOWN, last rows kept"
        }
        return "\(fleet.server) · \(state) · \(fleet.queriesPerRound) queries in "
            + "\(Humanize.latency(seconds: fleet.roundSeconds)) · rate over \(Humanize.duration(seconds: fleet.windowSeconds))"
    }

    /// Host rows above service rows, the room split by their counts (each at least 3 lines when it has rows).
    private static func tables(_ canvas: inout Canvas, _ rect: Rect, _ fleet: FleetReport, selected: Int,
                               context: RenderContext) {
        let hostsWanted = fleet.hosts.isEmpty ? 0 : fleet.hosts.count + 1
        let servicesWanted = fleet.services.isEmpty ? 0 : fleet.services.count + 1
        var hostHeight = min(hostsWanted, rect.height)
        if servicesWanted > 0 {
            let spare = rect.height - 1
            hostHeight = min(hostsWanted, max(min(hostsWanted, 3), spare - min(servicesWanted, max(3, spare / 2))))
        }
        if hostHeight > 0 {
            let rows = fleet.hosts.map { hostRow($0, wide: rect.width >= 110) }
            let hostSelection = selected < fleet.hosts.count ? selected : nil
            Table.draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: hostHeight),
                       columns: hostColumns(width: rect.width, hosts: fleet.hosts), rows: rows,
                       selection: hostSelection, context: context)
            paintDown(&canvas, rect, top: rect.y, height: hostHeight, downs: fleet.hosts.map { !$0.up },
                      selection: hostSelection)
        }
        let serviceTop = rect.y + hostHeight + (hostHeight > 0 ? 1 : 0)
        let serviceHeight = rect.maxY - serviceTop
        guard servicesWanted > 0, serviceHeight > 1 else { return }
        let serviceSelection = selected >= fleet.hosts.count ? selected - fleet.hosts.count : nil
        Table.draw(&canvas, Rect(x: rect.x, y: serviceTop, width: rect.width, height: serviceHeight),
                   columns: serviceColumns(width: rect.width, services: fleet.services),
                   rows: fleet.services.map(serviceRow), selection: serviceSelection, context: context)
        paintDown(&canvas, rect, top: serviceTop, height: serviceHeight,
                  downs: fleet.services.map { $0.severity.0 > 0 }, selection: serviceSelection)
    }

    /// Rows of what is down in the theme's alarm colour (the selected row keeps its highlight).
    private static func paintDown(_ canvas: inout Canvas, _ rect: Rect, top: Int, height: Int, downs: [Bool],
                                  selection: Int?) {
        let visible = height - 1
        guard visible > 0 else { return }
        let first = selection.map { $0 >= visible ? $0 - visible + 1 : 0 } ?? 0
        for index in first..<min(downs.count, first + visible) where downs[index] && index != selection {
            canvas.restyle(Rect(x: rect.x, y: top + 1 + index - first, width: rect.width, height: 1)) {
                $0.fg(ServiceFacts.bad).with(.bold)
            }
        }
    }

    static func hostColumns(width: Int, hosts: [FleetHostRow]) -> [TableColumn] {
        let longest = hosts.map { CharacterWidth.of($0.instance) }.max() ?? 0
        var columns = [
            TableColumn("Host", width: min(max(10, longest), width >= 120 ? 32 : 16), alignment: .left),
            TableColumn("CPU%", width: 5), TableColumn("Mem%", width: 5), TableColumn("Load", width: 5),
            TableColumn("Disk/s", width: 9), TableColumn("Util%", width: 5), TableColumn("Net/s", width: 9),
            TableColumn("FS%", width: 5), TableColumn("PSI", width: 7, alignment: .left),
        ]
        if width >= 110 { columns.append(TableColumn("Fullest FS", width: 0, alignment: .left)) }
        return columns
    }

    static func hostRow(_ host: FleetHostRow, wide: Bool) -> [String] {
        guard host.up else {
            return [host.instance, "down", "", "", "", "", "", "", "", wide ? "target down (up = 0)" : ""]
        }
        let psi = [("c", host.pressureCPUPercent), ("m", host.pressureMemoryPercent), ("i", host.pressureIOPercent)]
            .compactMap { name, value in value.map { (name, $0) } }.max { $0.1 < $1.1 }
        return [
            host.instance, number(host.cpuBusyPercent), number(host.memoryUsedPercent),
            host.load1.map { Humanize.fixed($0, 2) } ?? "–",
            host.diskBytesPerSecond.map(Humanize.bytes) ?? "–", number(host.diskUtilPercent),
            host.networkBytesPerSecond.map(Humanize.bytes) ?? "–", number(host.filesystemFullestPercent),
            psi.map { "\($0.0) \(Humanize.fixed($0.1, 1))" } ?? "–",
            host.filesystemFullestMount ?? "",
        ]
    }

    static func serviceColumns(width: Int, services: [FleetServiceRow]) -> [TableColumn] {
        let longest = services.map { CharacterWidth.of($0.name) }.max() ?? 0
        var columns = [
            TableColumn("Service", width: min(max(10, longest), width >= 120 ? 32 : 16), alignment: .left),
            TableColumn("Up", width: 7), TableColumn("Req/s", width: 7), TableColumn("Err%", width: 5),
            TableColumn("p95", width: 7), TableColumn("Hit%", width: 5), TableColumn("Queued", width: 7),
        ]
        if width >= 100 { columns.append(TableColumn("From", width: 0, alignment: .left)) }
        return columns
    }

    static func serviceRow(_ service: FleetServiceRow) -> [String] {
        let up = service.instances.map { "\(service.instancesUp ?? 0)/\($0)" } ?? "–"
        return [
            service.name, up, service.requestsPerSecond.map(Humanize.count) ?? "–", number(service.errorPercent),
            service.p95Seconds.map { Humanize.latency(seconds: $0) } ?? "–", number(service.cacheHitPercent),
            service.queueDepth.map(Humanize.count) ?? "–",
            service.source == .perfdash ? "perfdash agents" : "job metrics",
        ]
    }

    private static func number(_ value: Double?) -> String {
        value.map { Humanize.fixed($0, 1) } ?? "–"
    }

    /// Up to three lines: one per distinct reason, with the first query that failed for it and how many others did
    /// (a server that is down fails every query the same way: one line, not 29).
    private static func failures(_ canvas: inout Canvas, _ rect: Rect, _ fleet: FleetReport) {
        guard rect.height > 0 else { return }
        var reasons: [String] = []
        var byReason: [String: [FleetFailure]] = [:]
        for failure in fleet.failures {
            if byReason[failure.reason] == nil { reasons.append(failure.reason) }
            byReason[failure.reason, default: []].append(failure)
        }
        let lines = reasons.map { reason -> String in
            let group = byReason[reason] ?? []
            let others = group.count > 1 ? " (and \(group.count - 1) more queries)" : ""
            return "✗ \(reason)\(others) · query: \(group.first?.query ?? "")"
        }
        let shown = lines.count > rect.height ? rect.height - 1 : rect.height
        for (offset, line) in lines.prefix(shown).enumerated() {
            canvas.put(fitted(line, width: rect.width), x: rect.x, y: rect.y + offset,
                       style: Style.plain.fg(ServiceFacts.bad), clip: rect)
        }
        if lines.count > shown {
            canvas.put(fitted("… and \(lines.count - shown) more errors (perfdash snapshot --prometheus lists every "
                              + "failing query)", width: rect.width), x: rect.x, y: rect.y + shown,
                       style: Style.plain.fg(ServiceFacts.bad), clip: rect)
        }
    }

    /// `text` cut to `width` columns, ending in `…` when cut.
    static func fitted(_ text: String, width: Int) -> String {
        guard CharacterWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var cut = text
        while CharacterWidth.of(cut) > width - 1, !cut.isEmpty { cut.removeLast() }
        return cut + "…"
    }

    static let explanation = [
        "No Prometheus server configured.",
        "",
        "This panel reads a fleet back from the Prometheus server you already run, through its HTTP API:",
        "  • one row per host from node_exporter (or perfdash serve agents): CPU busy %, memory used %, load, "
            + "disk and network rates, fullest filesystem, PSI",
        "  • one row per service job: requests/s, error %, p95 latency from histograms, cache hit %, queue depth",
        "  • worst first; Enter opens a host's or service's history graphs",
        "",
        "Start perfdash with --prometheus URL, or add [prometheus] url = \"…\" to the config file "
            + "(token_env / password_env for credentials). perfdash serve exposes a host for Prometheus to scrape.",
    ]
}
