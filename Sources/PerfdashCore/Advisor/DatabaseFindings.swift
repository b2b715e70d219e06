/// The advisor's PostgreSQL rules: a working set that outgrew shared_buffers, and tables read by sequential scans.
enum DatabaseFindings {
    /// p99 (or p95) latency rising over the window while the buffer hit rate falls: reads go to disk.
    static func workingSetOutgrewBuffers(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        var findings: [Finding] = []
        for hit in s.matching("service.*.db.buffer_hit_percent") {
            let service = hit.instance
            guard let hitTrend = s.trend(hit.name), -hitTrend.change >= t.bufferHitDropPoints,
                  let hitLast = s.last(hit.name), hitLast < t.bufferHitTargetPercent,
                  let hitFirst = s.series[hit.name]?.first else { continue }
            // The latency family that rose most, p99 preferred to p95.
            var rising: (name: String, first: Double, last: Double, rise: Double)?
            for suffix in ["p99_seconds", "p95_seconds"] where rising == nil {
                for latency in s.matching("service.\(service).latency.*.\(suffix)") {
                    guard let trend = s.trend(latency.name), trend.slope > 0,
                          let first = s.series[latency.name]?.first, first > 0,
                          let last = s.last(latency.name) else { continue }
                    let rise = 100 * (last - first) / first
                    if rise >= t.latencyRisePercent, rise > rising?.rise ?? -.infinity {
                        rising = ("\(latency.instance) \(suffix.prefix(3))", first, last, rise)
                    }
                }
            }
            guard let rising else { continue }
            findings.append(Finding(
                rule: "working_set_outgrew_buffers", severity: hitLast < t.bufferHitTargetPercent - 10 ? .critical
                    : .warning,
                subject: "\(service) database", bottleneck: "working set outgrew shared_buffers",
                evidence: ["latency \(rising.name) \(Evidence.milliseconds(rising.first)) → "
                    + "\(Evidence.milliseconds(rising.last)) (+\(Evidence.limit(rising.rise.rounded())))",
                           "buffer hit rate \(Evidence.percent(hitFirst)) → \(Evidence.percent(hitLast))"],
                suggestion: "raise shared_buffers (and memory) so the hot data fits, or shrink the working set: "
                    + "indexes for the big scans, archive cold rows, partition large tables"))
        }
        return findings
    }

    /// Tables read mostly by sequential scans of many rows: an index is likely missing.
    static func sequentialScans(_ s: AdvisorSignals, _ t: AdvisorSettings) -> [Finding] {
        var findings: [Finding] = []
        for scans in s.matching("service.*.seq_scans_per_second") {
            guard let parts = ServiceName.split(scans.instance, kind: "db.table"),
                  let perSecond = s.avg(scans.name), perSecond >= t.seqScansPerSecond else { continue }
            let prefix = "db.table.\(parts.item)"
            guard let rows = s.avg(SeriesName.service(parts.service, "\(prefix).seq_rows_per_second")),
                  rows >= t.seqRowsPerSecond else { continue }
            let indexScans = s.avg(SeriesName.service(parts.service, "\(prefix).idx_scans_per_second")) ?? 0
            guard indexScans < perSecond else { continue }
            var evidence = ["table \(parts.item): \(Evidence.number(perSecond)) sequential scans/s reading "
                + "\(Evidence.number(rows.rounded())) rows/s",
                            "\(Evidence.number(indexScans)) index scans/s"]
            if perSecond > 0 { evidence.append("\(Evidence.number((rows / perSecond).rounded())) rows per scan") }
            findings.append(Finding(
                rule: "sequential_scans", severity: rows >= t.seqRowsPerSecond * 10 ? .critical : .warning,
                subject: "\(parts.service) table \(parts.item)", bottleneck: "sequential scans",
                evidence: evidence,
                suggestion: "find the queries on \(parts.item) (pg_stat_statements, by total time) and EXPLAIN them; "
                    + "an index on the columns of their WHERE / JOIN clauses turns the scans into index scans"))
        }
        return findings
    }
}

extension Evidence {
    /// `12.5 ms` for a value in seconds.
    static func milliseconds(_ seconds: Double) -> String { MetricUnit.oneDecimal(seconds * 1000) + " ms" }
}
