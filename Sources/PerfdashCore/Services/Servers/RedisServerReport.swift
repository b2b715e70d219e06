/// Redis' own figures over the window.
public struct RedisServerReport: Sendable, Equatable, Codable {
    /// `redis_version`.
    public var version: String
    /// Connected clients now, perfdash's own left out.
    public var clients: Double
    /// Clients blocked in BLPOP and the like now.
    public var blockedClients: Double
    /// The `maxclients` limit.
    public var maxClients: Double?
    /// Commands per second over the window, perfdash's own left out; nil for a single scrape.
    public var opsPerSecond: Double?
    /// `used_memory` now, bytes.
    public var usedMemoryBytes: Double
    /// `maxmemory`, bytes; 0 is no limit.
    public var maxMemoryBytes: Double
    /// 100 · used / maxmemory; nil without a limit.
    public var memoryUsedPercent: Double?
    /// `maxmemory_policy`.
    public var evictionPolicy: String
    /// Each queue's keys and sizes now (Celery's priorities, RQ's registries, BullMQ's states…).
    public var queues: [RedisQueueReading]
    /// Keys shared by a library's queues now (Celery unacked, Sidekiq retry / schedule / dead).
    public var shared: [RedisPartReading]

    init(series: [RedisServerSample], latest: RedisServerSample, rate: RateMath) {
        version = latest.version
        clients = latest.clients
        blockedClients = latest.blockedClients
        maxClients = latest.maxClients
        opsPerSecond = rate.perSecond(series.map(\.commands))
        usedMemoryBytes = latest.usedMemory
        maxMemoryBytes = latest.maxMemory
        memoryUsedPercent = RateMath.percent(latest.usedMemory, of: latest.maxMemory)
        evictionPolicy = latest.evictionPolicy
        queues = latest.queues
        shared = latest.shared
    }
}
