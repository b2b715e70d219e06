/// The alerts as Prometheus exposes its own: `ALERTS{alertname, alertstate, severity, …} 1` for every pending or
/// firing alert and `ALERTS_FOR_STATE{…} <active since, Unix seconds>`, for `perfdash serve` to append to
/// `/metrics` (issue 12). A Prometheus server scraping it can alert on `ALERTS{alertstate="firing"}` as on its own.
///
/// Labels: `alertname` (the rule), `alertstate` (`pending` or `firing`), `severity` (`warning` or `critical`),
/// `series` (the series the alert reads) and `instance_name` for an instance of a `*` rule (`instance` itself is
/// left to the scraping server).
public enum AlertsExposition {
    /// The exposition text (format 0.0.4) of `section`'s active alerts; `# HELP`/`# TYPE` lines even when none is
    /// active, so the families exist from the first scrape.
    public static func text(_ section: AlertsSection) -> String {
        var out = "# HELP ALERTS Pending and firing perfdash alerts.\n# TYPE ALERTS gauge\n"
        var forState = "# HELP ALERTS_FOR_STATE When each active alert became active, Unix seconds.\n"
            + "# TYPE ALERTS_FOR_STATE gauge\n"
        for alert in section.active {
            var labels = [("alertname", alert.name), ("alertstate", alert.state.rawValue),
                          ("severity", alert.level.name), ("series", alert.series)]
            if let instance = alert.instance { labels.append(("instance_name", instance)) }
            out += "ALERTS\(render(labels)) 1\n"
            labels.remove(at: 1) // ALERTS_FOR_STATE has no alertstate, as in Prometheus
            forState += "ALERTS_FOR_STATE\(render(labels)) \(NumberText.format(Double(alert.activeSinceUnixMs) / 1000))\n"
        }
        return out + forState
    }

    private static func render(_ labels: [(String, String)]) -> String {
        "{" + labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// Label values escaped as the text format asks: backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
