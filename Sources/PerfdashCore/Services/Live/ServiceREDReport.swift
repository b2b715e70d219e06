/// RED of one route (or of the whole service) as a snapshot shows it, units in the names.
public struct RouteReport: Sendable, Equatable, Codable {
    /// The route, or `service` for the total.
    public var route: String
    /// Requests in the window.
    public var requests: Double
    /// Failed requests in the window, when errors are read.
    public var errors: Double?
    /// Requests per second over the window (PromQL `rate()`); absent for a single scrape's totals.
    public var requestsPerSecond: Double?
    /// 100 · errors / requests; absent without requests.
    public var errorPercent: Double?
    /// Mean latency in the window.
    public var meanSeconds: Double?
    /// Median latency.
    public var p50Seconds: Double?
    /// 95th percentile latency.
    public var p95Seconds: Double?
    /// 99th percentile latency.
    public var p99Seconds: Double?

    /// The report of one route's metrics (JSON has no infinities: hostile totals saturate, unknowns drop).
    public init(_ route: RouteMetrics) {
        self.route = route.name
        requests = ReportNumber.saturated(route.requests)
        errors = route.errors.map(ReportNumber.saturated)
        requestsPerSecond = ReportNumber.finite(route.requestsPerSecond)
        errorPercent = ReportNumber.finite(route.errorPercent)
        let latency = route.latency.map(LatencyReport.init)
        meanSeconds = latency?.meanSeconds
        p50Seconds = latency?.p50Seconds
        p95Seconds = latency?.p95Seconds
        p99Seconds = latency?.p99Seconds
    }
}

/// One pool as a snapshot shows it.
public struct PoolReport: Sendable, Equatable, Codable {
    /// The pool's name.
    public var pool: String
    /// In use now.
    public var inUse: Double?
    /// Idle now.
    public var idle: Double?
    /// The limit.
    public var max: Double?
    /// Waiters now.
    public var pending: Double?
    /// 100 · in-use / max now.
    public var utilizationPercent: Double?
    /// Mean utilization over the window.
    public var avgUtilizationPercent: Double?
    /// Most waiters in one scrape of the window.
    public var maxPending: Double?
    /// Median time to acquire a connection.
    public var acquireP50Seconds: Double?
    /// 95th percentile time to acquire.
    public var acquireP95Seconds: Double?
    /// 99th percentile time to acquire.
    public var acquireP99Seconds: Double?

    /// The report of one pool's metrics.
    public init(_ pool: PoolMetrics) {
        self.pool = pool.name
        inUse = ReportNumber.finite(pool.inUse)
        idle = ReportNumber.finite(pool.idle)
        max = ReportNumber.finite(pool.max)
        pending = ReportNumber.finite(pool.pending)
        utilizationPercent = ReportNumber.finite(pool.utilizationPercent)
        avgUtilizationPercent = ReportNumber.finite(pool.averageUtilizationPercent)
        maxPending = ReportNumber.finite(pool.maxPending)
        let acquire = pool.acquire.map(LatencyReport.init)
        acquireP50Seconds = acquire?.p50Seconds
        acquireP95Seconds = acquire?.p95Seconds
        acquireP99Seconds = acquire?.p99Seconds
    }
}

/// One limiter as a snapshot shows it.
public struct LimiterReport: Sendable, Equatable, Codable {
    /// The limiter's name.
    public var limiter: String
    /// Rejections in the window.
    public var rejections: Double
    /// Rejections per second; absent for a single scrape's totals.
    public var rejectionsPerSecond: Double?

    /// The report of one limiter's metrics.
    public init(_ limiter: LimiterMetrics) {
        self.limiter = limiter.name
        rejections = ReportNumber.saturated(limiter.rejections)
        rejectionsPerSecond = ReportNumber.finite(limiter.rejectionsPerSecond)
    }
}

/// Numbers as reports carry them: JSON cannot hold NaN or ±Inf.
enum ReportNumber {
    /// The value when finite, else nil (unknown).
    static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A total clamped to the largest finite magnitude (NaN → 0).
    static func saturated(_ value: Double) -> Double {
        value.isNaN ? 0 : Swift.min(Swift.max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }
}

extension ServiceWindowReport {
    /// RED, pool and limiter series for History, CSV and Prometheus: `requests_per_second`, `error_percent`,
    /// `route.<route>.requests_per_second|error_percent|p95_seconds`, `pool.<pool>.utilization_percent|pending`,
    /// `limiter.<limiter>.rejections_per_second`. Unknown values are left out, never written as 0.
    func redFlatSeries(service: String) -> [FlatSeries] {
        var out: [FlatSeries] = []
        let serviceLabel = SeriesLabel("service", service)
        func append(_ metric: String, family: String, _ labels: [SeriesLabel], _ value: Double?, _ unit: SeriesUnit) {
            guard let value, value.isFinite else { return }
            out.append(FlatSeries(name: SeriesName.service(service, metric), family: "service.\(family)",
                                  labels: [serviceLabel] + labels, value: value, unit: unit))
        }
        typealias S = SeriesName.ServiceFigureSeries
        if let red {
            append(S.requestsPerSecond, family: S.requestsPerSecond, [], red.requestsPerSecond, .perSecond)
            append(S.errorPercent, family: S.errorPercent, [], red.errorPercent, .percent)
            append(S.p95Seconds, family: S.p95Seconds, [], red.p95Seconds, .seconds)
        }
        for route in routes ?? [] {
            let label = [SeriesLabel("route", route.route)]
            for (metric, value, unit) in [(S.requestsPerSecond, route.requestsPerSecond, SeriesUnit.perSecond),
                                          (S.errorPercent, route.errorPercent, .percent),
                                          (S.p95Seconds, route.p95Seconds, .seconds)] {
                append(S.route(route.route, metric), family: "route.\(metric)", label, value, unit)
            }
        }
        for pool in pools ?? [] {
            let label = [SeriesLabel("pool", pool.pool)]
            append(S.pool(pool.pool, S.utilizationPercent), family: "pool.\(S.utilizationPercent)", label,
                   pool.utilizationPercent, .percent)
            append(S.pool(pool.pool, S.pending), family: "pool.\(S.pending)", label, pool.pending, .count)
        }
        for limiter in limiters ?? [] {
            append(S.limiter(limiter.limiter, S.rejectionsPerSecond), family: "limiter.\(S.rejectionsPerSecond)",
                   [SeriesLabel("limiter", limiter.limiter)], limiter.rejectionsPerSecond, .perSecond)
        }
        return out
    }
}
