import Foundation
import PerfdashCore

/// The full text of the selected item, for the pop-up (`v`, or Enter where Enter has nothing to drill into): an
/// autoscaler's reason and decisions, a service's error, an alert, a finding's evidence. The panels cut these
/// with "…" where they do not fit; here nothing is cut.
public enum DetailText {
    /// Whether `panel` has items whose full text the pop-up shows.
    public static func hasDetail(_ panel: PanelID) -> Bool {
        [.autoscaler, .services, .alerts, .findings, .processes].contains(panel)
    }

    /// The pop-up for the item selected on `state.panel`; nil when the panel has no such item.
    public static func popup(_ model: DashboardModel, state: DashboardState) -> Popup? {
        popup(model, state: state, timeZone: .current)
    }

    /// `popup` with the time zone of the times shown (tests pin it; the dashboard shows local time).
    static func popup(_ model: DashboardModel, state: DashboardState, timeZone: TimeZone) -> Popup? {
        let index = state.selection[state.panel] ?? 0
        switch state.panel {
        case .autoscaler:
            guard model.autoscalers.indices.contains(index) else { return nil }
            return autoscaler(model.autoscalers[index], timeZone: timeZone)
        case .services:
            guard model.services.indices.contains(index) else { return nil }
            return service(model.services[index])
        case .alerts:
            guard let alerts = model.alerts else { return nil }
            return alert(alerts, index: index, timeZone: timeZone)
        case .findings:
            guard let findings = model.findings, findings.indices.contains(index) else { return nil }
            return finding(findings[index])
        case .processes:
            let rows = DashboardScreen.processRows(model, state: state)
            guard rows.indices.contains(index) else { return nil }
            return process(rows[index], timeZone: timeZone)
        default: return nil
        }
    }

    /// How many items `panel` selects among (autoscalers, alerts active then logged, findings).
    static func itemCount(_ panel: PanelID, _ model: DashboardModel) -> Int {
        switch panel {
        case .autoscaler: model.autoscalers.count
        case .alerts: (model.alerts?.active.count ?? 0) + (model.alerts?.log.count ?? 0)
        case .findings: model.findings?.count ?? 0
        default: 0
        }
    }

    static func autoscaler(_ status: AutoscalerStatus, timeZone: TimeZone) -> Popup {
        let r = status.recommendation
        var text = [
            "\(AutoscalerText.change(r, arrow: "→")) (rule \(r.rule.rawValue))",
            "",
            "Reason: " + r.reason,
        ]
        if let countdown = AutoscalerCountdown(status) {
            text.append(countdown.left.map { "\(countdown.label): \(AutoscalerText.seconds($0)) left of "
                + AutoscalerText.seconds(countdown.total) } ?? "\(countdown.label): none running (\(countdown.idle))")
        }
        if !status.missingSeries.isEmpty {
            text.append("No data at this tick (not counted as 0): " + status.missingSeries.joined(separator: ", "))
        }
        text += ["", "Policy: " + status.summary]
        if !status.decisions.isEmpty {
            text += ["", "Last decisions, newest first:"]
            for decision in status.decisions.reversed() {
                let change = decision.from == decision.to ? "\(decision.from)" : "\(decision.from) → \(decision.to)"
                text.append("• \(clock(decision.timestampUnixMs, timeZone)) \(AutoscalerText.word(decision.action)) "
                            + "\(change): \(AutoscalerText.cause(decision.reason, from: decision.from, to: decision.to))")
            }
        }
        return Popup(title: "Autoscaler \(status.name)", paragraphs: text)
    }

    static func service(_ report: ServiceReport) -> Popup {
        let facts = ServiceFacts(report)
        var text = ["\(report.kind) at \(report.address)", ""]
        switch report.state {
        case .down:
            var state = "State: DOWN"
            if let seconds = report.downForSeconds { state += " for " + Humanize.elapsed(seconds: seconds) }
            text.append(state)
            text.append("Error" + (report.errorKind.map { " (\($0.rawValue))" } ?? "") + ": "
                        + (report.lastError ?? "no answer"))
        case .pending:
            text.append("State: pending (no scrape has finished yet)")
        case .up:
            text.append("State: up · last scrape \(Humanize.latency(seconds: report.scrapeDurationSeconds)) · "
                        + "\(report.seriesCount) series")
            if let error = report.lastError { text.append("Last error: " + error) }
            if !facts.worstCacheText.isEmpty { text.append("Worst cache hit rate: " + facts.worstCacheText) }
            text += ["", "Enter on the Services panel opens its caches, queues, routes and latencies."]
        }
        return Popup(title: "Service \(report.name)", paragraphs: text)
    }

    /// The `index`th alert counting the active ones first, then the log; with none, the rules and those without
    /// data.
    static func alert(_ alerts: AlertsSection, index: Int, timeZone: TimeZone) -> Popup {
        var text: [String]
        let title: String
        if alerts.active.indices.contains(index) {
            let alert = alerts.active[index]
            let unit = MetricUnit.unit(for: alert.series)
            title = "Alert \(alert.name)" + (alert.instance.map { " \($0)" } ?? "")
            text = [
                "\(alert.level.name) · \(alert.state.rawValue)",
                "",
                "Value: \(AutoscalerText.measured(alert.value, unit: unit)) \(alert.above ? ">" : "<") "
                    + AutoscalerText.configured(alert.threshold, unit: unit),
                "Series: \(alert.series) (\(alert.aggregate))",
                "Active for \(Humanize.elapsed(seconds: alert.activeSeconds)), since "
                    + clock(alert.activeSinceUnixMs, timeZone)
                    + (alert.firedAt.map { " (fired \($0))" } ?? ""),
                "Peak: " + AutoscalerText.measured(alert.peak, unit: unit),
            ]
        } else if alerts.log.indices.contains(index - alerts.active.count) {
            let entry = alerts.log[index - alerts.active.count]
            title = "Alert \(entry.name) (log)"
            text = [
                "\(entry.level.name) · " + (entry.resolvedUnixMs == nil ? "still firing" : "resolved"),
                "",
                "Fired: \(clock(entry.firedUnixMs, timeZone))"
                    + (entry.resolvedUnixMs.map { " · resolved: \(clock($0, timeZone))" } ?? ""),
                "Lasted: " + Humanize.elapsed(seconds: entry.durationSeconds),
                "Peak: " + AutoscalerText.measured(entry.peak, unit: MetricUnit.unit(for: entry.series)),
                "Series: " + entry.series,
            ]
        } else {
            title = "Alerts"
            text = ["No alert is active or logged; \(alerts.rules) rules are watching."]
        }
        if !alerts.inactiveRules.isEmpty {
            text += ["", "Rules without data (series absent on this host, or not yet): "
                + alerts.inactiveRules.joined(separator: ", ")]
        }
        return Popup(title: title, paragraphs: text)
    }

    static func finding(_ finding: Finding) -> Popup {
        var text = ["\(finding.severity.name) · \(finding.subject) · rule \(finding.rule)", "", "Evidence:"]
        text += finding.evidence.map { "• " + $0 }
        text += ["", "What to try:", "→ " + finding.suggestion]
        return Popup(title: finding.bottleneck, paragraphs: text)
    }

    /// The selected process: its whole command line (the table cuts it), and its figures.
    static func process(_ p: ProcessReading, timeZone: TimeZone) -> Popup {
        let io = p.readBytesPerSecond.map { read in
            "read \(Humanize.rate(read)) · write \(Humanize.rate(p.writeBytesPerSecond ?? 0))"
        } ?? "not readable (/proc/\(p.pid)/io needs the same user or root)"
        return Popup(title: "Process \(p.pid) \(p.name)", paragraphs: [
            "Command line: " + (p.command.isEmpty ? "[\(p.name)] (a kernel thread: no command line)" : p.command),
            "",
            "User \(p.user) (uid \(p.uid)) · state \(p.state) · parent \(p.parentPid) · \(p.threads) threads",
            "CPU \(Humanize.percent(p.cpuPercent)) (100% = one core) · memory \(Humanize.percent(p.memoryPercent)) · "
                + "RSS \(Humanize.bytes(Double(p.rssBytes)))",
            "I/O: " + io,
            "Started " + AlertsPanel.clock(p.startUnixMs, timeZone),
        ])
    }

    private static func clock(_ unixMs: Int64, _ timeZone: TimeZone) -> String {
        AlertsPanel.clock(unixMs, timeZone)
    }
}
