/// memcached over the window.
public struct MemcachedReport: Sendable, Equatable, Codable {
    /// The server version.
    public var version: String
    /// Items stored now.
    public var items: Double
    /// Bytes used by items now.
    public var bytes: Double
    /// The memory limit (limit_maxbytes).
    public var limitBytes: Double
    /// 100 · bytes / limit_maxbytes.
    public var memoryUsedPercent: Double?
    /// Client connections now, perfdash's own left out.
    public var connections: Double
    /// The connection limit, when reported.
    public var maxConnections: Double?
    /// Gets per second over the window; nil for a single scrape.
    public var getsPerSecond: Double?
    /// Sets per second over the window; nil for a single scrape.
    public var setsPerSecond: Double?

    init(series: [MemcachedSample], latest: MemcachedSample, rate: RateMath) {
        version = latest.version
        items = latest.items
        bytes = latest.bytes
        limitBytes = latest.limitBytes
        memoryUsedPercent = RateMath.percent(latest.bytes, of: latest.limitBytes)
        connections = latest.connections
        maxConnections = latest.maxConnections
        getsPerSecond = rate.perSecond(series.map(\.getCommands))
        setsPerSecond = rate.perSecond(series.map(\.setCommands))
    }
}
