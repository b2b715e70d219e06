import PerfdashCore

/// One host or service of the fleet in detail (Enter on the Fleet tables): its current figures, then one history
/// graph per figure from the server's range queries over the configured span. Esc goes back.
enum FleetDetailView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ fleet: FleetReport, index: Int, context: RenderContext) {
        let isHost = index < fleet.hosts.count
        let name = isHost ? fleet.hosts[index].instance : fleet.services[index - fleet.hosts.count].name
        let note = "\(index + 1)/\(fleet.hosts.count + fleet.services.count) · ↑↓ move · Esc back"
        let inner = Box.draw(&canvas, rect, title: "Fleet › \(name)", note: note, border: .procBox,
                             glyphs: context.glyphs)
        let area = inner.inset(dx: 1, dy: 0)
        guard area.height > 1, area.width > 10 else { return }
        let summary = isHost ? hostSummary(fleet.hosts[index]) : serviceSummary(fleet.services[index - fleet.hosts.count])
        canvas.put(FleetPanel.fitted(summary, width: area.width), x: area.x, y: area.y, style: Style.plain.with(.bold),
                   clip: area)
        let fields = isHost ? FleetField.hostGraphs : FleetField.serviceGraphs
        let graphsArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard let detail = fleet.detail, detail.focus == focus(fleet, index: index) else {
            canvas.put("fetching history from \(fleet.server)…", x: area.x, y: area.y + 2,
                       style: Style.plain.fg(.graphText), clip: area)
            return
        }
        let span = Humanize.duration(seconds: detail.endSeconds - detail.startSeconds)
        // The rows shared out evenly (the first graphs take the remainder), at least 3 each.
        let base = max(3, graphsArea.height / fields.count)
        let extra = base == 3 && graphsArea.height < 3 * fields.count ? 0 : graphsArea.height - base * fields.count
        var top = graphsArea.y
        for (offset, field) in fields.enumerated() {
            let height = base + (offset < extra ? 1 : 0)
            guard top + 3 <= graphsArea.maxY else { break }
            let box = Rect(x: graphsArea.x, y: top, width: graphsArea.width, height: min(height, graphsArea.maxY - top))
            top += height
            let values = detail.graphs.first { $0.field == field }?.values ?? []
            let present = values.compactMap { $0 }
            let heading = "\(title(field)) · last \(span)"
            guard !present.isEmpty else {
                let inner = Box.draw(&canvas, box, title: heading, note: "no data", border: .cpuBox,
                                     glyphs: context.glyphs)
                canvas.put(FleetPanel.fitted("the server has no \(title(field)) series for \(name)", width: inner.width),
                           x: inner.x, y: inner.y,
                           style: Style.plain.fg(.graphText), clip: inner)
                continue
            }
            let latest = values.last.flatMap { $0 }.map { "now \(format(field, $0))" } ?? "no point now"
            let inner = Box.draw(&canvas, box, title: heading, note: latest, border: .cpuBox, glyphs: context.glyphs)
            guard inner.width > 1, inner.height > 0 else { continue }
            // The whole span left to right (oldest at the left edge), the last column left as the sweep's gap.
            let (perCell, _) = Graph.resolution(context.graphStyle)
            let slots = (inner.width - 1) * perCell
            let resampled = resample(values, to: slots)
            let ceiling = scale(field).maximum(for: present)
            Graph.draw(&canvas, inner, series: Series(resampled.map { $0 ?? .nan }), scale: .fixed(ceiling),
                       gradient: field == .networkBytes ? .download : .cpu, context: context)
            // The scale's top on the left, over the oldest points: the newest stay visible.
            let label = format(field, ceiling)
            if inner.width > CharacterWidth.of(label) + 4 {
                canvas.put(label, x: inner.x, y: inner.y, style: Style.plain.fg(.graphText), clip: inner)
            }
        }
    }

    /// `values` stretched or squeezed to `count` slots: each slot the highest point of the values it covers (a
    /// spike is never averaged away), nil where it covers none.
    static func resample(_ values: [Double?], to count: Int) -> [Double?] {
        guard count > 0, !values.isEmpty else { return [] }
        return (0..<count).map { slot in
            let from = slot * values.count / count
            let to = max(from + 1, (slot + 1) * values.count / count)
            return values[from..<min(to, values.count)].compactMap { $0 }.max()
        }
    }

    private static func focus(_ fleet: FleetReport, index: Int) -> FleetFocus {
        if index < fleet.hosts.count {
            return .host(instance: fleet.hosts[index].instance, source: fleet.hosts[index].source)
        }
        let service = fleet.services[index - fleet.hosts.count]
        return .service(name: service.name, source: service.source)
    }

    static func title(_ field: FleetField) -> String {
        switch field {
        case .cpuBusy: "CPU busy %"
        case .memoryUsed: "memory used %"
        case .load1: "load 1m"
        case .diskBytes: "disk read+write"
        case .networkBytes: "network rx+tx"
        case .requests: "requests/s"
        case .errors: "errors %"
        case .p95: "p95 latency"
        case .cacheHit: "cache hit % (worst level)"
        case .queueDepth: "queued jobs"
        default: field.rawValue
        }
    }

    private static func scale(_ field: FleetField) -> GraphScale {
        switch field {
        case .cpuBusy, .memoryUsed, .errors, .cacheHit: .fixed(100)
        default: .autoPowerOfTwo(floor: 1)
        }
    }

    private static func format(_ field: FleetField, _ value: Double) -> String {
        switch field {
        case .cpuBusy, .memoryUsed, .errors, .cacheHit: Humanize.percent(value)
        case .diskBytes, .networkBytes: Humanize.rate(value)
        case .p95: Humanize.latency(seconds: value)
        default: Humanize.count(value)
        }
    }

    private static func hostSummary(_ host: FleetHostRow) -> String {
        guard host.up else { return "DOWN: the server's last scrape of \(host.instance) failed (up = 0)" }
        var parts = ["\(host.source == .perfdash ? "perfdash agent" : "node_exporter")"]
        if let job = host.job { parts.append("job \(job)") }
        if let fs = host.filesystemFullestPercent {
            parts.append("fullest fs \(host.filesystemFullestMount ?? "?") \(Humanize.percent(fs))")
        }
        if let util = host.diskUtilPercent { parts.append("busiest disk \(Humanize.percent(util))") }
        let psi = [("cpu", host.pressureCPUPercent), ("mem", host.pressureMemoryPercent), ("io", host.pressureIOPercent)]
            .compactMap { name, value in value.map { "\(name) \(Humanize.fixed($0, 1))" } }
        if !psi.isEmpty { parts.append("PSI some % " + psi.joined(separator: " ")) }
        return parts.joined(separator: " · ")
    }

    private static func serviceSummary(_ service: FleetServiceRow) -> String {
        var parts = [service.source == .perfdash ? "from perfdash agents" : "job metrics"]
        if let all = service.instances { parts.append("\(service.instancesUp ?? 0)/\(all) instances up") }
        return parts.joined(separator: " · ")
    }
}
