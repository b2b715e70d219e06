public import PerfdashCore

/// Lays out a whole frame: tab bar, the active panel, status line; or the "too small" notice.
public enum DashboardScreen {
    /// The smallest terminal the panels are laid out for.
    public static let minimumWidth = 80
    /// The smallest terminal height the panels are laid out for.
    public static let minimumHeight = 24

    /// Renders one frame of `width` × `height` cells. `colorMode` is shown in the status line.
    public static func render(_ input: PanelInput, width: Int, height: Int, colorMode: String = "") -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            PanelKit.centred(&canvas, canvas.bounds, [
                "terminal too small",
                "\(width)×\(height), need \(minimumWidth)×\(minimumHeight)",
                "enlarge the window or press q",
            ], style: Style.plain.with(.boldWithoutColor))
            if !input.context.glyphs.isUnicode { canvas.asciify() }
            return canvas
        }
        TabBar.draw(&canvas, active: input.state.panel, alertLevel: input.model.alerts?.highestLevel ?? .ok)
        let body = body(width: width, height: height)
        switch input.state.panel {
        case .overview: OverviewPanel.draw(&canvas, body, input)
        case .cpu: CPUPanel.draw(&canvas, body, input)
        case .memory: MemoryPanel.draw(&canvas, body, input)
        case .disk: DiskPanel.draw(&canvas, body, input)
        case .network: NetworkPanel.draw(&canvas, body, input)
        case .processes: ProcessesPanel.draw(&canvas, body, input)
        case .services: ServicesPanel.draw(&canvas, body, input)
        case .autoscaler:
            let statuses = input.model.autoscalers
            let selected = input.state.selection[.autoscaler] ?? 0
            if let split = AutoscalerHistoryView.split(body, count: statuses.count) {
                AutoscalerPanel.draw(&canvas, split.blocks, statuses, context: input.context,
                                     series: input.model.series, selected: selected)
                AutoscalerHistoryView.draw(&canvas, split.history, statuses, model: input.model, context: input.context)
            } else {
                AutoscalerPanel.draw(&canvas, body, statuses, context: input.context, series: input.model.series,
                                     selected: selected)
            }
        case .alerts: AlertsPanel.draw(&canvas, body, input)
        case .findings: FindingsPanel.draw(&canvas, body, input)
        case .fleet: FleetPanel.draw(&canvas, body, input)
        case .help: HelpPanel.draw(&canvas, body, scroll: input.state.selection[.help] ?? 0, context: input.context)
        }
        if let popup = input.state.popup { PopupView.draw(&canvas, body, popup, context: input.context) }
        StatusLine.draw(&canvas, state: input.state, colorMode: colorMode)
        if !input.context.glyphs.isUnicode { canvas.asciify() }
        return canvas
    }

    /// Where the panels (and the pop-up over them) go on a `width` × `height` screen: between the tab bar and the
    /// status line.
    public static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
    }

    /// The Processes panel's rows in screen order (what the selection, follow and signal keys refer to).
    public static func processRows(_ model: DashboardModel, state: DashboardState) -> [ProcessReading] {
        ProcessRows.make(model.processes, view: state.process).map(\.process)
    }

    /// Rows in each table panel (and the help's lines), to bound the selection keys.
    public static func rowCounts(_ model: DashboardModel, width: Int, processRows: Int = 0) -> [PanelID: Int] {
        [
            .processes: processRows,
            .disk: DiskPanel.rows(model).count,
            .network: NetworkPanel.rows(model).count,
            .services: model.services.count,
            .fleet: FleetPanel.rowCount(model),
            .help: HelpPanel.rowCount(width: width),
            .autoscaler: DetailText.itemCount(.autoscaler, model),
            .alerts: DetailText.itemCount(.alerts, model),
            .findings: DetailText.itemCount(.findings, model),
        ]
    }
}
