/// The Help panel: every key, and the formulas behind the numbers. Scrolls with ↑/↓ when it does not fit.
public enum HelpPanel {
    static let formulas = [
        "CPU busy % = 100 × (Δtotal − Δidle) / Δtotal from /proc/stat; idle = idle + iowait; "
            + "total = user + nice + system + idle + iowait + irq + softirq + steal (guest is inside user).",
        "Memory used = MemTotal − MemAvailable; cached = Cached + SReclaimable − Shmem; swap used = SwapTotal − SwapFree.",
        "Disk: /proc/diskstats, 512-byte sectors, whole disks only; util % = Δio_ticks(ms) / Δt(ms) × 100.",
        "Network: /proc/net/dev rates; the total leaves out lo and virtual interfaces (veth*, docker*, br-*, virbr*).",
        "A counter that goes down (reset, wrap) counts 0 for that tick. Rates use the measured time between readings.",
        "avg / p95 / p99 over the window (1m, 5m, 15m): exact percentiles, linear interpolation, rank = q × (n − 1).",
        "Cache hit rate = Δhits / (Δhits + Δmisses) over the window's scrapes; n/a without traffic; target ≥ 85%.",
        "Service latency p50/p95/p99 = Prometheus' histogram_quantile over the window's bucket increases "
            + "(or a summary's own quantiles).",
    ]

    /// The panel's lines for a text area `width` columns wide.
    static func lines(width: Int) -> [(key: String?, text: String, style: Style)] {
        let heading = Style.plain.fg(.title).with([.bold, .underline])
        var out: [(String?, String, Style)] = [(nil, "Keys", heading)]
        for entry in KeyMap.help {
            // Meanings wrap under themselves; a continuation line has an empty key.
            for (i, line) in PanelKit.wrap(entry.meaning, width: max(10, width - keyWidth - 2)).enumerated() {
                out.append((i == 0 ? entry.keys : "", line, .plain))
            }
        }
        out.append((nil, "", .plain))
        out.append((nil, "Formulas", heading))
        for formula in formulas {
            for line in PanelKit.wrap("  • " + formula, width: width, indent: 4) { out.append((nil, line, .plain)) }
        }
        return out
    }

    private static let keyWidth = 21

    /// How many rows the help has at `width` (the bound of its scroll position).
    static func rowCount(width: Int) -> Int { lines(width: width - 3).count }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, scroll: Int, context: RenderContext) {
        let all = lines(width: rect.width - 3)
        let overflow = all.count > rect.height - 2
        let inner = Box.draw(&canvas, rect, title: "Help: keys and formulas",
                             note: overflow ? "↑↓ scroll" : "perfdash", border: .divLine, glyphs: context.glyphs)
        let first = overflow ? min(max(0, scroll), max(0, all.count - inner.height)) : 0
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if let key = line.key {
                canvas.put(key, x: inner.x + 3, y: y, style: Style.plain.fg(.hiFg).with(.boldWithoutColor), clip: inner)
                canvas.put(line.text, x: inner.x + 3 + keyWidth, y: y, clip: inner)
            } else {
                canvas.put(line.text, x: inner.x + 1, y: y, style: line.style, clip: inner)
            }
        }
    }
}
