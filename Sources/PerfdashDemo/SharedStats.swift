import Synchronization

/// The workload's latest totals, written by the pacing task and read by whoever holds the handle.
final class SharedStats: Sendable {
    private let value = Mutex(WorkloadStats())

    /// Replaces the totals.
    func publish(_ stats: WorkloadStats) {
        value.withLock { $0 = stats }
    }

    /// The totals last published.
    var current: WorkloadStats { value.withLock { $0 } }
}
