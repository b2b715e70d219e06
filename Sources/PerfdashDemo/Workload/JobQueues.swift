/// Four FIFO queues served by one pool of workers in strict priority order, simulated in virtual time.
///
/// A free worker always takes the oldest job of the highest-priority queue that has one, so under load the batch
/// and low queues grow while high stays short: the pattern the queue-depth panel is there to show. The simulation
/// is exact (event by event), not sampled, and costs O(1) per job.
public struct JobQueues: Sendable {
    /// A job waiting in a queue.
    private struct Job: Sendable {
        var enqueued: Duration
        var service: Duration
    }

    /// Number of workers in the pool.
    public let workers: Int
    /// When each worker becomes free.
    private var freeAt: [Duration]
    /// Pending jobs per priority rank, each consumed from `heads[rank]`.
    private var pending: [[Job]] = Array(repeating: [], count: JobPriority.allCases.count)
    private var heads: [Int] = Array(repeating: 0, count: JobPriority.allCases.count)

    /// Creates a pool of `workers` idle workers and empty queues.
    public init(workers: Int) {
        precondition(workers >= 1, "JobQueues needs at least one worker")
        self.workers = workers
        freeAt = Array(repeating: .zero, count: workers)
    }

    /// Jobs waiting (not yet started) in `queue`.
    public func depth(_ queue: JobPriority) -> Int {
        pending[queue.rank].count - heads[queue.rank]
    }

    /// Workers still busy at `time`.
    public func busyWorkers(at time: Duration) -> Int {
        freeAt.reduce(0) { $0 + ($1 > time ? 1 : 0) }
    }

    /// Adds a job taking `service` of a worker's time to `queue` at `time` (not earlier than earlier enqueues).
    public mutating func enqueue(_ queue: JobPriority, at time: Duration, service: Duration) {
        pending[queue.rank].append(Job(enqueued: time, service: service))
    }

    /// Runs the pool up to `time`: every job that a worker can start by then is started, in priority order.
    ///
    /// Returns the jobs started, in start order, with how long each waited.
    public mutating func advance(to time: Duration) -> [(queue: JobPriority, waited: Duration)] {
        var started: [(queue: JobPriority, waited: Duration)] = []
        while let worker = earliestFreeWorker(), let next = nextJob(freeAt: freeAt[worker]), next.start <= time {
            let (rank, start) = next
            let job = pending[rank][heads[rank]]
            heads[rank] += 1
            compact(rank)
            freeAt[worker] = start + job.service
            started.append((JobPriority.allCases[rank], start - job.enqueued))
        }
        return started
    }

    private func earliestFreeWorker() -> Int? {
        freeAt.indices.min { freeAt[$0] < freeAt[$1] }
    }

    /// The queue a worker free at `free` serves next, and when it starts: at `free` if some job is already
    /// waiting then (the highest priority one), else when the earliest job arrives.
    private func nextJob(freeAt free: Duration) -> (rank: Int, start: Duration)? {
        var earliest: (rank: Int, enqueued: Duration)?
        for rank in pending.indices where heads[rank] < pending[rank].count {
            let enqueued = pending[rank][heads[rank]].enqueued
            if enqueued <= free { return (rank: rank, start: free) }
            if earliest == nil || enqueued < earliest!.enqueued { earliest = (rank, enqueued) }
        }
        return earliest.map { (rank: $0.rank, start: $0.enqueued) }
    }

    /// Drops consumed jobs once they dominate the array, so memory stays bounded by the backlog.
    private mutating func compact(_ rank: Int) {
        let head = heads[rank]
        if head == pending[rank].count {
            pending[rank].removeAll(keepingCapacity: true)
            heads[rank] = 0
        } else if head >= 1024 && head * 2 >= pending[rank].count {
            pending[rank].removeFirst(head)
            heads[rank] = 0
        }
    }
}
