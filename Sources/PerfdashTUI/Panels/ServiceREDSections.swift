import PerfdashCore

/// The RED, route, pool and limiter parts of a service's detail view.
enum ServiceREDSections {
    /// `requests 6.5/s · errors 23.1% · p50 42.1 ms · p95 675 ms · p99 935 ms`; `compact` drops the words.
    static func redLine(_ red: RouteReport, compact: Bool = false) -> String {
        let errors = red.errors == nil ? "not read" : Humanize.percent(red.errorPercent)
        var parts = compact ? [rate(red.requestsPerSecond, total: red.requests), "err " + errors]
            : ["requests " + rate(red.requestsPerSecond, total: red.requests), "errors " + errors]
        if red.p50Seconds != nil || red.p95Seconds != nil {
            parts.append("p50 \(Humanize.latency(seconds: red.p50Seconds))")
            parts.append("p95 \(Humanize.latency(seconds: red.p95Seconds))")
            parts.append("p99 \(Humanize.latency(seconds: red.p99Seconds))")
        } else if let mean = red.meanSeconds {
            parts.append("mean \(Humanize.latency(seconds: mean))")
        }
        return parts.joined(separator: " · ")
    }

    /// `pool db 80.0% 8/10 wait 4 · limiter api 1.20/s`: every pool and limiter on one line, for when their
    /// tables do not fit; nil without either.
    static func summaryLine(pools: [PoolReport], limiters: [LimiterReport]) -> String? {
        var parts = pools.map { pool in
            var text = "pool \(pool.pool) \(Humanize.percent(pool.utilizationPercent))"
            if let inUse = pool.inUse, let max = pool.max { text += " \(Humanize.count(inUse))/\(Humanize.count(max))" }
            if let pending = pool.pending { text += " wait \(Humanize.count(pending))" }
            return text
        }
        parts += limiters.map { "limiter \($0.limiter) \(rate($0.rejectionsPerSecond, total: $0.rejections)) rejected" }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Puts `text` on one line of `rect`, ending in `…` when it is cut.
    static func putLine(_ canvas: inout Canvas, _ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        guard width > 0 else { return }
        let clip = Rect(x: x, y: y, width: width, height: 1)
        if CharacterWidth.of(text) <= width {
            canvas.put(text, x: x, y: y, style: style, clip: clip)
        } else {
            canvas.put(text, x: x, y: y, style: style, limit: width - 1, clip: clip)
            canvas.set("…", x: x + width - 1, y: y, style: style)
        }
    }

    /// `6.5/s`, or the window's count when there is no rate yet.
    static func rate(_ perSecond: Double?, total: Double) -> String {
        guard let perSecond else { return Humanize.count(total) }
        return perSecond < 10 && perSecond != perSecond.rounded() ? Humanize.fixed(perSecond, 2) + "/s"
            : Humanize.count(perSecond) + "/s"
    }

    /// The routes table: requests/s, error %, p50 / p95 / p99; rows with errors in the warning colour.
    static func routes(_ canvas: inout Canvas, _ rect: Rect, _ routes: [RouteReport], context: RenderContext) -> Int {
        guard !routes.isEmpty else { return rect.y }
        let nameWidth = max(5, min(rect.width - 46, routes.map { CharacterWidth.of($0.route) }.max() ?? 0))
        let columns = [
            TableColumn("Route", width: nameWidth, alignment: .left), TableColumn("Req/s", width: 8),
            TableColumn("Err %", width: 7), TableColumn("p50", width: 8), TableColumn("p95", width: 8),
            TableColumn("p99", width: 8),
        ]
        let rows = routes.map { route in
            [route.route, rate(route.requestsPerSecond, total: route.requests),
             route.errors == nil ? "—" : Humanize.percent(route.errorPercent),
             Humanize.latency(seconds: route.p50Seconds), Humanize.latency(seconds: route.p95Seconds),
             Humanize.latency(seconds: route.p99Seconds)]
        }
        let (next, spans) = ServiceDetailView.section(&canvas, rect, columns: columns, rows: rows, empty: "",
                                                      context: context)
        for (i, route) in routes.enumerated() where spans.count == columns.count && i + 1 < rect.height {
            guard let percent = route.errorPercent, percent > 0 else { continue }
            canvas.restyle(Rect(x: spans[2].x, y: rect.y + 1 + i, width: spans[2].width, height: 1)) {
                $0.fg(percent >= 5 ? ServiceFacts.bad : ServiceFacts.warn).with(.boldWithoutColor)
            }
        }
        return next
    }

    /// The pools table: a utilization bar, in use / idle / max, waiters, p95 time to acquire.
    static func pools(_ canvas: inout Canvas, _ rect: Rect, _ pools: [PoolReport], context: RenderContext) -> Int {
        guard !pools.isEmpty else { return rect.y }
        let nameWidth = max(4, min(20, pools.map { CharacterWidth.of($0.pool) }.max() ?? 0))
        let columns = [
            TableColumn("Pool", width: nameWidth, alignment: .left),
            TableColumn("in use / max", width: max(6, min(30, rect.width - nameWidth - 47)), alignment: .left),
            TableColumn("Used", width: 6), TableColumn("In use", width: 6), TableColumn("Idle", width: 5),
            TableColumn("Max", width: 5), TableColumn("Wait", width: 5), TableColumn("p95 acq", width: 8),
        ]
        let rows = pools.map { pool in
            [pool.pool, "", Humanize.percent(pool.utilizationPercent), pool.inUse.map(Humanize.count) ?? "—",
             pool.idle.map(Humanize.count) ?? "—", pool.max.map(Humanize.count) ?? "—",
             pool.pending.map(Humanize.count) ?? "—",
             pool.acquireP95Seconds.map { Humanize.latency(seconds: $0) } ?? "—"]
        }
        let (next, spans) = ServiceDetailView.section(&canvas, rect, columns: columns, rows: rows, empty: "",
                                                      context: context)
        for (i, pool) in pools.enumerated() where spans.count == columns.count && i + 1 < rect.height {
            if spans[1].width >= 4, let percent = pool.utilizationPercent {
                Meter.draw(&canvas, x: spans[1].x, y: rect.y + 1 + i, width: spans[1].width - 1,
                           fraction: min(1, percent / 100), gradient: .process, context: context)
            }
            if (pool.pending ?? 0) > 0 {
                canvas.restyle(Rect(x: spans[6].x, y: rect.y + 1 + i, width: spans[6].width, height: 1)) {
                    $0.fg(ServiceFacts.warn).with(.boldWithoutColor)
                }
            }
        }
        return next
    }

    /// The limiters table: rejections per second and in the window.
    static func limiters(_ canvas: inout Canvas, _ rect: Rect, _ limiters: [LimiterReport],
                         context: RenderContext) -> Int {
        guard !limiters.isEmpty else { return rect.y }
        let columns = [
            TableColumn("Limiter", width: max(7, min(20, limiters.map { CharacterWidth.of($0.limiter) }.max() ?? 0)),
                        alignment: .left),
            TableColumn("Rejected/s", width: 10), TableColumn("In window", width: 9),
        ]
        let rows = limiters.map { limiter in
            [limiter.limiter, rate(limiter.rejectionsPerSecond, total: limiter.rejections),
             Humanize.count(limiter.rejections)]
        }
        return ServiceDetailView.section(&canvas, rect, columns: columns, rows: rows, empty: "", context: context).next
    }
}
