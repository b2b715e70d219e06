import Foundation
import PerfdashCore
import Testing
@testable import PerfdashTUI

/// The Alerts and Findings panels, the alerts line of the Overview with the figures it colours, the tab bar's
/// names at each width, and the predictive policy's forecast on the Autoscaler panel.
@Suite struct AlertsPanelTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let origin: Int64 = 1_700_000_000_000 // 22:13:20 UTC

    /// cpu (last > 80 / 95) fires critical at t=0 (97 %); swap (> 20) fires at t=0 and resolves at t=10;
    /// memory (> 30 for 60 s) is pending; psi has no series. At t=10 the log holds swap (resolved after 10 s, peak
    /// 25 %) and cpu (still firing).
    static func model(width: Int = 80) -> DashboardModel {
        var engine = AlertEngine(rules: [
            AlertRule(name: "cpu", series: SeriesName.cpuBusy, aggregate: .last, windowSeconds: 0, warning: 80,
                      critical: 95),
            AlertRule(name: "swap", series: SeriesName.swapUsedPercent, aggregate: .last, windowSeconds: 0,
                      warning: 20, critical: nil),
            AlertRule(name: "memory", series: SeriesName.memoryUsedPercent, aggregate: .last, windowSeconds: 0,
                      warning: 30, critical: nil, forSeconds: 60),
            AlertRule(name: "psi", series: "pressure.cpu.some.avg10", warning: 10, critical: nil),
        ])
        _ = engine.step(now: 0, unixMilliseconds: origin, values: [SeriesName.cpuBusy: 97,
                                                                   SeriesName.swapUsedPercent: 25,
                                                                   SeriesName.memoryUsedPercent: 37.5])
        _ = engine.step(now: 10, unixMilliseconds: origin + 10_000, values: [SeriesName.cpuBusy: 97,
                                                                             SeriesName.swapUsedPercent: 5,
                                                                             SeriesName.memoryUsedPercent: 37.5])
        var model = KnownHost.model()
        model.alerts = engine.section()
        return model
    }

    @Test func alertsPanel() {
        var canvas = Canvas(width: 80, height: 22)
        AlertsPanel.draw(&canvas, canvas.bounds, Self.model(), context: RenderContext(), timeZone: Self.utc)
        let lines = canvas.lines
        #expect(lines[0].contains("Alerts") && lines[0].contains("1 firing · 1 pending · 4 rules"))
        // 80 columns cut the series column (`~` marks the cut, as in every table).
        #expect(canvas.line(containing: "CRIT").contains(" CRIT cpu                   97.0% > 95%      10 s     97.0% cpu.busy_percen…"))
        #expect(canvas.line(containing: " pend ").contains(" pend memory                37.5% > 30%      10 s     37.5% memory.used_per…"))
        #expect(canvas.line(containing: "22:13:20 22:13:30").contains("22:13:20 22:13:30      10 s warning      25.0% swap           swap.used_per…"))
        #expect(canvas.line(containing: "firing  ").contains("22:13:20 firing        10 s critical     97.0% cpu            cpu.busy_perc…"))
        var wide = Canvas(width: 160, height: 22)
        AlertsPanel.draw(&wide, wide.bounds, Self.model(), context: RenderContext(), timeZone: Self.utc)
        #expect(wide.line(containing: "CRIT").contains("97.0% cpu.busy_percent (last)"))
        #expect(lines[20].contains("no data (series absent on this host, or not yet): psi"))
        // The badge is reverse video in the critical colour.
        let badge = canvas.find("CRIT")!
        #expect(canvas.cell(x: badge.x, y: badge.y)?.style == AlertStyle.badge(.critical, pending: false))
    }

    @Test func withoutRulesAndWithoutAlerts() {
        var model = KnownHost.model()
        var canvas = Canvas(width: 80, height: 10)
        AlertsPanel.draw(&canvas, canvas.bounds, model, context: RenderContext(), timeZone: Self.utc)
        #expect(canvas.plainText.contains("[alerts] builtin = false"))
        model.alerts = AlertEngine(rules: BuiltinAlerts.rules).section()
        canvas = Canvas(width: 80, height: 10)
        AlertsPanel.draw(&canvas, canvas.bounds, model, context: RenderContext(), timeZone: Self.utc)
        #expect(canvas.plainText.contains("none: 0 rules watching, all within their levels"))
        #expect(canvas.plainText.contains("no alert has fired since perfdash started"))
        // The list of rules without data wraps into the rows the empty log leaves; what does not fit is cut with
        // an ellipsis, never silently.
        let rows = Array(canvas.lines.drop { !$0.contains("no data") }.dropLast())
        #expect(rows.count >= 2, "\(canvas.plainText)")
        let names = model.alerts?.inactiveRules ?? []
        #expect(rows.last?.hasSuffix("… │") == true || rows.last?.contains(names.last ?? "?") == true,
                "\(canvas.plainText)")
    }

    /// The Overview names the firing alerts in their colours and colours the CPU busy figure critical; swap
    /// (resolved) keeps its plain style.
    @Test func overviewShowsAndColoursFiringAlerts() throws {
        let canvas = KnownHost.render(.overview, width: 80, height: 24, model: Self.model())
        #expect(canvas.lines[20].contains("Alerts:  CRIT  cpu 97.0%"))
        let busy = try #require(canvas.find("50.0%"))
        #expect(canvas.cell(x: busy.x, y: busy.y)?.style == AlertStyle.figure(.critical))
        let swap = try #require(canvas.find("swap 25.0%"))
        #expect(canvas.cell(x: swap.x + 5, y: swap.y)?.style == Style.plain.with(.boldWithoutColor))
        #expect(canvas.lines[0].contains("9 Alert"))
        let tab = try #require(canvas.find("9 Alert"))
        #expect(canvas.cell(x: tab.x + 2, y: 0)?.style == AlertStyle.figure(.critical))
        let quiet = KnownHost.render(.overview, width: 80, height: 24)
        #expect(quiet.lines[20].contains("Alerts: no rules"))
    }

    @Test func findingsPanel() {
        var model = KnownHost.model()
        let signals = AdvisorSignals(series: [SeriesName.cpuBusy: [96, 98], SeriesName.tasksRunning: [9, 9]],
                                     cores: 4)
        model.findings = Advisor.findings(signals, settings: AdvisorSettings())
        let canvas = KnownHost.render(.findings, width: 80, height: 24, model: model)
        #expect(canvas.lines[0].contains("a Find"))
        #expect(canvas.lines[1].contains("Findings") && canvas.lines[1].contains("1 finding over the last 1m"))
        #expect(canvas.lines[2].contains("WARN  CPU bound  host  [cpu_bound]"))
        #expect(canvas.lines[3].contains("• CPU busy avg 97.0% (≥ 90%)"))
        #expect(canvas.lines[4].contains("• run queue avg 9 runnable tasks on 4 CPUs (2.3 per CPU)"))
        #expect(canvas.lines[5].contains("→ add CPUs or replicas"))
        // The wrapped suggestion lines up under its text.
        #expect(canvas.lines[6].hasPrefix("│     "))
        model.findings = []
        let idle = KnownHost.render(.findings, width: 80, height: 24, model: model)
        #expect(idle.plainText.contains("Nothing limits the system right now."))
        model.findings = nil
        #expect(KnownHost.render(.findings, width: 80, height: 24, model: model).plainText
            .contains("The advisor is off"))
    }

    @Test(arguments: [(200, TabBar.Naming.full), (140, .full), (80, .short), (60, .keyOnly)])
    func tabNames(width: Int, naming: TabBar.Naming) {
        #expect(TabBar.naming(width: width) == naming)
        let layout = TabBar.layout(width: width)
        #expect(layout.last.map { $0.x + $0.width } ?? 0 <= width)
        let findings = layout.first { $0.panel == .findings }!
        #expect(TabBar.panel(atX: findings.x, y: 0, width: width) == .findings)
    }

    /// A predictive autoscaler's scale shows the forecast (▶) and its band in brackets, with the values.
    @Test func autoscalerShowsTheForecast() throws {
        let spec = AutoscalerSpec(
            name: "api", policy: .predictive(PredictivePolicy(
                target: TargetPolicy(metrics: [TargetMetric(metric: MetricInput(series: SeriesName.cpuBusy),
                                                            type: .utilization, target: 60)]),
                horizonSeconds: 120, alpha: 0.3, beta: 0.1)),
            windowSeconds: 30, replicas: .tracked(initial: 2), minReplicas: 1, maxReplicas: 10)
        var autoscaler = Autoscaler(spec: spec)
        var recommendation: Recommendation?
        for (index, value) in [30.0, 32.5, 36, 37.5].enumerated() {
            recommendation = autoscaler.step(now: Double(index) * 10, samples: [SeriesName.cpuBusy: value])
        }
        let status = AutoscalerStatus(name: "api", summary: spec.summary, spec: spec, replicas: autoscaler.replicas,
                                      recommendation: try #require(recommendation), missingSeries: [], decisions: [])
        let forecast = try #require(status.recommendation.metrics[0].forecast)
        let canvas = AutoscalerFixture.render([status], width: 120, height: 30)
        let row = canvas.line(containing: "▶ +2m")
        #expect(row.contains("▶ +2m \(AutoscalerText.measured(forecast.value, unit: "%")) ["))
        #expect(row.contains("[") && row.contains("]"))
        #expect(canvas.plainText.contains("predictive · Holt α 0.3 β 0.1, horizon 2m"))
    }
}

/// The predictive autoscaler's chart: actual values as bars up to "now", the forecast line and its band after it,
/// the target dashed across.
@Suite struct ForecastChartTests {
    /// 100 % scale over 7 plot rows (rows 1…7 of an 8-row chart): the target 60 % is row 7 − round(0.6 · 6) = 3;
    /// the last actual 30 % sits on row 7 − round(0.3 · 6) = 5; the forecast 60 % on row 3 at the horizon column.
    @Test func chart() {
        var canvas = Canvas(width: 60, height: 8)
        let chart = ForecastChart(actual: [10, 20, 30], forecast: MetricForecast(horizonSeconds: 120, value: 60,
                                                                                    low: 50, high: 70),
                                  target: 60, label: "cpu.busy", unit: "%", context: RenderContext())
        #expect(chart.draw(&canvas, canvas.bounds))
        let lines = canvas.lines
        #expect(lines[0].hasPrefix("cpu.busy  actual (last 3 samples)"))
        // 60 columns leave 8 beside "100 %": "+2m" rather than "forecast +2m".
        #expect(lines[0].contains(" +2m ") && lines[0].hasSuffix("100%"))
        // Future region: 15 columns (60 / 4) after the "now" column at 60 − 15 − 1 = 44.
        #expect(Array(lines[3])[44] == "│")
        #expect(Array(lines[3])[59] == "•")   // the forecast at the horizon, on the target's row
        #expect(lines[3].hasPrefix("target 60%  - -"))
        #expect(Array(lines[4])[59] == "░" && Array(lines[2])[59] == " ") // the band: 70 → row 3, 50 → row 4
        #expect(Array(lines[7])[43] == "█")   // the last actual bar (30 % of 56 eighths = 17: 2 full rows)
        #expect(Array(lines[6])[43] == "█" && Array(lines[5])[43] == "▁")
        var small = Canvas(width: 20, height: 3)
        #expect(!chart.draw(&small, small.bounds))
    }
}

/// A service with a firing alert on one of its series has its name in the alert's colour on the Services panel.
@Suite struct ServicesAlertColourTests {
    @Test func serviceNameTakesTheAlertColour() throws {
        var model = KnownServices.model()
        var engine = AlertEngine(rules: [AlertRule(name: "hits", series: "service.api.cache.l2.hit_rate_percent",
                                                   aggregate: .last, windowSeconds: 0, above: false, warning: 85,
                                                   critical: nil)])
        _ = engine.step(now: 0, unixMilliseconds: 0, values: ["service.api.cache.l2.hit_rate_percent": 62.5])
        model.alerts = engine.section()
        var state = DashboardState(interval: .seconds(1), window: .oneMinute, themeName: "default")
        state.selection[.services] = 2
        let canvas = KnownHost.render(.services, width: 80, height: 24, model: model, state: state)
        let api = try #require(canvas.find("│ api "))
        #expect(canvas.cell(x: api.x + 2, y: api.y)?.style == AlertStyle.figure(.warning))
        let idle = try #require(canvas.find("│ idle "))
        #expect(canvas.cell(x: idle.x + 2, y: idle.y)?.style != AlertStyle.figure(.warning))
    }
}
