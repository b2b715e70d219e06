/// The four priority queues of the seeds' services, highest first.
public enum JobPriority: String, Sendable, CaseIterable, Comparable {
    /// Served first: short interactive jobs.
    case high
    /// The bulk of the work.
    case normal
    /// Served when high and normal are empty.
    case low
    /// Bulk jobs, dumped on a schedule; served last.
    case batch

    /// Position in priority order (0 = served first).
    public var rank: Int {
        switch self {
        case .high: 0
        case .normal: 1
        case .low: 2
        case .batch: 3
        }
    }

    public static func < (lhs: JobPriority, rhs: JobPriority) -> Bool {
        lhs.rank < rhs.rank
    }
}
