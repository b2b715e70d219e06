/// How a task-queue library keeps its jobs in Redis, so a queue is configured by its name alone.
public enum RedisQueuePreset: String, Sendable, Equatable, CaseIterable, Codable {
    /// Celery (kombu's Redis transport): one list per priority step, `<name>` for step 0 and `<name><sep><step>`
    /// for the others (steps 0, 3, 6, 9 and sep `\x06\x16` by default), summed; unacked tasks in the `unacked` hash.
    case celery
    /// RQ: waiting jobs in the list `rq:queue:<name>`; started, scheduled, deferred and failed jobs in the sorted
    /// sets `rq:wip:<name>`, `rq:scheduled:<name>`, `rq:deferred:<name>`, `rq:failed:<name>`.
    case rq
    /// Sidekiq: waiting jobs in the list `queue:<name>`; the retry, schedule and dead sorted sets are shared.
    case sidekiq
    /// BullMQ: waiting jobs in `bull:<name>:wait` and `:paused` (lists) and `:prioritized` (sorted set); active
    /// (list), delayed and failed (sorted sets) beside them.
    case bullmq
    /// The name is the key of a list.
    case raw

    /// The keys of queue `name`.
    public func parts(for name: String, options: RedisQueueOptions = .defaults) -> [RedisQueuePart] {
        let prefix = options.keyPrefix ?? ""
        switch self {
        case .celery:
            return options.prioritySteps.map { step in
                RedisQueuePart(label: "priority \(step)",
                               key: prefix + (step == 0 ? name : "\(name)\(options.separator)\(step)"), type: .list)
            }
        case .rq:
            return [RedisQueuePart(label: "queued", key: "\(prefix)rq:queue:\(name)", type: .list)]
                + [("started", "wip"), ("scheduled", "scheduled"), ("deferred", "deferred"), ("failed", "failed")].map {
                    RedisQueuePart(label: $0.0, key: "\(prefix)rq:\($0.1):\(name)", type: .sortedSet, inDepth: false)
                }
        case .sidekiq:
            return [RedisQueuePart(label: "enqueued", key: "\(prefix)queue:\(name)", type: .list)]
        case .bullmq:
            let base = "\(options.keyPrefix ?? "bull"):\(name):"
            return [
                RedisQueuePart(label: "wait", key: base + "wait", type: .list),
                RedisQueuePart(label: "prioritized", key: base + "prioritized", type: .sortedSet),
                RedisQueuePart(label: "paused", key: base + "paused", type: .list),
                RedisQueuePart(label: "active", key: base + "active", type: .list, inDepth: false),
                RedisQueuePart(label: "delayed", key: base + "delayed", type: .sortedSet, inDepth: false),
                RedisQueuePart(label: "failed", key: base + "failed", type: .sortedSet, inDepth: false),
            ]
        case .raw:
            return [RedisQueuePart(label: prefix + name, key: prefix + name, type: .list)]
        }
    }

    /// The keys of queue `name`, in the order they are read.
    public func keys(for name: String, options: RedisQueueOptions = .defaults) -> [String] {
        parts(for: name, options: options).map(\.key)
    }

    /// Keys the library shares across queues (Celery's unacked hash, Sidekiq's retry / schedule / dead sets).
    public func sharedParts(options: RedisQueueOptions = .defaults) -> [RedisQueuePart] {
        let prefix = options.keyPrefix ?? ""
        switch self {
        case .celery:
            return [RedisQueuePart(label: "celery unacked", key: prefix + "unacked", type: .hash, inDepth: false)]
        case .sidekiq:
            return ["retry", "schedule", "dead"].map {
                RedisQueuePart(label: "sidekiq \($0)", key: prefix + $0, type: .sortedSet, inDepth: false)
            }
        case .rq, .bullmq, .raw:
            return []
        }
    }
}

/// The options a preset takes, named as the library names them.
public struct RedisQueueOptions: Sendable, Equatable {
    /// Celery's `priority_steps` (kombu's default 0, 3, 6, 9), sorted, without duplicates.
    public var prioritySteps: [Int]
    /// Celery's priority separator `sep` (kombu's default `\x06\x16`; `:` is common).
    public var separator: String
    /// A prefix before every key: Celery's `global_keyprefix`, a Sidekiq namespace with its colon (`myapp:`),
    /// BullMQ's `prefix` (default `bull`, without the colon).
    public var keyPrefix: String?

    /// kombu's defaults and no prefix.
    public static let defaults = RedisQueueOptions(prioritySteps: [0, 3, 6, 9], separator: "\u{06}\u{16}",
                                                   keyPrefix: nil)

    /// Creates options; steps are sorted and deduplicated.
    public init(prioritySteps: [Int], separator: String, keyPrefix: String?) {
        self.prioritySteps = Array(Set(prioritySteps)).sorted()
        self.separator = separator
        self.keyPrefix = keyPrefix
    }
}

/// One key that holds some of a queue's jobs.
public struct RedisQueuePart: Sendable, Equatable {
    /// How the key's size is read.
    public enum KeyType: String, Sendable, Equatable {
        /// LLEN.
        case list
        /// ZCARD.
        case sortedSet
        /// HLEN.
        case hash

        /// The command that reads the size.
        var command: String {
            switch self {
            case .list: "LLEN"
            case .sortedSet: "ZCARD"
            case .hash: "HLEN"
            }
        }
    }

    /// What the key holds: `priority 3`, `queued`, `failed`…
    public var label: String
    /// The Redis key.
    public var key: String
    /// List, sorted set or hash.
    public var type: KeyType
    /// Whether its jobs count in the queue's depth (waiting jobs do; started, failed, delayed do not).
    public var inDepth: Bool

    /// Creates a part.
    public init(label: String, key: String, type: KeyType, inDepth: Bool = true) {
        self.label = label
        self.key = key
        self.type = type
        self.inDepth = inDepth
    }
}

/// One queue perfdash reports: its display name and the keys that hold its jobs.
public struct RedisQueue: Sendable, Equatable {
    /// The name shown (the configured queue name, or the raw key).
    public var name: String
    /// The preset that named the keys (`raw` for explicit keys).
    public var preset: RedisQueuePreset
    /// The preset's options.
    public var options: RedisQueueOptions
    /// The keys read; the depth is the sum of the `inDepth` ones.
    public var parts: [RedisQueuePart]

    /// Creates a queue from a name, a preset and its options.
    public init(name: String, preset: RedisQueuePreset, options: RedisQueueOptions = .defaults) {
        self.name = name
        self.preset = preset
        self.options = options
        parts = preset.parts(for: name, options: options)
    }

    /// Creates a queue from explicit list keys, all counted in the depth.
    public init(name: String, keys: [String]) {
        self.name = name
        preset = .raw
        options = .defaults
        parts = keys.map { RedisQueuePart(label: $0, key: $0, type: .list) }
    }

    /// The keys read, in order.
    public var keys: [String] { parts.map(\.key) }
}
