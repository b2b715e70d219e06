/// What Redis says about itself beyond keyspace hits: clients, commands, memory, and each queue's keys.
public struct RedisServerSample: Sendable, Equatable {
    /// `redis_version`.
    public var version: String
    /// Connected clients, perfdash's own connection left out.
    public var clients: Double
    /// Clients blocked in BLPOP / BRPOP and the like (idle workers waiting for jobs).
    public var blockedClients: Double
    /// The `maxclients` limit.
    public var maxClients: Double?
    /// Commands processed since start, perfdash's own taken out (see `OwnTrafficLedger`).
    public var commands: Double
    /// `used_memory`, bytes.
    public var usedMemory: Double
    /// `maxmemory`, bytes; 0 means no limit.
    public var maxMemory: Double
    /// `maxmemory_policy`.
    public var evictionPolicy: String
    /// Each configured queue's keys with their sizes, in config order.
    public var queues: [RedisQueueReading]
    /// Keys a library shares across queues (Celery's unacked hash, Sidekiq's retry, schedule and dead sets).
    public var shared: [RedisPartReading]

    /// Creates a sample.
    public init(version: String = "", clients: Double = 0, blockedClients: Double = 0, maxClients: Double? = nil,
                commands: Double = 0, usedMemory: Double = 0, maxMemory: Double = 0, evictionPolicy: String = "",
                queues: [RedisQueueReading] = [], shared: [RedisPartReading] = []) {
        self.version = version
        self.clients = clients
        self.blockedClients = blockedClients
        self.maxClients = maxClients
        self.commands = commands
        self.usedMemory = usedMemory
        self.maxMemory = maxMemory
        self.evictionPolicy = evictionPolicy
        self.queues = queues
        self.shared = shared
    }
}

/// One queue's keys as read.
public struct RedisQueueReading: Sendable, Equatable, Codable {
    /// The queue name.
    public var queue: String
    /// Each key's size.
    public var parts: [RedisPartReading]

    /// Creates a reading.
    public init(queue: String, parts: [RedisPartReading]) {
        self.queue = queue
        self.parts = parts
    }
}

/// One key's size.
public struct RedisPartReading: Sendable, Equatable, Codable {
    /// What the key holds (`priority 3`, `failed`…).
    public var part: String
    /// Its size now (LLEN, ZCARD or HLEN).
    public var size: Double
    /// Whether it counts in the queue's depth.
    public var inDepth: Bool

    /// Creates a reading.
    public init(part: String, size: Double, inDepth: Bool) {
        self.part = part
        self.size = size
        self.inDepth = inDepth
    }
}
