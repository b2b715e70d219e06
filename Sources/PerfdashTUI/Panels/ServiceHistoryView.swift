import PerfdashCore

/// History graphs of a service's caches, queues and latencies (the series the sampler records as
/// `service.<name>.cache.<level>.hit_rate_percent`, `….queue.<queue>.depth`, `….latency.<family>.p95_seconds`),
/// for the room the Services panel and the Overview have left. Layout only: the figures come from the reports.
enum ServiceHistoryView {
    /// One graphable series of a service: its label, series name, scale and value format.
    struct Track {
        let label: String
        let series: String
        let scale: GraphScale
        let format: (Double) -> String
    }

    /// The tracks of `report`: hit rates (0…100 %), queue depths and p95 latencies (auto-scaled).
    static func tracks(_ report: ServiceReport) -> [Track] {
        guard let metrics = report.metrics else { return [] }
        let name = report.name
        var tracks = metrics.caches.map { cache in
            Track(label: "\(cache.level) hit %", series: SeriesName.service(name, "cache.\(cache.level).hit_rate_percent"),
                  scale: .fixed(100), format: Humanize.percent)
        }
        tracks += metrics.queues.map { queue in
            Track(label: "queue \(queue.queue)", series: SeriesName.service(name, "queue.\(queue.queue).depth"),
                  scale: .autoPowerOfTwo(floor: 8), format: Humanize.count)
        }
        tracks += metrics.latencies.map { latency in
            Track(label: "\(latency.family) p95", series: SeriesName.service(name, "latency.\(latency.family).p95_seconds"),
                  scale: .autoPowerOfTwo(floor: 0.001), format: { Humanize.latency(seconds: $0) })
        }
        return tracks
    }

    /// Graphs of `report`'s tracks in `rect`, in a grid of framed boxes (two or three across when wide).
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ report: ServiceReport, model: DashboardModel,
                     context: RenderContext) {
        let tracks = tracks(report)
        guard !tracks.isEmpty, rect.height >= 4, rect.width >= 20 else { return }
        let across = rect.width >= 150 ? 3 : (rect.width >= 90 ? 2 : 1)
        let rowsNeeded = (tracks.count + across - 1) / across
        let rowHeight = max(4, rect.height / max(1, rowsNeeded))
        let fitRows = max(1, rect.height / rowHeight)
        let shown = tracks.prefix(fitRows * across)
        for (i, track) in shown.enumerated() {
            let column = i % across, row = i / across
            let width = rect.width / across
            let box = Rect(x: rect.x + column * width, y: rect.y + row * rowHeight,
                           width: column == across - 1 ? rect.width - column * width : width, height: rowHeight)
            let series = model.series(track.series)
            let now = series.values.last.map(track.format) ?? "n/a"
            PanelKit.graphBox(&canvas, box, title: "\(report.name) \(track.label)", note: now, series: series,
                              scale: track.scale, label: track.format, gradient: .cpu, border: .procBox,
                              context: context)
        }
    }

    /// The Overview's services box: one row per service with its state, main figure and a history line.
    static func overviewBox(_ canvas: inout Canvas, _ rect: Rect, _ input: PanelInput) {
        let services = input.model.services
        let inner = Box.draw(&canvas, rect, title: "Services", note: "panel \(PanelID.services.key)",
                             border: .procBox, glyphs: input.context.glyphs)
        guard inner.height > 0 else { return }
        guard !services.isEmpty else {
            PanelKit.fittedLines(&canvas, inner.inset(dx: 1, dy: 0),
                                 [ServicesPanel.summary(services), "",
                                  "--scrape NAME=URL, --redis NAME=HOST:PORT or [[service]] in the config; "
                                      + "perfdash --demo shows a synthetic one"],
                                 style: Style.plain.fg(.graphText))
            return
        }
        let area = inner.inset(dx: 1, dy: 0)
        // With room for more than one line each, a service gets its state line and then one labelled one-row
        // graph per track (hit rates, queues, latencies) in the rows it has: the box is not left half empty.
        let rowsEach = area.height / max(1, services.count)
        var y = area.y
        for report in services where y < area.maxY {
            let facts = ServiceFacts(report)
            let tracks = tracks(report)
            if rowsEach >= 2 {
                var head = "\(report.name) \(facts.stateText)"
                if report.state == .down { head += " · " + facts.downText }
                if let red = report.metrics?.red {
                    head += " · \(ServiceREDSections.rate(red.requestsPerSecond, total: red.requests))"
                        + " · p95 \(Humanize.latency(seconds: red.p95Seconds))"
                }
                canvas.put(TextFit.fit(head, width: area.width, ascii: !input.context.glyphs.isUnicode), x: area.x,
                           y: y, style: Style.plain.with(.boldWithoutColor), clip: area)
                y += 1
                let values = tracks.prefix(rowsEach - 1).map { track in
                    input.model.series(track.series).values.last.map(track.format) ?? "n/a"
                }
                let labelWidth = min(area.width / 2, zip(tracks, values).map {
                    CharacterWidth.of($0.label) + 1 + CharacterWidth.of($1)
                }.max() ?? 0)
                for (track, value) in zip(tracks, values) where y < area.maxY {
                    // The value stays whole; a long family name gives way (cut with "…").
                    let name = TextFit.fit(track.label, width: labelWidth - CharacterWidth.of(value) - 1,
                                           ascii: !input.context.glyphs.isUnicode)
                    canvas.put("  \(name) \(value)", x: area.x, y: y, style: Style.plain.fg(.graphText),
                               limit: labelWidth + 2, clip: area)
                    Graph.draw(&canvas, Rect(x: area.x + labelWidth + 3, y: y,
                                             width: max(0, area.width - labelWidth - 3), height: 1),
                               series: input.model.series(track.series), scale: track.scale, gradient: .cpu,
                               context: input.context)
                    y += 1
                }
                y += rowsEach >= tracks.count + 2 && services.count > 1 ? 1 : 0
                continue
            }
            let track = tracks.first
            var text = "\(report.name) \(facts.stateText)"
            if let track, let value = input.model.series(track.series).values.last {
                text += " · \(track.label) \(track.format(value))"
            }
            if report.state == .down { text += " · " + facts.downText }
            // Without a graph the text takes the whole row.
            let nameWidth = min(track == nil ? area.width : area.width / 2, CharacterWidth.of(text) + 1)
            canvas.put(TextFit.fit(text, width: nameWidth, ascii: !input.context.glyphs.isUnicode), x: area.x, y: y,
                       style: Style.plain.with(.boldWithoutColor), clip: area)
            if let track {
                Graph.draw(&canvas, Rect(x: area.x + nameWidth + 1, y: y, width: area.width - nameWidth - 1, height: 1),
                           series: input.model.series(track.series), scale: track.scale, gradient: .cpu,
                           context: input.context)
            }
            y += 1
        }
    }
}
