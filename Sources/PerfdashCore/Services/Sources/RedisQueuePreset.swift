/// How a task-queue library names its Redis lists, so a queue is configured by its name alone.
public enum RedisQueuePreset: String, Sendable, Equatable, CaseIterable, Codable {
    /// Celery (kombu): the list `<name>` plus its priority lists `<name>\x06\x163`, `…6`, `…9`, summed.
    case celery
    /// RQ: `rq:queue:<name>`.
    case rq
    /// Sidekiq: `queue:<name>`.
    case sidekiq
    /// BullMQ: the wait list `bull:<name>:wait`.
    case bullmq
    /// The name is the key itself.
    case raw

    /// The list keys whose lengths add up to the depth of queue `name`.
    public func keys(for name: String) -> [String] {
        switch self {
        case .celery:
            // kombu's Redis transport keeps priorities 3, 6 and 9 in lists suffixed by its separator \x06\x16.
            return [name] + ["3", "6", "9"].map { "\(name)\u{06}\u{16}\($0)" }
        case .rq: return ["rq:queue:\(name)"]
        case .sidekiq: return ["queue:\(name)"]
        case .bullmq: return ["bull:\(name):wait"]
        case .raw: return [name]
        }
    }
}

/// One queue perfdash reports: its display name and the Redis lists that hold its jobs.
public struct RedisQueue: Sendable, Equatable {
    /// The name shown (the configured queue name, or the raw key).
    public var name: String
    /// List keys whose LLEN values are summed into the depth.
    public var keys: [String]

    /// Creates a queue from a name and a preset.
    public init(name: String, preset: RedisQueuePreset) {
        self.name = name
        self.keys = preset.keys(for: name)
    }

    /// Creates a queue from explicit keys.
    public init(name: String, keys: [String]) {
        self.name = name
        self.keys = keys
    }
}
